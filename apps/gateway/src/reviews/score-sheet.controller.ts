import {
  rubricList,
  rubricViewSchema,
  type ScoreSheetDraftBody,
  type ScoreSheetRevisionBody,
  type StageRubricBody,
  scoredStageList,
  scoreSheetDraftBody,
  scoreSheetList,
  scoreSheetMine,
  scoreSheetRevise,
  scoreSheetRevisionBody,
  scoreSheetSaveDraft,
  scoreSheetSchema,
  scoreSheetSubmit,
  stageRubricBody,
  stageRubricGet,
  stageRubricPut,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { tenantPath } from '../http/tenant-path.schema';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type RubricQuery,
  rubricQuery,
  SCORING_RULE,
  type SheetIdPath,
  type SheetPath,
  type StagePath,
  sheetIdPath,
  sheetPath,
  stagePath,
} from './scoring-routes.schema';

const address = (path: SheetPath) => ({
  cycleNumber: path.cycle,
  stageKey: path.stageKey,
  applicationId: path.applicationId,
});

/** Score sheets: the expert's own (draft, submit, revise) and a stage's sheets and rubric. */
@Controller('tenants/:tenantKey/scoring')
export class ScoreSheetController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('stages')
  @Access({ roles: ['office', 'expert', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary: 'The stages the policy scores, in order, each with its article',
    response: scoredStageList.response,
    path: tenantPath,
  })
  stages(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(scoredStageList, {}, { context: contextOf(request) });
  }

  @Get('rubrics')
  @Access({ roles: ['office'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary: 'The rubrics the platform encodes (a standard’s categories and items), to record as a stage’s rubric',
    rule: SCORING_RULE,
    response: rubricList.response,
    path: tenantPath,
  })
  rubrics(@Req() request: AuthenticatedRequest) {
    return this.runtime.client.request(rubricList, {}, { context: contextOf(request) });
  }

  @Get('cycles/:cycle/stages/:stageKey/applications/:applicationId/sheet')
  @Access({ roles: ['expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary: 'The expert’s own score sheet for an application in a stage (null before the first save) and its rubric',
    rule: SCORING_RULE,
    response: scoreSheetMine.response,
    path: sheetPath,
  })
  mine(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(sheetPath, 'path')) path: SheetPath) {
    return this.runtime.client.request(scoreSheetMine, address(path), { context: contextOf(request) });
  }

  @Put('cycles/:cycle/stages/:stageKey/applications/:applicationId/sheet')
  @Access({ roles: ['expert'] })
  @ApiRoute({
    tag: 'scores',
    summary:
      'Save the draft: a score per rubric item (0..item points) with strengths and opportunities for improvement',
    rule: SCORING_RULE,
    body: scoreSheetDraftBody,
    response: scoreSheetSchema,
    path: sheetPath,
  })
  save(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(sheetPath, 'path')) path: SheetPath,
    @Body(new ZodPipe(scoreSheetDraftBody)) body: ScoreSheetDraftBody,
  ) {
    return this.runtime.client.request(
      scoreSheetSaveDraft,
      { ...address(path), ...body },
      { context: contextOf(request) },
    );
  }

  @Post('cycles/:cycle/stages/:stageKey/applications/:applicationId/sheet/submit')
  @Access({ roles: ['expert'] })
  @ApiRoute({
    tag: 'scores',
    summary: 'Submit the draft, once (every item scored); afterwards it changes only by a recorded revision',
    rule: SCORING_RULE,
    response: scoreSheetSchema,
    status: 200,
    path: sheetPath,
  })
  submit(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(sheetPath, 'path')) path: SheetPath) {
    return this.runtime.client.request(scoreSheetSubmit, address(path), { context: contextOf(request) });
  }

  @Post('sheets/:id/revisions')
  @Access({ roles: ['expert'] })
  @ApiRoute({
    tag: 'scores',
    summary: 'Revise a submitted sheet with a reason: who, when, why and each item’s old and new values are recorded',
    rule: SCORING_RULE,
    body: scoreSheetRevisionBody,
    response: scoreSheetSchema,
    status: 200,
    path: sheetIdPath,
  })
  revise(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(sheetIdPath, 'path')) path: SheetIdPath,
    @Body(new ZodPipe(scoreSheetRevisionBody)) body: ScoreSheetRevisionBody,
  ) {
    return this.runtime.client.request(scoreSheetRevise, { id: path.id, ...body }, { context: contextOf(request) });
  }

  @Get('cycles/:cycle/stages/:stageKey/sheets')
  @Access({ roles: ['office', 'expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary: 'A stage’s score sheets: every sheet for the office, its own for an expert',
    response: scoreSheetList.response,
    path: stagePath,
  })
  list(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stagePath, 'path')) path: StagePath) {
    return this.runtime.client.request(
      scoreSheetList,
      { cycleNumber: path.cycle, stageKey: path.stageKey },
      { context: contextOf(request) },
    );
  }

  @Get('cycles/:cycle/stages/:stageKey/rubric')
  @Access({ roles: ['office', 'expert'], whileSuspended: true })
  @ApiRoute({
    tag: 'scores',
    summary:
      'The rubric a stage is scored by for `?applicantKind=`: the policy’s standard or the office’s recorded choice',
    rule: SCORING_RULE,
    query: rubricQuery,
    response: rubricViewSchema,
    path: stagePath,
  })
  rubric(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stagePath, 'path')) path: StagePath,
    @Query(new ZodPipe(rubricQuery, 'query')) query: RubricQuery,
  ) {
    return this.runtime.client.request(
      stageRubricGet,
      { cycleNumber: path.cycle, stageKey: path.stageKey, applicantKind: query.applicantKind },
      { context: contextOf(request) },
    );
  }

  @Put('cycles/:cycle/stages/:stageKey/rubric')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'scores',
    summary: 'Record the rubric of a stage for an applicant kind, with a reason (e.g. a standard without a number)',
    rule: SCORING_RULE,
    body: stageRubricBody,
    response: rubricViewSchema,
    path: stagePath,
  })
  putRubric(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stagePath, 'path')) path: StagePath,
    @Body(new ZodPipe(stageRubricBody)) body: StageRubricBody,
  ) {
    return this.runtime.client.request(
      stageRubricPut,
      { cycleNumber: path.cycle, stageKey: path.stageKey, ...body },
      { context: contextOf(request) },
    );
  }
}
