import type { ScoringPlan } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository, type ReviewApplicationRow } from '../application/review-application.repository';
import { applicationNotFound } from '../conflict/conflict.errors';
import type { ReviewsTx } from '../reviews-prisma';
import { notThroughCut } from './scoring.errors';
import type { PolicyStage } from './scoring-policy.service';
import { StageResultRepository } from './stage-result.repository';

/**
 * THE rule for who may open, save, submit or revise a score sheet, written once. An expert scores an application of
 * the stage's cycle that it may see (`visibleTo`: no recused or undecided conflict; otherwise 404, as for an
 * application that does not exist), and, where the policy lets a previous stage's score decide who goes on
 * (inner-mongolia 第十四条（一）), only an application the recorded cut kept.
 *
 * Panel assignment (评审组) is not checked here yet: the lead wires `mayScore` to the assignments of the panels' part
 * at merge, so that an expert scores only what it is assigned.
 */
@Injectable()
export class ScoringAccess {
  constructor(
    private readonly applications: ReviewApplicationRepository,
    private readonly results: StageResultRepository,
  ) {}

  async mayScore(
    tx: ReviewsTx,
    who: { expertId: string },
    stage: { cycleNumber: number; stage: PolicyStage; plan: ScoringPlan; policyKey: string },
    applicationId: string,
  ): Promise<ReviewApplicationRow> {
    const application = await this.applications.findVisible(tx, applicationId, {
      kind: 'expert',
      expertId: who.expertId,
    });
    if (!application || application.cycleNumber !== stage.cycleNumber) throw applicationNotFound();
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
