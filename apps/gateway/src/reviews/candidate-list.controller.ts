import { candidateListGet, candidateListPublish, candidateListSchema } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CycleNumberPath, cycleNumberPath, DELIBERATION_RULE, VOTE_RULE } from './reviews-routes.schema';

/** The candidate list of a cycle: the result of its vote and/or deliberation, published once for the awards service. */
@Controller('tenants/:tenantKey/candidate-lists')
export class CandidateListController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post(':cycleNumber')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Publish the cycle’s candidate list (once) from the tallied vote and/or the recorded deliberation',
    rule: `${VOTE_RULE}; ${DELIBERATION_RULE}`,
    response: candidateListSchema,
    status: 201,
    path: cycleNumberPath,
  })
  publish(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cycleNumberPath, 'path')) path: CycleNumberPath) {
    return this.runtime.client.request(
      candidateListPublish,
      { cycleNumber: path.cycleNumber },
      { context: contextOf(request) },
    );
  }

  @Get(':cycleNumber')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The cycle’s published candidate list with the proposed tier per candidate',
    response: candidateListSchema,
    path: cycleNumberPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cycleNumberPath, 'path')) path: CycleNumberPath) {
    return this.runtime.client.request(
      candidateListGet,
      { cycleNumber: path.cycleNumber },
      { context: contextOf(request) },
    );
  }
}
