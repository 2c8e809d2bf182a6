import { storedFileGet } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import { type ByIdPath, byIdPath } from './objections-routes.schema';

/** Staff download a file of an objection (office, supervision group) or of a report (supervision group only). */
@Controller('tenants/:tenantKey/files')
export class StoredFileController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get(':id')
  @Access({ roles: ['office', 'supervisor', 'leading_group'], whileSuspended: true })
  @ApiRoute({ tag: 'files', summary: 'Download an evidence file (every read is audited)', path: byIdPath })
  async download(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.runtime.client.request(storedFileGet, { id: path.id }, { context: contextOf(request) });
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'no-store')
      .header('x-content-sha256', file.sha256)
      .send(Buffer.from(file.contentBase64, 'base64'));
  }
}
