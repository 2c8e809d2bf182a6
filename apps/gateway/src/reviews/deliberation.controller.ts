import {
  type DeliberationBody,
  deliberationBody,
  deliberationList,
  deliberationRecord,
  deliberationSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Post, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type CycleQuery, cycleQuery, DELIBERATION_RULE } from './reviews-routes.schema';

/** Deliberations: minutes (who attended, when, the text) and the decision per candidate, recorded once per cycle. */
@Controller('tenants/:tenantKey/deliberations')
export class DeliberationController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'votes',
    summary: 'Record the deliberation of a cycle: minutes and the decision per candidate (once)',
    rule: DELIBERATION_RULE,
    body: deliberationBody,
    response: deliberationSchema,
    status: 201,
    path: tenantPath,
  })
  record(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(deliberationBody)) body: DeliberationBody) {
    return this.runtime.client.request(deliberationRecord, body, { context: contextOf(request) });
  }

  @Get()
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'votes',
    summary: 'The recorded deliberations, by `?cycle=`',
    query: cycleQuery,
    response: deliberationList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(cycleQuery, 'query')) query: CycleQuery) {
    return this.runtime.client.request(deliberationList, query, { context: contextOf(request) });
  }
}
