import type { StageResultView } from '@laurel/contracts';
import { type Policy, scoringPlanOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { assessedCompositeOf } from './assessed-composite.util';
import { CompositeService } from './composite.service';
import { isSheetScored } from './scoring-policy.service';
import { StageResultService } from './stage-result.service';

type Text = { zh: string; en: string };

/** The ranking the cycle's results end in, with its article; `pending` says why there is none yet. */
export interface CycleRankingView {
  /** `composite`, or the key of the last stage scored with sheets. null: the policy scores no stage. */
  readonly source: string | null;
  readonly basis: string | null;
  readonly rows: readonly StageResultView['ranking'][number][];
  /**
   * The list in its order: the ranking's applications, or where nothing is scored the applications the office's
   * composite assessment recommends (ili 第十六条, xinzhou-district 第十三条; accepted order, not merit). Empty while pending.
   */
  readonly order: readonly string[];
  readonly pending: readonly Text[];
}

/**
 * The ranking of a cycle's review results: the composite's where the policy combines stages (linxia 第二十条,
 * inner-mongolia 第十五条), else the last stage the policy scores with sheets; where nothing is scored and the policy
 * has a composite stage (ili 第十六条, xinzhou-district 第十三条) no ranking but the list the office's assessment
 * recommends (`order`). What the slate of a vote and the office's candidate proposal are taken from.
 */
@Injectable()
export class CycleRanking {
  constructor(
    private readonly composite: CompositeService,
    private readonly stages: StageResultService,
  ) {}

  async of(tx: ReviewsTx, policy: Policy, cycleNumber: number): Promise<CycleRankingView> {
    const view = await this.ranked(tx, policy, cycleNumber);
    return { ...view, order: view.order ?? view.rows.map((row) => row.applicationId) };
  }

  private async ranked(
    tx: ReviewsTx,
    policy: Policy,
    cycleNumber: number,
  ): Promise<Omit<CycleRankingView, 'order'> & { order?: readonly string[] }> {
    if (assessedCompositeOf(policy)) {
      const composite = await this.composite.compute(tx, policy, cycleNumber);
      const pending = [...composite.pending];
      const order = composite.assessments.filter((a) => a.outcome === 'recommended').map((a) => a.applicationId);
      if (pending.length === 0 && order.length === 0) {
        pending.push({ zh: '综合评审未推荐任何申报', en: 'The composite assessment recommends no application' });
      }
      return { source: 'composite', basis: composite.basis, rows: [], order: pending.length > 0 ? [] : order, pending };
    }
    if (scoringPlanOf(policy.key).composite) {
      const composite = await this.composite.compute(tx, policy, cycleNumber);
      const pending = [...composite.pending];
      if (pending.length === 0 && composite.ranking.length === 0) {
        pending.push({ zh: '综合评分尚无结果', en: 'The composite has no scores yet' });
      }
      return { source: 'composite', basis: composite.basis, rows: composite.ranking, pending };
    }
    const last = policy.procedure.stages
      .filter((stage) => isSheetScored(policy, stage))
      .sort((a, b) => b.order - a.order)[0];
    if (!last) {
      return {
        source: null,
        basis: null,
        rows: [],
        pending: [
          { zh: '本届适用的政策未规定评分环节，没有排名', en: 'The policy scores no stage: there is no ranking' },
        ],
      };
    }
    const result = await this.stages.compute(tx, cycleNumber, last.key);
    const pending: Text[] = [];
    if (result.openFlags > 0) {
      pending.push({
        zh: `环节“${last.key}”尚有 ${result.openFlags} 个离群评分未经合议`,
        en: `Stage "${last.key}" has ${result.openFlags} flagged score(s) awaiting consensus`,
      });
    }
    if (result.ranking.length === 0) {
      pending.push({ zh: `环节“${last.key}”尚无评分`, en: `Stage "${last.key}" has no scores yet` });
    }
    return {
      source: last.key,
      basis: `${policy.key} ${last.basis}`,
      rows: pending.length > 0 ? [] : result.ranking,
      pending,
    };
  }
}
