import {
  type CandidateProposalBody,
  candidateListGet,
  candidateListPublish,
  candidateListSchema,
  candidateProposalBody,
  candidateProposalGet,
  candidateProposalRecord,
  candidateProposalSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type CycleNumberPath,
  cycleNumberPath,
  DELIBERATION_RULE,
  PROPOSAL_RULE,
  VOTE_RULE,
} from './reviews-routes.schema';

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

  @Put(':cycleNumber/proposal')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Record the office’s candidate proposal (once) from the cycle’s ranking, or its own list with a reason',
    rule: PROPOSAL_RULE,
    body: candidateProposalBody,
    response: candidateProposalSchema,
    path: cycleNumberPath,
  })
  propose(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cycleNumberPath, 'path')) path: CycleNumberPath,
    @Body(new ZodPipe(candidateProposalBody)) body: CandidateProposalBody,
  ) {
    return this.runtime.client.request(
      candidateProposalRecord,
      { ...body, cycleNumber: path.cycleNumber },
      { context: contextOf(request) },
    );
  }

  @Get(':cycleNumber/proposal')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The office’s recorded candidate proposal',
    rule: PROPOSAL_RULE,
    response: candidateProposalSchema,
    path: cycleNumberPath,
  })
  proposal(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cycleNumberPath, 'path')) path: CycleNumberPath) {
    return this.runtime.client.request(
      candidateProposalGet,
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
