import {
  rubricList,
  type ScoreSheetDraftBody,
  type ScoreSheetRevisionBody,
  type StageRubricBody,
  scoredStageList,
  scoreSheetList,
  scoreSheetMine,
  scoreSheetRevise,
  scoreSheetSaveDraft,
  scoreSheetSubmit,
  stageRubricGet,
  stageRubricPut,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { loadRubrics } from '@laurel/policy';
import { Controller } from '@nestjs/common';
import { ScoreSheetService, type SheetAddress } from './score-sheet.service';
import { ScoringPolicy } from './scoring-policy.service';
import { rubricMax } from './validate-scores.util';

@Controller()
export class ScoreSheetHandler {
  constructor(
    private readonly sheets: ScoreSheetService,
    private readonly scoring: ScoringPolicy,
  ) {}

  @Handles(rubricList)
  rubrics() {
    return {
      rubrics: loadRubrics().map((rubric) => ({
        key: rubric.key,
        version: rubric.version,
        standard: rubric.standard,
        title: rubric.title,
        max: rubricMax(rubric),
      })),
    };
  }

  @Handles(scoreSheetMine)
  mine(request: SheetAddress) {
    return this.sheets.mine(request);
  }

  @Handles(scoreSheetSaveDraft)
  saveDraft(request: SheetAddress & ScoreSheetDraftBody) {
    const { items, ...address } = request;
    return this.sheets.saveDraft(address, { items });
  }

  @Handles(scoreSheetSubmit)
  submit(request: SheetAddress) {
    return this.sheets.submit(request);
  }

  @Handles(scoreSheetRevise)
  revise(request: ScoreSheetRevisionBody & { id: string }) {
    const { id, ...body } = request;
    return this.sheets.revise(id, body);
  }

  @Handles(scoreSheetList)
  list(request: { cycleNumber: number; stageKey: string }) {
    return this.sheets.list(request.cycleNumber, request.stageKey);
  }

  @Handles(scoredStageList)
  async stages() {
    return { stages: await this.scoring.scoredStages() };
  }

  @Handles(stageRubricGet)
  rubric(request: { cycleNumber: number; stageKey: string; applicantKind: string }) {
    return this.sheets.rubric(request.cycleNumber, request.stageKey, request.applicantKind);
  }

  @Handles(stageRubricPut)
  putRubric(request: StageRubricBody & { cycleNumber: number; stageKey: string }) {
    const { cycleNumber, stageKey, ...body } = request;
    return this.sheets.putRubric(cycleNumber, stageKey, body);
  }
}
