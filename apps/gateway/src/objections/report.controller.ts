import {
  reportGet,
  reportList,
  reportReply,
  reportReplyBody,
  reportRevealIdentity,
  reportRevealIdentityBody,
  reportSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByIdPath, byIdPath, type ReportListQuery, reportListQuery } from './objections-routes.schema';

/**
 * Reports (举报): every acting body may ask; the objections service answers by the policy (the receiving body answers,
 * sees the reporter masked in the single read and may reveal them by an audited action; the supervision group reads),
 * and refuses the others with the article. No list shows who reported.
 */
@Controller('tenants/:tenantKey/reports')
export class ReportController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get()
  @Access({ roles: ['office', 'supervisor', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    query: reportListQuery,
    tag: 'reports',
    summary:
      'Reports, for the body that receives them (the policy’s, else the office) and the supervision group; never who reported',
    rule: 'the reporter’s identity goes only to the receiver of reports the tenant’s policy names (e.g. xinzhou-city 第二十七条)',
    response: reportList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(reportListQuery, 'query')) query: ReportListQuery) {
    return this.runtime.client.request(reportList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office', 'supervisor', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'reports',
    summary:
      'One report; the body that receives reports sees the reporter masked (surname, masked phone and ID number)',
    response: reportSchema,
    path: byIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(reportGet, { id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/replies')
  @Access({ roles: ['office', 'supervisor', 'leading_group'] })
  @ApiRoute({
    tag: 'reports',
    summary: 'Reply to the reporter (seen with the token)',
    body: reportReplyBody,
    response: reportSchema,
    status: 200,
    path: byIdPath,
  })
  reply(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(reportReplyBody)) body: z.infer<typeof reportReplyBody>,
  ) {
    return this.runtime.client.request(reportReply, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post(':id/reveal-identity')
  @Access({ roles: ['office', 'supervisor', 'leading_group'] })
  @ApiRoute({
    tag: 'reports',
    summary:
      'The reporter’s full identity, for the body that receives reports only (linxia 第二十四条: the committee office; xinzhou-city 第二十七条: the supervision group); the reason is recorded in the audit trail, the identity is not',
    body: reportRevealIdentityBody,
    response: reportRevealIdentity.response,
    status: 200,
    path: byIdPath,
  })
  revealIdentity(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(reportRevealIdentityBody)) body: z.infer<typeof reportRevealIdentityBody>,
  ) {
    return this.runtime.client.request(
      reportRevealIdentity,
      { id: path.id, reason: body.reason },
      { context: contextOf(request) },
    );
  }
}
