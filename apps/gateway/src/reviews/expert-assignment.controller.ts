import { assignmentMaterialView, materialList, myAssignments } from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { type MaterialDownloadQuery, materialDownloadQuery } from '../applications/applications-routes.schema';
import { MaterialTransferService } from '../applications/material-transfer.service';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type OwnApplicationPath,
  type OwnMaterialPath,
  ownApplicationPath,
  ownMaterialPath,
  RECUSAL_RULE,
} from './reviews-routes.schema';

/**
 * An expert's assignments and the materials of the applications it is assigned to review. Every view of materials
 * asks the reviews service first (assigned, no recused or undecided conflict; recorded in the audit trail), then the
 * applications service, which checks the assignment again and audits each download.
 */
@Controller('tenants/:tenantKey/experts/me')
export class ExpertAssignmentController {
  constructor(
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    private readonly transfer: MaterialTransferService,
  ) {}

  @Get('assignments')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'The expert’s assignments with their stage and applicant; never one it has a conflict with',
    rule: RECUSAL_RULE,
    response: myAssignments.response,
    path: tenantPath,
  })
  assignments(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(myAssignments, {}, { context: contextOf(request) });
  }

  @Get('assignments/:applicationId/materials')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary:
      'The submitted materials of an application the expert is assigned to (trade secrets too: the assigned panel ' +
      'only); 404 otherwise; every view audited',
    rule: RECUSAL_RULE,
    response: materialList.response,
    path: ownApplicationPath,
  })
  async materials(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(ownApplicationPath, 'path')) path: OwnApplicationPath,
  ) {
    const context = contextOf(request);
    await this.runtime.client.request(
      assignmentMaterialView,
      { applicationId: path.applicationId, materialId: null },
      { context },
    );
    return this.runtime.client.request(materialList, { applicationId: path.applicationId }, { context });
  }

  @Get('assignments/:applicationId/materials/:materialId')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'experts',
    summary: 'Download a submitted material of an application the expert is assigned to; 404 otherwise; audited',
    rule: RECUSAL_RULE,
    query: materialDownloadQuery,
    path: ownMaterialPath,
  })
  async download(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(ownMaterialPath, 'path')) path: OwnMaterialPath,
    @Query(new ZodPipe(materialDownloadQuery, 'query')) query: MaterialDownloadQuery,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const context = contextOf(request);
    await this.runtime.client.request(
      assignmentMaterialView,
      { applicationId: path.applicationId, materialId: path.materialId },
      { context },
    );
    await this.transfer.download(
      context,
      {
        applicationId: path.applicationId,
        materialId: path.materialId,
        ...(query.version === undefined ? {} : { version: query.version }),
      },
      reply,
    );
  }
}
