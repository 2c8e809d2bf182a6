import {
  type ReviewStageCloseBody,
  type ReviewStageOpenBody,
  reviewStageClose,
  reviewStageCloseBody,
  reviewStageGet,
  reviewStageList,
  reviewStageOpen,
  reviewStageOpenBody,
  reviewStageSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type CyclePath,
  type CycleStagePath,
  cyclePath,
  cycleStagePath,
  STAGES_RULE,
  type StageIdPath,
  stageIdPath,
} from './reviews-routes.schema';

/** A cycle's review stages (材料评审, 陈述答辩, 现场评审) as the office opens and closes them. */
@Controller('tenants/:tenantKey')
export class ReviewStageController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('cycles/:cycle/review-stages')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'review-stages',
    summary: 'The cycle’s review stages in the policy’s order: planned (with a preview of who enters), open or closed',
    rule: STAGES_RULE,
    response: reviewStageList.response,
    path: cyclePath,
  })
  list(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.runtime.client.request(reviewStageList, { cycle: path.cycle }, { context: contextOf(request) });
  }

  @Post('cycles/:cycle/review-stages/:stageKey/open')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'review-stages',
    summary:
      'Open a review stage: the policy’s entrants with the article, plus those the office lists with a reason where ' +
      'the text is silent',
    rule: STAGES_RULE,
    body: reviewStageOpenBody,
    response: reviewStageSchema,
    status: 201,
    path: cycleStagePath,
  })
  open(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cycleStagePath, 'path')) path: CycleStagePath,
    @Body(new ZodPipe(reviewStageOpenBody)) body: ReviewStageOpenBody,
  ) {
    return this.runtime.client.request(
      reviewStageOpen,
      { cycle: path.cycle, stageKey: path.stageKey, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('review-stages/:id')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'review-stages',
    summary: 'One review stage with its entrants, history and progress',
    response: reviewStageSchema,
    path: stageIdPath,
  })
  get(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath) {
    return this.runtime.client.request(reviewStageGet, { id: path.id }, { context: contextOf(request) });
  }

  @Post('review-stages/:id/close')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'review-stages',
    summary: 'Close an open stage recording who went on to the next one (the others stop) and why',
    body: reviewStageCloseBody,
    response: reviewStageSchema,
    status: 200,
    path: stageIdPath,
  })
  close(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stageIdPath, 'path')) path: StageIdPath,
    @Body(new ZodPipe(reviewStageCloseBody)) body: ReviewStageCloseBody,
  ) {
    return this.runtime.client.request(reviewStageClose, { id: path.id, ...body }, { context: contextOf(request) });
  }
}
