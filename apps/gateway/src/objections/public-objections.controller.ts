import {
  noticeGetPublic,
  noticeListPublic,
  type ObjectionFileBody,
  objectionConfirm,
  objectionConfirmBody,
  objectionFile,
  objectionFileBody,
  objectionReceipt,
  objectionTrack,
  publicNoticeSchema,
  type ReportFileBody,
  reportFile,
  reportFileBody,
  reportTrack,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type ByIdPath,
  type ByReceiptPath,
  byIdPath,
  byReceiptPath,
  reportTrackBody,
} from './objections-routes.schema';
import { type CachedAnswer, PublicNoticeCache } from './public-notice-cache.service';
import { sendCachedAnswer } from './public-notice-fast-path';

/**
 * What the public reads and files without an account: notices, objections during their period, reports.
 * The guard resolves `{tenantKey}` (404 when unknown or suspended); these routes are rate-limited per address. Cached
 * notice reads are answered before these handlers by PublicNoticeFastPath (ADR 0020).
 */
@Controller('public/:tenantKey')
@Public()
export class PublicObjectionsController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    private readonly cache: PublicNoticeCache,
  ) {}

  private send(request: AuthenticatedRequest, reply: FastifyReply, answer: CachedAnswer) {
    return sendCachedAnswer(request, reply, answer, this.cache.maxAge(answer));
  }

  @Get('notices')
  @ApiRoute({
    tag: 'public notices',
    summary: 'Open and recent notices',
    response: noticeListPublic.response,
    path: tenantPath,
  })
  async notices(@Req() request: AuthenticatedRequest, @Res() reply: FastifyReply) {
    const context = contextOf(request);
    const answer = await this.cache.answer(context.tenantId ?? '', 'notices', () =>
      this.runtime.client.request(noticeListPublic, {}, { context }),
    );
    return this.send(request, reply, answer);
  }

  @Get('notices/:id')
  @ApiRoute({
    tag: 'public notices',
    summary: 'One notice: entries, period, deadline, how to object',
    response: publicNoticeSchema,
    path: byIdPath,
  })
  async notice(
    @Req() request: AuthenticatedRequest,
    @Res() reply: FastifyReply,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
  ) {
    const context = contextOf(request);
    const answer = await this.cache.answer(context.tenantId ?? '', `notices/${path.id}`, () =>
      this.runtime.client.request(noticeGetPublic, { id: path.id }, { context }),
    );
    return this.send(request, reply, answer);
  }

  @Post('notices/:id/objections')
  @ApiRoute({
    tag: 'public notices',
    summary: 'File an objection (异议) to an entry of a notice',
    rule: 'in writing with evidence and the objector’s identity, during the notice’s period (the tenant’s policy names the article, e.g. ili 第十八条)',
    body: objectionFileBody,
    response: objectionFile.response,
    status: 201,
    path: byIdPath,
  })
  object(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(objectionFileBody)) body: z.output<typeof objectionFileBody>,
  ) {
    const payload: ObjectionFileBody & { noticeId: string } = { noticeId: path.id, ...body };
    return this.runtime.client.request(objectionFile, payload, { context: contextOf(request) });
  }

  @Get('objections/:receiptNumber')
  @ApiRoute({
    tag: 'public notices',
    summary: 'Follow an objection by its receipt number',
    response: objectionTrack.response,
    path: byReceiptPath,
  })
  track(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byReceiptPath, 'path')) path: ByReceiptPath) {
    return this.runtime.client.request(
      objectionTrack,
      { receiptNumber: path.receiptNumber },
      { context: contextOf(request) },
    );
  }

  @Post('objections/:receiptNumber/confirmation')
  @ApiRoute({
    tag: 'public notices',
    summary: 'Confirm or dispute the written result of an objection, with the token given at filing',
    rule: 'only where the regulation sends the result to the objector for confirmation (linxia 第二十三条)',
    body: objectionConfirmBody,
    response: objectionConfirm.response,
    status: 200,
    path: byReceiptPath,
  })
  confirm(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byReceiptPath, 'path')) path: ByReceiptPath,
    @Body(new ZodPipe(objectionConfirmBody)) body: z.output<typeof objectionConfirmBody>,
  ) {
    return this.runtime.client.request(
      objectionConfirm,
      { receiptNumber: path.receiptNumber, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('objections/:receiptNumber/receipt')
  @ApiRoute({
    tag: 'public notices',
    summary: 'Download the written receipt (书面凭证), text/plain',
    path: byReceiptPath,
  })
  async receipt(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byReceiptPath, 'path')) path: ByReceiptPath,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.runtime.client.request(
      objectionReceipt,
      { receiptNumber: path.receiptNumber },
      { context: contextOf(request) },
    );
    reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.filename}"`)
      .header('cache-control', 'no-store');
    return document.content;
  }

  @Post('reports')
  @ApiRoute({
    tag: 'public reports',
    summary: 'Report misconduct (举报), by name or anonymously where allowed',
    rule: 'where the regulation provides for reports (the tenant’s policy names the article, e.g. xinzhou-city 第二十七条); the reporter’s identity is kept confidential',
    body: reportFileBody,
    response: reportFile.response,
    status: 201,
    path: tenantPath,
  })
  report(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(reportFileBody)) body: z.output<typeof reportFileBody>,
  ) {
    const payload: ReportFileBody = body;
    return this.runtime.client.request(reportFile, payload, { context: contextOf(request) });
  }

  @Post('reports/track')
  @ApiRoute({
    tag: 'public reports',
    summary: 'Follow a report with its token (sent in the body, never in the URL)',
    body: reportTrackBody,
    response: reportTrack.response,
    status: 200,
    path: tenantPath,
  })
  trackReport(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(reportTrackBody)) body: z.infer<typeof reportTrackBody>,
  ) {
    return this.runtime.client.request(reportTrack, body, { context: contextOf(request) });
  }
}
