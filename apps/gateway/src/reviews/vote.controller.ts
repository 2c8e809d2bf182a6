import {
  type VoteCreateBody,
  type VoteRulesBody,
  type VoteSlateBody,
  voteClose,
  voteCreate,
  voteCreateBody,
  voteGet,
  voteList,
  voteOpen,
  voteRulesBody,
  voteSchema,
  voteSetRules,
  voteSetSlate,
  voteSlateBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CycleQuery, cycleQuery, VOTE_RULE, type VoteIdPath, voteIdPath } from './reviews-routes.schema';

/** The member units' vote as the office sets it up, opens, closes and tallies it; nobody reads a ballot here. */
@Controller('tenants/:tenantKey/votes')
export class VoteController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Create the vote of a cycle (a draft)',
    rule: VOTE_RULE,
    body: voteCreateBody,
    response: voteSchema,
    status: 201,
    path: tenantPath,
  })
  create(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(voteCreateBody)) body: VoteCreateBody) {
    return this.runtime.client.request(voteCreate, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The votes, by `?cycle=`: turnout (who cast, never what) and, once tallied, counts per candidate',
    query: cycleQuery,
    response: voteList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(cycleQuery, 'query')) query: CycleQuery) {
    return this.runtime.client.request(voteList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'One vote: rules, slate, turnout, and the tally once closed (counts only)',
    response: voteSchema,
    path: voteIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath) {
    return this.runtime.client.request(voteGet, { id: path.id }, { context: contextOf(request) });
  }

  @Put(':id/rules')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Record the quorum and majority with a reason, before the vote opens',
    rule: VOTE_RULE,
    body: voteRulesBody,
    response: voteSchema,
    path: voteIdPath,
  })
  rules(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath,
    @Body(new ZodPipe(voteRulesBody)) body: VoteRulesBody,
  ) {
    return this.runtime.client.request(voteSetRules, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Put(':id/slate')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Set the slate (the applications that reached the vote, in ranking order) with a reason',
    rule: VOTE_RULE,
    body: voteSlateBody,
    response: voteSchema,
    path: voteIdPath,
  })
  slate(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath,
    @Body(new ZodPipe(voteSlateBody)) body: VoteSlateBody,
  ) {
    return this.runtime.client.request(voteSetSlate, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/open')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Open the vote: one draft ballot per member unit',
    rule: VOTE_RULE,
    response: voteSchema,
    path: voteIdPath,
  })
  open(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath) {
    return this.runtime.client.request(voteOpen, { id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/close')
  @HttpCode(200)
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Close the vote and tally it under the recorded quorum and majority',
    rule: VOTE_RULE,
    response: voteSchema,
    path: voteIdPath,
  })
  close(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(voteIdPath, 'path')) path: VoteIdPath) {
    return this.runtime.client.request(voteClose, { id: path.id }, { context: contextOf(request) });
  }
}
