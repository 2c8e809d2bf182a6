import {
  type BallotChoicesBody,
  ballotCastMine,
  ballotChoicesBody,
  ballotGetMine,
  ballotSaveMine,
  ballotSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { VOTE_RULE, type VoteIdPath, voteIdPath } from './reviews-routes.schema';

/** A member unit's own ballot: the only route to a ballot, and only to the caller's (secret until the tally). */
@Controller('tenants/:tenantKey/votes/:id/ballots/mine')
export class BallotController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ['leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The member unit’s own ballot (404 for an account that is no member unit)',
    response: ballotSchema,
    path: voteIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath) {
    return this.runtime.client.request(ballotGetMine, { voteId: path.id }, { context: contextOf(request) });
  }

  @Put()
  @Access({ roles: ['leading_group'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Save the ballot as a draft while the vote is open',
    rule: VOTE_RULE,
    body: ballotChoicesBody,
    response: ballotSchema,
    path: voteIdPath,
  })
  save(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath,
    @Body(new ZodPipe(ballotChoicesBody)) body: BallotChoicesBody,
  ) {
    return this.runtime.client.request(ballotSaveMine, { voteId: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('cast')
  @HttpCode(200)
  @Access({ roles: ['leading_group'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Cast the ballot: a choice for every candidate; once only',
    rule: VOTE_RULE,
    body: ballotChoicesBody,
    response: ballotSchema,
    path: voteIdPath,
  })
  cast(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath,
    @Body(new ZodPipe(ballotChoicesBody)) body: BallotChoicesBody,
  ) {
    return this.runtime.client.request(ballotCastMine, { voteId: path.id, ...body }, { context: contextOf(request) });
  }
}
