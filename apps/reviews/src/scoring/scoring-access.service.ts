import type { ScoringPlan } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository, type ReviewApplicationRow } from '../application/review-application.repository';
import { AssignmentRepository } from '../assignment/assignment.repository';
import { applicationNotFound } from '../conflict/conflict.errors';
import type { ReviewsTx } from '../reviews-prisma';
import { ReviewStageRepository } from '../stage/review-stage.repository';
import { notThroughCut, stageNotOpen } from './scoring.errors';
import type { PolicyStage } from './scoring-policy.service';
import { StageResultRepository } from './stage-result.repository';

/**
 * THE rule for who may open, save, submit or revise a score sheet, written once. An expert scores an application
 * - that it may see (`visibleTo`: no recused or undecided conflict) and that is of the stage's cycle;
 * - that it is assigned to in the stage (the panel's assignment, `assignment` with status `assigned`);
 * otherwise 404, as for an application that does not exist. The review stage must have been opened by the office
 * (changes also need it still open: a closed stage's scores are final; 409 otherwise). Where the policy lets the
 * previous stage's score decide who goes on (inner-mongolia 第十四条（一）), the recorded cut must have kept it (422).
 */
@Injectable()
export class ScoringAccess {
  constructor(
    private readonly applications: ReviewApplicationRepository,
    private readonly stages: ReviewStageRepository,
    private readonly assignments: AssignmentRepository,
    private readonly results: StageResultRepository,
  ) {}

  async mayScore(
    tx: ReviewsTx,
    who: { expertId: string },
    stage: { cycleNumber: number; stage: PolicyStage; plan: ScoringPlan; policyKey: string },
    applicationId: string,
    purpose: 'read' | 'change' = 'change',
  ): Promise<ReviewApplicationRow> {
    const application = await this.applications.findVisible(tx, applicationId, {
      kind: 'expert',
      expertId: who.expertId,
    });
    if (!application || application.cycleNumber !== stage.cycleNumber) throw applicationNotFound();
    const row = await this.stages.byKey(tx, stage.cycleNumber, stage.stage.key);
    if (!row || (purpose === 'change' && row.status !== 'open')) {
      throw stageNotOpen(stage.stage.key, row?.status ?? 'planned');
    }
    const assigned = await this.assignments.isAssigned(tx, {
      stageId: row.id,
      applicationId,
      expertId: who.expertId,
    });
    if (!assigned) throw applicationNotFound();
    const cut = stage.plan.cuts.find((rule) => rule.to === stage.stage.key);
    if (cut) {
      const recorded = await this.results.cut(tx, stage.cycleNumber, cut.after);
      if (!recorded?.goesOn.includes(applicationId)) {
        throw notThroughCut(stage.stage.key, cut.after, `${stage.policyKey} ${cut.basis}`);
      }
    }
    return application;
  }
}
