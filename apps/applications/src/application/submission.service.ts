import { shanghaiDateOf } from '@laurel/calendar';
import type { ApplicationView, PlanStep } from '@laurel/contracts';
import { Clock } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { MaterialRepository } from '../material/material.repository';
import { RecommenderRepository } from '../recommender/recommender.repository';
import {
  noRecommender,
  notARecommender,
  publicityFirst,
  publicityRunning,
  recommenderRequired,
  stateSecretStatementMissing,
} from './application.errors';
import { ApplicationEligibility, requireBanSettled, type StoredEligibility } from './application-eligibility.service';
import { requireWindow } from './application-intake.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTransitions, requireAllowed } from './application-transitions.service';
import { AwardsGateway } from './awards.gateway';
import { officeStepOf, stepOf } from './procedure-plan.util';

/**
 * Submission to a recommender, or straight to the office's formal review where the plan has no recommendation step
 * (then naming no recommender): not before internal publicity ended (where the policy has it), nor while ineligible or
 * a ban check awaits a decision; the first submission within the cycle's window. Materials go with the statement that
 * they hold no state secret (where the policy has the article) and are frozen: later changes are new versions.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly reader: ApplicationReader,
    private readonly awards: AwardsGateway,
    private readonly eligibility: ApplicationEligibility,
    private readonly transitions: ApplicationTransitions,
    private readonly recommenders: RecommenderRepository,
    private readonly materials: MaterialRepository,
    private readonly clock: Clock,
  ) {}

  async submit(id: string, recommenderId: string | undefined) {
    const row = await this.reader.load(id, 'applicant');
    const plan = row.plan;
    const recommendation = stepOf(plan, 'recommendation');
    if (recommendation && !recommenderId) throw recommenderRequired(recommendation.basis);
    if (!recommendation && recommenderId) throw noRecommender(row.policyKey);
    const publicityStep = stepOf(plan, 'internal_publicity');
    // The table allows submitting a draft; a plan with internal publicity does not.
    if (row.status === 'draft' && publicityStep) throw publicityFirst(publicityStep.basis);
    requireAllowed(row, 'submit');
    const publicity = row.publicity;
    if (publicityStep && publicity && this.clock.now() < new Date(publicity.endsAt)) throw publicityRunning(publicity);
    // The cycle's application window binds the first submission; a returned application may be corrected later.
    if (row.status !== 'returned') {
      requireWindow(await this.awards.cycle(row.cycleNumber), shanghaiDateOf(this.clock.now()));
    }
    const target = recommendation ?? stepOf(plan, 'submission') ?? officeStepOf(plan) ?? plan[0];
    const noStateSecrets = (await this.awards.policy(row.policyVersion)).conduct.noStateSecrets;
    await this.transitions.run(id, 'submit', {
      stage: target?.stage ?? null,
      basis: target?.basis ?? null,
      change: { recommenderId: recommenderId ?? null },
      guard: async (tx, locked) => {
        if (locked.status === 'draft' && publicityStep) throw publicityFirst(publicityStep.basis);
        this.eligibility.requireEligible(locked.eligibility);
        requireBanSettled(locked);
        if (recommenderId && !(await this.recommenders.find(tx, recommenderId))) throw notARecommender();
        if (noStateSecrets && !locked.stateSecretStatement && (await this.materials.countOf(tx, id)) > 0) {
          throw stateSecretStatementMissing(`${row.policyKey} ${noStateSecrets}`);
        }
        await this.materials.freezeOf(tx, id, this.clock.now());
      },
    });
    return this.reader.get(id);
  }
}
