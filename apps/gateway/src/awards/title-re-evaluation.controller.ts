import { titleReEvaluate, titleSchema } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantKeyParam } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const titlePath = z.object({ tenantKey: tenantKeyParam, titleId: z.uuid() }).strict();
const reEvaluationBody = titleReEvaluate.request.omit({ titleId: true });

/** The office records a title's re-evaluation at the end of its validity (linxia 第五条). */
@Controller('tenants/:tenantKey/titles/:titleId/re-evaluation')
export class TitleReEvaluationController {
  constructor(private readonly client: ServiceClient) {}

  @Post()
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'titles',
    summary: 'Record a re-evaluation: keep (with the new last day), rectify by a date, confirm, or lose',
    body: reEvaluationBody,
    response: titleSchema,
    path: titlePath,
  })
  record(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>,
    @Body(new ZodPipe(reEvaluationBody)) body: z.infer<typeof reEvaluationBody>,
  ) {
    return this.client.request(titleReEvaluate, { titleId: path.titleId, ...body }, { context: contextOf(request) });
  }
}
