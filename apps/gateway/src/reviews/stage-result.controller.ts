import {
  type CompositeAssessmentBody,
  type CompositeKindRuleBody,
  type CompositeWeightsBody,
  type ConsensusBody,
  compositeAssessmentBody,
  compositeAssessmentPut,
  compositeGet,
  compositeKindRuleBody,
  compositeKindRulePut,
  compositeReport,
  compositeReportPdf,
  compositeSchema,
  compositeWeightsBody,
  compositeWeightsPut,
  consensusBody,
  consensusRecord,
  type StageCutBody,
  stageCutBody,
  stageCutRecord,
  stageResultGet,
  stageResultSchema,
} from '@laurel/contracts';
import { PlatformRuntime } from '@laurel/platform';
import { Body, Controller, Get, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/auth.decorators';
import { ApiRoute } from '../http/api-route.decorator';
import { type AuthenticatedRequest, contextOf } from '../http/authenticated-request';
import { DOCUMENT_TIMEOUT_MS, replyWithDocument } from '../http/document-reply.util';
import { ZodPipe } from '../http/zod-body.pipe';
import {
  type AssessmentPath,
  assessmentPath,
  type CyclePath,
  cyclePath,
  type StagePath,
  stagePath,
} from './scoring-routes.schema';

const NORMALISATION_RULE =
  'each expert’s leniency corrected within the stage and applicant kind (z-scores shrunk toward the pool; raw with too ' +
  'few sheets); outliers (robust z against the rest of the panel, or a large gap) go to a recorded consensus';

/** A stage's results for the office: the score table, consensus, the cut; the composite and its report. */
@Controller('tenants/:tenantKey/scoring/cycles/:cycle')
export class StageResultController {
  constructor(@Inject(PlatformRuntime) private readonly runtime: PlatformRuntime) {}

  @Get('stages/:stageKey/results')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'stage results',
    summary: 'The score table raw and normalised, outlier flags with their consensus, the ranking and the cut',
    rule: NORMALISATION_RULE,
    response: stageResultSchema,
    path: stagePath,
  })
  results(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(stagePath, 'path')) path: StagePath) {
    return this.runtime.client.request(
      stageResultGet,
      { cycleNumber: path.cycle, stageKey: path.stageKey },
      { context: contextOf(request) },
    );
  }

  @Post('stages/:stageKey/consensus')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'stage results',
    summary:
      'Record the consensus on a flagged sheet: `keep`, `adjust` (with `adjustedTotal`) or `exclude`, with a reason',
    rule: NORMALISATION_RULE,
    body: consensusBody,
    response: stageResultSchema,
    status: 200,
    path: stagePath,
  })
  consensus(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stagePath, 'path')) path: StagePath,
    @Body(new ZodPipe(consensusBody)) body: ConsensusBody,
  ) {
    return this.runtime.client.request(
      consensusRecord,
      { cycleNumber: path.cycle, stageKey: path.stageKey, ...body },
      { context: contextOf(request) },
    );
  }

  @Post('stages/:stageKey/cut')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'stage results',
    summary:
      'Record who goes on after a stage whose score decides it (inner-mongolia 第十四条（一）): `count` or `minScore`, with a reason; refused while flags are open or when a count splits a tie',
    body: stageCutBody,
    response: stageResultSchema,
    status: 200,
    path: stagePath,
  })
  cut(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(stagePath, 'path')) path: StagePath,
    @Body(new ZodPipe(stageCutBody)) body: StageCutBody,
  ) {
    return this.runtime.client.request(
      stageCutRecord,
      { cycleNumber: path.cycle, stageKey: path.stageKey, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('composite')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'stage results',
    summary:
      'The composite evaluation: of the stages the policy combines (linxia 第二十条, inner-mongolia 第十五条) and its ranking, or where nothing is scored the office’s assessment per application (ili 第十六条, xinzhou-district 第十三条)',
    response: compositeSchema,
    path: cyclePath,
  })
  composite(@Req() request: AuthenticatedRequest, @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath) {
    return this.runtime.client.request(compositeGet, { cycleNumber: path.cycle }, { context: contextOf(request) });
  }

  @Put('composite/weights')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'stage results',
    summary: 'Record the weights of the composite’s stages, with a reason, where the policy names none',
    body: compositeWeightsBody,
    response: compositeSchema,
    path: cyclePath,
  })
  weights(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Body(new ZodPipe(compositeWeightsBody)) body: CompositeWeightsBody,
  ) {
    return this.runtime.client.request(
      compositeWeightsPut,
      { cycleNumber: path.cycle, ...body },
      { context: contextOf(request) },
    );
  }

  @Put('composite/kinds')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'stage results',
    summary:
      'Record how the composite is formed for an applicant kind the policy has skip a combined stage (linxia 第十九条), with a reason',
    body: compositeKindRuleBody,
    response: compositeSchema,
    path: cyclePath,
  })
  kindRule(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Body(new ZodPipe(compositeKindRuleBody)) body: CompositeKindRuleBody,
  ) {
    return this.runtime.client.request(
      compositeKindRulePut,
      { cycleNumber: path.cycle, ...body },
      { context: contextOf(request) },
    );
  }

  @Put('composite/assessments/:applicationId')
  @Access({ roles: ['office'] })
  @ApiRoute({
    tag: 'stage results',
    summary:
      'Record the composite evaluation of an application where the policy scores nothing (ili 第十六条, xinzhou-district 第十三条): `recommended` or `not_recommended`, the opinion and the reason',
    rule: 'only an application that went on from the last review stage before the composite; recorded again, the later one stands (the audit keeps both)',
    body: compositeAssessmentBody,
    response: compositeSchema,
    path: assessmentPath,
  })
  assessment(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(assessmentPath, 'path')) path: AssessmentPath,
    @Body(new ZodPipe(compositeAssessmentBody)) body: CompositeAssessmentBody,
  ) {
    return this.runtime.client.request(
      compositeAssessmentPut,
      { cycleNumber: path.cycle, applicationId: path.applicationId, ...body },
      { context: contextOf(request) },
    );
  }

  @Get('composite/report')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'stage results',
    summary: 'Download the composite report (综合评审报告), a printable zh-CN HTML document',
    path: cyclePath,
  })
  async report(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.runtime.client.request(
      compositeReport,
      { cycleNumber: path.cycle },
      { context: contextOf(request) },
    );
    reply
      .header('content-type', document.contentType)
      .header('content-disposition', `attachment; filename="${document.filename}"`)
      .header('cache-control', 'no-store');
    return document.content;
  }

  @Get('composite/report.pdf')
  @Access({ roles: ['office', 'leading_group'], whileSuspended: true })
  @ApiRoute({
    tag: 'stage results',
    summary: 'Download the composite report (综合评审报告) as a PDF: the ranking per applicant kind, stages, consensus',
    path: cyclePath,
  })
  async reportPdf(
    @Req() request: AuthenticatedRequest,
    @Param(new ZodPipe(cyclePath, 'path')) path: CyclePath,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.runtime.client.request(
      compositeReportPdf,
      { cycleNumber: path.cycle },
      { context: contextOf(request), timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    return replyWithDocument(reply, document);
  }
}
