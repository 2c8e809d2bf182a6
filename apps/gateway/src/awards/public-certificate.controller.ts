import { certificateNumberSchema, certificateVerificationSchema, certificateVerify } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantKeyParam } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';

const numberPath = z.object({ tenantKey: tenantKeyParam, number: certificateNumberSchema }).strict();

/**
 * Anyone checks a certificate by its number (the QR code's page): valid, expired, lost or revoked, with the decision
 * that ended it, and no personal data. Rate-limited per address like every public route; not cached (ADR
 * "certificate verification": a revocation must show at once, and a miss costs one indexed read).
 */
@Controller('public/:tenantKey')
@Public()
export class PublicCertificateController {
  constructor(private readonly client: ServiceClient) {}

  @Get('certificates/:number')
  @ApiRoute({
    tag: 'public certificates',
    summary: 'Verify a certificate (证书核验) by its number: valid, expired, lost or revoked; no personal data',
    response: certificateVerificationSchema,
    path: numberPath,
  })
  async verify(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(numberPath, 'path')) path: z.infer<typeof numberPath>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.client.request(
      certificateVerify,
      { number: path.number },
      { context: contextOf(request) },
    );
    reply.header('cache-control', 'no-cache');
    return answer;
  }
}
