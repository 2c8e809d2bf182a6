import { awardsCandidateListGet, awardsCandidateListSchema } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Controller, Get, Param, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CyclePath, cyclePath } from './awards.schema';

/** The candidate list the awards service recorded for a cycle (from `reviews.candidate-list.published.v1`). */
@Controller('tenants/:tenantKey/cycles')
export class CandidateListRecordController {
  constructor(private readonly client: ServiceClient) {}

  @Get(':number/candidate-list')
  @Access({ roles: ['office', 'leading_group', 'supervisor'], whileSuspended: true })
  @ApiRoute({
    tag: 'cycles',
    summary: 'The candidate list the awards service recorded for the cycle, with the proposed tier per candidate',
    response: awardsCandidateListSchema,
    path: cyclePath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(awardsCandidateListGet, { cycleNumber: path.number }, { context: contextOf(request) });
  }
}
