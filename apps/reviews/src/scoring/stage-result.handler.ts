import {
  type CompositeAssessmentBody,
  type CompositeKindRuleBody,
  type CompositeWeightsBody,
  type ConsensusBody,
  compositeAssessmentPut,
  compositeGet,
  compositeKindRulePut,
  compositeReport,
  compositeReportPdf,
  compositeWeightsPut,
  consensusRecord,
  type StageCutBody,
  stageCutRecord,
  stageResultGet,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { AssessedCompositeService } from './assessed-composite.service';
import { CompositeService } from './composite.service';
import { StageResultService } from './stage-result.service';

type StageAddress = { cycleNumber: number; stageKey: string };

@Controller()
export class StageResultHandler {
  constructor(
    private readonly stages: StageResultService,
    private readonly composite: CompositeService,
    private readonly assessed: AssessedCompositeService,
  ) {}

  @Handles(stageResultGet)
  get(request: StageAddress) {
    return this.stages.get(request.cycleNumber, request.stageKey);
  }

  @Handles(consensusRecord)
  consensus(request: StageAddress & ConsensusBody) {
    const { cycleNumber, stageKey, ...body } = request;
    return this.stages.recordConsensus(cycleNumber, stageKey, body);
  }

  @Handles(stageCutRecord)
  cut(request: StageAddress & StageCutBody) {
    const { cycleNumber, stageKey, ...body } = request;
    return this.stages.recordCut(cycleNumber, stageKey, body);
  }

  @Handles(compositeGet)
  compositeOf(request: { cycleNumber: number }) {
    return this.composite.get(request.cycleNumber);
  }

  @Handles(compositeKindRulePut)
  kindRule(request: CompositeKindRuleBody & { cycleNumber: number }) {
    const { cycleNumber, ...body } = request;
    return this.composite.putKindRule(cycleNumber, body);
  }

  @Handles(compositeWeightsPut)
  weights(request: CompositeWeightsBody & { cycleNumber: number }) {
    const { cycleNumber, ...body } = request;
    return this.composite.putWeights(cycleNumber, body);
  }

  @Handles(compositeAssessmentPut)
  assessment(request: CompositeAssessmentBody & { cycleNumber: number; applicationId: string }) {
    const { cycleNumber, applicationId, ...body } = request;
    return this.assessed.put(cycleNumber, applicationId, body);
  }

  @Handles(compositeReport)
  report(request: { cycleNumber: number }) {
    return this.composite.report(request.cycleNumber);
  }

  @Handles(compositeReportPdf)
  reportPdf(request: { cycleNumber: number }) {
    return this.composite.reportPdf(request.cycleNumber);
  }
}
