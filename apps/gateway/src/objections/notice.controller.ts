import {
  CANDIDATE_LIST_NOTICE_STAGES,
  candidateNoticeEntriesCheck,
  type NoticeOpenBody,
  noticeGet,
  noticeList,
  noticeOpen,
  noticeOpenBody,
  noticeSchema,
  noticeWithdraw,
  noticeWithdrawBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByIdPath, byIdPath, type NoticeListQuery, noticeListQuery } from './objections-routes.schema';

/** The office opens, follows and, when one was published in error, withdraws its public notices (公示). */
@Controller('tenants/:tenantKey/notices')
export class NoticeController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
  ) {}

  @Post()
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'notices',
    summary: 'Open a public notice (公示)',
    rule: 'the period is the tenant’s policy’s for the stage, counted on the official calendar; at a candidate-list stage (candidates, candidate_list, proposed_winners) each entry must be a candidate of the recorded list not removed by an objection',
    body: noticeOpenBody,
    response: noticeSchema,
    status: 201,
    path: tenantPath,
  })
  async open(@Req() request: AuthenticatedRequest, @Body(new ZodPipe(noticeOpenBody)) body: NoticeOpenBody) {
    const context = contextOf(request);
    // The awards service owns the candidate lists; a gateway routing to no awards service has no list to check against.
    if (CANDIDATE_LIST_NOTICE_STAGES.includes(body.stage) && this.services.includes('awards')) {
      const { cycleNumber, stage, entries } = body;
      const checked = entries.map((e) => ({ subjectId: e.subjectId, applicationId: e.applicationId }));
      await this.runtime.client.request(
        candidateNoticeEntriesCheck,
        { cycleNumber, stage, entries: checked },
        { context },
      );
    }
    return this.runtime.client.request(noticeOpen, body, { context });
  }

  @Get()
  @Access({ roles: ['office', 'supervisor', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    query: noticeListQuery,
    tag: 'notices',
    summary: 'The jurisdiction’s notices',
    response: noticeList.response,
    path: tenantPath,
  })
  list(@Req() request: AuthenticatedRequest, @Query(new ZodPipe(noticeListQuery, 'query')) query: NoticeListQuery) {
    return this.runtime.client.request(noticeList, query, { context: contextOf(request) });
  }

  @Get(':id')
  @Access({ roles: ['office', 'supervisor', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'notices',
    summary: 'One notice with its entries and their outcomes',
    response: noticeSchema,
    path: byIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(noticeGet, { id: path.id }, { context: contextOf(request) });
  }

  @Post(':id/withdraw')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'notices',
    summary: 'Withdraw a notice before its close (it takes no more objections; the public sees why)',
    body: noticeWithdrawBody,
    response: noticeSchema,
    status: 200,
    path: byIdPath,
  })
  withdraw(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(noticeWithdrawBody)) body: z.infer<typeof noticeWithdrawBody>,
  ) {
    return this.runtime.client.request(noticeWithdraw, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
