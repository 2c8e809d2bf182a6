import {
  commendationDecisionGet,
  commendationDecisionRecord,
  commendationDecisionSchema,
  type RecordCommendationDecisionBody,
  recordCommendationDecisionBody,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CyclePath, cyclePath } from './awards.schema';

/** The approval (审定) of a cycle's winners and the commendation decision, recorded by the office from the act. */
@Controller('tenants/:tenantKey/cycles')
export class CommendationDecisionController {
  constructor(private readonly client: ServiceClient) {}

  @Post(':number/commendation-decision')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'titles',
    summary:
      'Records the government’s approval (审定) as its act says it — body, document number (文号), day, winners with tiers — and grants one title per winner; quotas checked (hard: refused; in principle: only with the deciding body’s reason); publishes awards.award.decided.v1',
    body: recordCommendationDecisionBody,
    response: commendationDecisionSchema,
    path: cyclePath,
    status: 201,
  })
  record(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Body(new ZodPipe(recordCommendationDecisionBody, 'body')) body: RecordCommendationDecisionBody,
  ) {
    return this.client.request(
      commendationDecisionRecord,
      { ...body, cycleNumber: path.number },
      { context: contextOf(request) },
    );
  }

  @Get(':number/commendation-decision')
  @Access({ roles: ['office', 'leading_group', 'supervisor', 'finance'], whileSuspended: true })
  @ApiRoute({
    tag: 'titles',
    summary: 'The cycle’s commendation decision: the act, the quotas used, the titles granted',
    response: commendationDecisionSchema,
    path: cyclePath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.client.request(commendationDecisionGet, { cycleNumber: path.number }, { context: contextOf(request) });
  }
}
