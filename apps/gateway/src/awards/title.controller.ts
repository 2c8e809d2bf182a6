import { pageNext, pageQuery, titleGet, titleList, titleSchema, titleStatusSchema } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantKeyParam, tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const titlePath = z.object({ tenantKey: tenantKeyParam, titleId: z.uuid() }).strict();
const titleQuery = z
  .object({
    cycleNumber: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    applicantId: z.uuid().optional(),
    status: titleStatusSchema.optional(),
    ...pageQuery,
  })
  .strict();

/** The titles (称号) the commendation decisions granted, with their states and history. */
@Controller('tenants/:tenantKey/titles')
export class TitleController {
  constructor(private readonly client: ServiceClient) {}

  @Get()
  @Access({ roles: ['office', 'leading_group', 'supervisor', 'finance'], whileSuspended: true })
  @ApiRoute({
    tag: 'titles',
    summary: 'The titles granted in the jurisdiction (by cycle, applicant or state), newest cycle first',
    query: titleQuery,
    response: z.object({ items: z.array(titleSchema), ...pageNext }),
    path: tenantPath,
  })
  list(
    @Req() request: AuthenticatedRequest,
    @Query(new ZodPipe(titleQuery, 'query')) query: z.infer<typeof titleQuery>,
  ) {
    return this.client.request(titleList, query, { context: contextOf(request) });
  }

  @Get(':titleId')
  @Access({ roles: ['office', 'leading_group', 'supervisor', 'finance'], whileSuspended: true })
  @ApiRoute({ tag: 'titles', summary: 'One title, with its history of states', response: titleSchema, path: titlePath })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>) {
    return this.client.request(titleGet, { titleId: path.titleId }, { context: contextOf(request) });
  }
}
