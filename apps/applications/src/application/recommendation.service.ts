import type { PlanStep } from '@laurel/contracts';
import { Clock } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { acting } from '../identity/actor.util';
import { ApplicationNotices } from './application-notices.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationTransitions, requireAllowed } from './application-transitions.service';
import { outcomeRecord } from './outcome-record.util';
import { stepOf } from './procedure-plan.util';

/**
 * The recommender's review of a submitted application: recommend with an audit opinion (put on its public notice
 * where the policy has one), return it for correction, or refuse it with written reasons.
 */
@Injectable()
export class RecommendationService {
  constructor(
    private readonly reader: ApplicationReader,
    private readonly transitions: ApplicationTransitions,
    private readonly notices: ApplicationNotices,
    private readonly clock: Clock,
  ) {}

  async review(id: string, decision: 'recommend' | 'return' | 'refuse', text: string, publishedOn?: string) {
    const row = await this.reader.load(id, 'recommender');
    requireAllowed(row, decision);
    const step = stepOf(row.plan, 'recommendation');
    const now = this.clock.now();
    const recommendation = { decision, text, by: acting().label, at: now.toISOString() };
    const basis = step?.basis ?? null;
    if (decision === 'return') {
      await this.transitions.run(id, 'return', { reason: text, change: { recommendation } });
    } else if (decision === 'refuse') {
      await this.transitions.run(id, 'refuse', {
        reason: text,
        basis,
        change: { recommendation, outcome: outcomeRecord('refused', text, basis, now) },
      });
    } else if (step?.notice) {
      // One notice per submission: a retry of this review finds the same notice, while a review after a return and
      // a new submission opens a new one rather than getting back one that may have closed meanwhile.
      const submissions = row.history.filter((event) => event.toStatus === 'submitted').length;
      const notice = await this.notices.open(
        row,
        step,
        publishedOn,
        '拟推荐申报质量奖',
        `applications:recommendation:${row.id}:${submissions}`,
      );
      await this.notices.record(id, 'recommend-for-notice', notice, {
        stage: step.stage,
        reason: text,
        basis: step.basis,
        change: { recommendation },
        unrecorded: '推荐审核未能记录，此公示撤回 / the review could not be recorded',
      });
    } else {
      await this.transitions.run(id, 'recommend', {
        stage: step?.stage ?? row.stage,
        reason: text,
        basis,
        change: { recommendation },
      });
    }
    return this.reader.get(id);
  }
}
