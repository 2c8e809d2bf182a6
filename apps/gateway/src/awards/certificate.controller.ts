import {
  certificateDocument,
  certificateGet,
  certificateHoldings,
  certificateIssue,
  certificateSchema,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { DOCUMENT_TIMEOUT_MS, replyWithDocument } from '../http/document-reply.util';
import { tenantKeyParam } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const titlePath = z.object({ tenantKey: tenantKeyParam, titleId: z.uuid() }).strict();
const applicantPath = z.object({ tenantKey: tenantKeyParam, applicantId: z.uuid() }).strict();
const READERS = ['office', 'leading_group', 'supervisor', 'finance', 'applicant'];

/**
 * The site's origin for the QR code: `LAUREL_PUBLIC_ORIGIN` when the platform sits behind a proxy with its own name,
 * else the origin the caller reached (the office or holder downloading its own certificate).
 */
function publicOrigin(request: AuthenticatedRequest): string {
  const configured = process.env.LAUREL_PUBLIC_ORIGIN;
  if (configured) return configured;
  return `${request.protocol}://${request.host}`;
}

/** Certificates (证书) of titles: the office issues one per title; the office and the holder read and download it. */
@Controller('tenants/:tenantKey')
export class CertificateController {
  constructor(private readonly client: ServiceClient) {}

  @Post('titles/:titleId/certificate')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'certificates',
    summary: 'Issue the title’s certificate (once; a second call answers the same number)',
    response: certificateSchema,
    status: 201,
    path: titlePath,
  })
  issue(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>) {
    return this.client.request(certificateIssue, { titleId: path.titleId }, { context: contextOf(request) });
  }

  @Get('titles/:titleId/certificate')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'certificates',
    summary: 'The title’s certificate (the office, or the applicant holding the title)',
    response: certificateSchema,
    path: titlePath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>) {
    return this.client.request(certificateGet, { titleId: path.titleId }, { context: contextOf(request) });
  }

  @Get('titles/:titleId/certificate/pdf')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'certificates',
    summary: 'Download the certificate as a PDF (Chinese text, the title’s use rules, a QR code to the public page)',
    path: titlePath,
  })
  async pdf(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(titlePath, 'path')) path: z.infer<typeof titlePath>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.client.request(
      certificateDocument,
      { titleId: path.titleId, publicOrigin: publicOrigin(request) },
      { context: contextOf(request), timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    return replyWithDocument(reply, document);
  }

  @Get('applicants/:applicantId/titles')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'certificates',
    summary: 'An applicant’s titles with their certificates (the applicant its own; staff any)',
    response: certificateHoldings.response,
    path: applicantPath,
  })
  holdings(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(applicantPath, 'path')) path: z.infer<typeof applicantPath>,
  ) {
    return this.client.request(certificateHoldings, { applicantId: path.applicantId }, { context: contextOf(request) });
  }
}
