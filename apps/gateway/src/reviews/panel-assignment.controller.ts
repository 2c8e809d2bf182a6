import {
  type AssignmentChangeBody,
  type AssignmentLockBody,
  assignmentChange,
  assignmentChangeBody,
  assignmentList,
  assignmentListSchema,
  assignmentLock,
  assignmentLockBody,
  assignmentSchema,
  assignmentSolve,
  type PanelBody,
  panelBody,
  panelGet,
  panelPut,
  panelSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type AssignmentIdPath,
  assignmentIdPath,
  RECUSAL_RULE,
  type StageIdPath,
  stageIdPath,
} from './reviews-routes.schema';

/** A stage's panel (评审组) and the assignment of its experts to the stage's applications. */
@Controller('tenants/:tenantKey')
export class PanelAssignmentController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('review-stages/:id/panel')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'panels',
    summary: 'The stage’s panel: its size (with who set it and why), members with their least, most and current load',
    response: panelSchema,
    path: stageIdPath,
  })
  panel(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath) {
    return this.runtime.client.request(panelGet, { stageId: path.id }, { context: contextOf(request) });
  }

  @Put('review-stages/:id/panel')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'panels',
    summary: 'Set the stage’s panel: size (experts per application, a recorded decision) and members from the pool',
    body: panelBody,
    response: panelSchema,
    path: stageIdPath,
  })
  putPanel(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath,
    @Body(new ZodPipe(panelBody)) body: PanelBody,
  ) {
    return this.runtime.client.request(panelPut, { stageId: path.id, panel: body }, { context: contextOf(request) });
  }

  @Get('review-stages/:id/assignments')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'panels',
    summary: 'The stage’s assignments, current and removed, each with its history',
    response: assignmentListSchema,
    path: stageIdPath,
  })
  assignments(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath) {
    return this.runtime.client.request(assignmentList, { stageId: path.id }, { context: contextOf(request) });
  }

  @Post('review-stages/:id/assignments/solve')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'panels',
    summary:
      'Assign experts to the stage’s applications (min-cost flow): panel size, least and most loads, no pair in ' +
      'conflict, loads even, locked pairs kept; 422 naming the binding constraint when impossible',
    rule: RECUSAL_RULE,
    response: assignmentListSchema,
    status: 200,
    path: stageIdPath,
  })
  solve(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath) {
    return this.runtime.client.request(assignmentSolve, { stageId: path.id }, { context: contextOf(request) });
  }

  @Post('assignments/:id/lock')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'panels',
    summary: 'Lock (kept by every re-solve) or unlock an assignment, with the reason',
    body: assignmentLockBody,
    response: assignmentSchema,
    status: 200,
    path: assignmentIdPath,
  })
  lock(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(assignmentIdPath, 'path')) path: AssignmentIdPath,
    @Body(new ZodPipe(assignmentLockBody)) body: AssignmentLockBody,
  ) {
    return this.runtime.client.request(assignmentLock, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Post('assignments/:id/change')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'panels',
    summary: 'Give an assignment to another expert of the panel, with the reason; the new pair is locked',
    rule: RECUSAL_RULE,
    body: assignmentChangeBody,
    response: assignmentSchema,
    status: 200,
    path: assignmentIdPath,
  })
  change(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(assignmentIdPath, 'path')) path: AssignmentIdPath,
    @Body(new ZodPipe(assignmentChangeBody)) body: AssignmentChangeBody,
  ) {
    return this.runtime.client.request(assignmentChange, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
