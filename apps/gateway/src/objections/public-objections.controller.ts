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
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type ByIdPath,
  type ByReceiptPath,
  byIdPath,
  byReceiptPath,
  reportTrackBody,
} from './objections-routes.schema';

/**
 * What the public reads and files without an account: notices, objections during their period, reports.
 * The guard resolves `{tenantKey}` (404 when unknown or suspended); these routes are rate-limited per address.
 */
@Controller('public/:tenantKey')
@Public()
export class PublicObjectionsController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('notices')
  @ApiRoute({ tag: 'public', summary: 'Open and recent notices', response: noticeListPublic.response })
  notices(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(noticeListPublic, {}, { context: contextOf(request) });
  }

  @Get('notices/:id')
  @ApiRoute({
    tag: 'public',
    summary: 'One notice: entries, period, deadline, how to object',
    response: publicNoticeSchema,
  })
  notice(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(noticeGetPublic, { id: path.id }, { context: contextOf(request) });
  }

  @Post('notices/:id/objections')
  @ApiRoute({
    tag: 'public',
    summary: 'File an objection (异议) during the notice period',
    body: objectionFileBody,
    response: objectionFile.response,
    status: 201,
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
  @ApiRoute({ tag: 'public', summary: 'Follow an objection by its receipt number', response: objectionTrack.response })
  track(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byReceiptPath, 'path')) path: ByReceiptPath) {
    return this.runtime.client.request(
      objectionTrack,
      { receiptNumber: path.receiptNumber },
      { context: contextOf(request) },
    );
  }

  @Post('objections/:receiptNumber/confirmation')
  @ApiRoute({
    tag: 'public',
    summary: 'Confirm or dispute the written result, where the regulation asks the objector to (linxia 第二十三条)',
    body: objectionConfirmBody,
    response: objectionConfirm.response,
    status: 200,
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
  @ApiRoute({ tag: 'public', summary: 'Download the written receipt (书面凭证), text/plain' })
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
    tag: 'public',
    summary: 'Report misconduct (举报), by name or anonymously where allowed',
    body: reportFileBody,
    response: reportFile.response,
    status: 201,
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
    tag: 'public',
    summary: 'Follow a report with its token (sent in the body, never in the URL)',
    body: reportTrackBody,
    response: reportTrack.response,
    status: 200,
  })
  trackReport(
    @Req() request: AuthenticatedRequest,
    @Body(new ZodPipe(reportTrackBody)) body: z.infer<typeof reportTrackBody>,
  ) {
    return this.runtime.client.request(reportTrack, body, { context: contextOf(request) });
  }
}
