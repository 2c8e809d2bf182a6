import {
  materialDownload,
  materialList,
  materialRemove,
  materialReplace,
  materialReplaceBody,
  materialSchema,
  materialStateSecretStatement,
  materialUpload,
  materialUploadBody,
  stateSecretStatementBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type ByIdPath,
  type ByMaterialPath,
  byIdPath,
  byMaterialPath,
  type MaterialDownloadQuery,
  materialDownloadQuery,
} from './applications-routes.schema';

const READERS = ['office', 'applicant', 'recommender'];
const WRITERS = ['office', 'applicant'];

/**
 * An application's materials: the applicant (or the office) uploads while the application may change; frozen once
 * submitted. The gateway checks the role; the applications service who sees what (trade secrets are hidden from
 * the recommender) and the rules.
 */
@Controller('tenants/:tenantKey/applications/:id')
export class MaterialController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Post('materials')
  @Access({ roles: WRITERS })
  @ApiRoute({
    tag: 'applications',
    summary: 'Upload a material (PDF, PNG/JPEG, Office; checked against the bytes, SHA-256 recorded)',
    body: materialUploadBody,
    response: materialSchema,
    status: 201,
  })
  upload(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(materialUploadBody)) body: z.output<typeof materialUploadBody>,
  ) {
    return this.runtime.client.request(
      materialUpload,
      { applicationId: path.id, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('materials')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'applications',
    summary: 'The materials the caller may see, with the no-state-secret statement',
    response: materialList.response,
  })
  list(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(materialList, { applicationId: path.id }, { context: contextOf(request) });
  }

  @Put('materials/:materialId')
  @Access({ roles: WRITERS })
  @ApiRoute({
    tag: 'applications',
    summary: 'Replace a material’s file (in place before submission; a new version after it, when returned)',
    body: materialReplaceBody,
    response: materialSchema,
  })
  replace(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath,
    @Body(new ZodPipe(materialReplaceBody)) body: z.output<typeof materialReplaceBody>,
  ) {
    return this.runtime.client.request(
      materialReplace,
      { applicationId: path.id, materialId: path.materialId, ...body },
      { context: contextOf(request) },
    );
  }

  @Delete('materials/:materialId')
  @Access({ roles: WRITERS })
  @ApiRoute({ tag: 'applications', summary: 'Remove a material never submitted', response: materialRemove.response })
  remove(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath) {
    return this.runtime.client.request(
      materialRemove,
      { applicationId: path.id, materialId: path.materialId },
      { context: contextOf(request) },
    );
  }

  @Get('materials/:materialId')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({ tag: 'applications', summary: 'Download a material’s version (hash-checked; every download audited)' })
  async download(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath,
    @Query(new ZodPipe(materialDownloadQuery, 'query')) query: MaterialDownloadQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.runtime.client.request(
      materialDownload,
      {
        applicationId: path.id,
        materialId: path.materialId,
        ...(query.version === undefined ? {} : { version: query.version }),
      },
      { context: contextOf(request) },
    );
    await reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'no-store')
      .header('x-content-sha256', file.sha256)
      .header('x-material-version', String(file.version))
      .send(Buffer.from(file.contentBase64, 'base64'));
  }

  @Post('state-secret-statement')
  @Access({ roles: WRITERS })
  @ApiRoute({
    tag: 'applications',
    summary: 'State that the materials contain no state secret (required before submission where the policy says)',
    body: stateSecretStatementBody,
    response: materialStateSecretStatement.response,
    status: 200,
  })
  stateSecretStatement(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body(new ZodPipe(stateSecretStatementBody)) body: z.output<typeof stateSecretStatementBody>,
  ) {
    return this.runtime.client.request(
      materialStateSecretStatement,
      { applicationId: path.id, ...body },
      { context: contextOf(request) },
    );
  }
}
