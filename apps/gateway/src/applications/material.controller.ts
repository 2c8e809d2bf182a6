import {
  materialList,
  materialRemove,
  materialReplaceBody,
  materialSchema,
  materialStateSecretStatement,
  materialUploadBody,
  stateSecretStatementBody,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Delete, Get, Inject, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
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
import { RAW_MATERIAL_BODY } from './material-body.parser';
import { MaterialTransferService } from './material-transfer.service';

const READERS = ['office', 'applicant', 'recommender'];
const WRITERS = ['office', 'applicant'];

/**
 * An application's materials: the applicant (or the office) uploads while the application may change; frozen once
 * submitted. The gateway checks the role; the applications service who sees what (trade secrets are hidden from
 * the recommender) and the rules.
 */
@Controller('tenants/:tenantKey/applications/:id')
export class MaterialController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    private readonly transfer: MaterialTransferService,
  ) {}

  @Post('materials')
  @Access({ roles: WRITERS })
  @RouteConfig(RAW_MATERIAL_BODY)
  @ApiRoute({
    tag: 'materials',
    summary:
      'Upload a material (PDF, PNG/JPEG, Office; checked against the bytes, SHA-256 recorded): JSON with base64 for ' +
      'small files, or the file itself as the body (Content-Type: its type; ?title=&filename=&tradeSecret=) up to ' +
      'the upload limit',
    body: materialUploadBody,
    response: materialSchema,
    status: 201,
    path: byIdPath,
  })
  upload(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath,
    @Body() body: unknown,
  ) {
    return this.transfer.upload(contextOf(request), path.id, body);
  }

  @Get('materials')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    tag: 'materials',
    summary: 'The materials the caller may see, with the no-state-secret statement',
    rule: 'the recommender sees submitted versions only and never those marked as trade secrets',
    response: materialList.response,
    path: byIdPath,
  })
  list(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byIdPath, 'path')) path: ByIdPath) {
    return this.runtime.client.request(materialList, { applicationId: path.id }, { context: contextOf(request) });
  }

  @Put('materials/:materialId')
  @Access({ roles: WRITERS })
  @RouteConfig(RAW_MATERIAL_BODY)
  @ApiRoute({
    tag: 'materials',
    summary:
      'Replace a material’s file (in place before submission; a new version after it, when returned): JSON with ' +
      'base64, or the file itself as the body (?filename=&title=&tradeSecret=)',
    body: materialReplaceBody,
    response: materialSchema,
    path: byMaterialPath,
  })
  replace(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath,
    @Body() body: unknown,
  ) {
    return this.transfer.replace(contextOf(request), path.id, path.materialId, body);
  }

  @Delete('materials/:materialId')
  @Access({ roles: WRITERS })
  @ApiRoute({
    tag: 'materials',
    summary: 'Remove a material never submitted',
    response: materialRemove.response,
    path: byMaterialPath,
  })
  remove(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath) {
    return this.runtime.client.request(
      materialRemove,
      { applicationId: path.id, materialId: path.materialId },
      { context: contextOf(request) },
    );
  }

  @Get('materials/:materialId')
  @Access({ roles: READERS, whileSuspended: true })
  @ApiRoute({
    query: materialDownloadQuery,
    tag: 'materials',
    summary: 'Download a material’s version (hash-checked; every download audited)',
    path: byMaterialPath,
  })
  async download(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(byMaterialPath, 'path')) path: ByMaterialPath,
    @Query(new ZodPipe(materialDownloadQuery, 'query')) query: MaterialDownloadQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.transfer.download(
      contextOf(request),
      {
        applicationId: path.id,
        materialId: path.materialId,
        ...(query.version === undefined ? {} : { version: query.version }),
      },
      reply,
    );
  }

  @Post('state-secret-statement')
  @Access({ roles: WRITERS })
  @ApiRoute({
    tag: 'materials',
    summary: 'State that the materials contain no state secret (required before submission where the policy says)',
    rule: 'where the tenant’s policy has the article (ili 第十条第二款, linxia 第十二条, xinzhou-city 第十六条)',
    body: stateSecretStatementBody,
    response: materialStateSecretStatement.response,
    status: 200,
    path: byIdPath,
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
