import { DomainError } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { CycleRanking } from '../scoring/cycle-ranking.service';
import { CyclePolicy } from '../stage/cycle-policy.service';
import { invalidField } from './vote.errors';
import { applicationsByIds } from './vote.repository';

/** A list of candidates taken from the results: the ranking's (with its article) or the office's recorded change. */
export interface Slate {
  readonly applicationIds: readonly string[];
  readonly source: 'ranking' | 'office_decision';
  /** The ranking's article (e.g. `inner-mongolia 第十五条`); null for the office's list. */
  readonly basis: string | null;
  /** The ranking's scores by application (for the office's list: those the ranking has). */
  readonly scores: ReadonlyMap<string, number>;
}

/**
 * Where a list of candidates comes from — a vote's slate (ili 第十六条), the office's candidate proposal
 * (inner-mongolia 第十五条, xinzhou-city 第十八条): the cycle's ranking (the composite's, or the last scored stage's),
 * in its order, or where nothing is scored the applications the office's composite assessment recommends (ili 第十六条). The exception is the office's own list, given with a reason the caller records: checked against the
 * cycle's accepted applications, and the only way where the policy scores nothing (ili, xinzhou-city: no ranking).
 */
@Injectable()
export class SlateSource {
  constructor(
    private readonly policies: CyclePolicy,
    private readonly ranking: CycleRanking,
  ) {}

  async candidates(
    tx: ReviewsTx,
    cycleNumber: number,
    requested: readonly string[] | undefined,
    field = 'body.applicationIds',
  ): Promise<Slate> {
    const { policy } = await this.policies.of(RequestContexts.requireTenant(), cycleNumber);
    const ranking = await this.ranking.of(tx, policy, cycleNumber);
    const scores = new Map(ranking.rows.map((row) => [row.applicationId, row.score]));
    if (requested === undefined) {
      if (ranking.pending.length > 0 || ranking.order.length === 0) {
        throw DomainError.conflict(
          {
            zh: `尚无可用的排名（${ranking.pending.map((p) => p.zh).join('；')}）：可由办公室列明名单并说明理由`,
            en: `No ranking to take the list from (${ranking.pending.map((p) => p.en).join('; ')}): the office may give the list with a reason`,
          },
          { pending: ranking.pending },
        );
      }
      return {
        applicationIds: ranking.order,
        source: 'ranking',
        basis: ranking.basis,
        scores,
      };
    }
    const seen = new Set<string>();
    requested.forEach((id, i) => {
      if (seen.has(id)) throw invalidField(`${field}.${i}`, '名单中重复', 'is on the list twice');
      seen.add(id);
    });
    const known = await applicationsByIds(tx, requested);
    requested.forEach((id, i) => {
      if (known.get(id)?.cycleNumber !== cycleNumber) {
        throw invalidField(
          `${field}.${i}`,
          `不是第 ${cycleNumber} 届已受理的申报`,
          `is not an accepted application of cycle ${cycleNumber}`,
        );
      }
    });
    return { applicationIds: [...requested], source: 'office_decision', basis: null, scores };
  }
}
