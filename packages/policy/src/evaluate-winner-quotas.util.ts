import { checkQuota, type QuotaCheck } from './check-quota.util';
import type { LocalizedText, Policy, TierKey } from './policy.schema';

/** A tier's in-principle quota (原则上) exceeded by the deciding body, with its reason (recorded, never invented). */
export interface QuotaExceedance {
  readonly tier: TierKey;
  /** The body that decided to exceed it (e.g. the leading group, the county government). */
  readonly decidedBy: string;
  readonly reason: string;
}

export interface TierQuotaResult extends QuotaCheck {
  readonly tier: TierKey;
  /** Places left unfilled: allowed where the policy says so (宁缺毋滥). */
  readonly vacancies: number;
  readonly vacanciesAllowed: boolean;
  /** The recorded exceedance this tier rests on, when it exceeds an in-principle quota. */
  readonly exceedance: QuotaExceedance | null;
}

/** Why the winners cannot be decided as proposed: the field and the reason. */
export interface WinnerQuotaProblem {
  readonly field: string;
  readonly reason: LocalizedText;
}

export interface WinnerQuotaEvaluation {
  readonly tiers: readonly TierQuotaResult[];
  readonly problems: readonly WinnerQuotaProblem[];
}

/**
 * The winners of a cycle against every tier's quota (counts per tier, organisations and individuals together):
 * a hard quota ("不超过") is never exceeded; an in-principle one only with an exceedance the deciding body recorded
 * (linxia 第四条); fewer winners than places is fine where vacancies are allowed (宁缺毋滥). An exceedance for a tier
 * that is not exceeded, or not in principle, is refused rather than kept as noise.
 */
export function evaluateWinnerQuotas(
  policy: Policy,
  winners: readonly { readonly tier: TierKey }[],
  exceedances: readonly QuotaExceedance[],
): WinnerQuotaEvaluation {
  const problems: WinnerQuotaProblem[] = [];
  const counted = new Map<TierKey, number>();
  for (const winner of winners) counted.set(winner.tier, (counted.get(winner.tier) ?? 0) + 1);
  const tierKeys = new Set<TierKey>([...policy.tiers.map((t) => t.key), ...counted.keys()]);
  const tiers: TierQuotaResult[] = [];
  for (const tier of tierKeys) {
    const check = checkQuota(policy, tier, counted.get(tier) ?? 0);
    const entry = policy.tiers.find((t) => t.key === tier);
    const exceedanceIndex = exceedances.findIndex((e) => e.tier === tier);
    const exceedance = exceedanceIndex >= 0 ? (exceedances[exceedanceIndex] ?? null) : null;
    if (!check.allowed) {
      const index = winners.findIndex((w) => w.tier === tier);
      problems.push({ field: `winners[${index}].tier`, reason: withBasis(check.reason, check.basis) });
    } else if (check.requiresRecordedReason && !exceedance) {
      problems.push({
        field: 'quotaExceedances',
        reason: {
          zh: `${check.reason.zh}；须记录决定机构及理由（${check.basis}）`,
          en: `${check.reason.en}; record the deciding body and its reason (${check.basis})`,
        },
      });
    } else if (exceedance && !check.requiresRecordedReason) {
      problems.push({
        field: `quotaExceedances[${exceedanceIndex}].tier`,
        reason: {
          zh: `${tier} 未超过原则上的名额，无须记录超额理由`,
          en: `the ${tier} tier does not exceed an in-principle quota: nothing to record`,
        },
      });
    }
    tiers.push({
      ...check,
      tier,
      vacancies: check.max === null ? 0 : Math.max(0, check.max - check.proposed),
      vacanciesAllowed: entry?.quota.vacanciesAllowed ?? false,
      exceedance: check.requiresRecordedReason ? exceedance : null,
    });
  }
  exceedances.forEach((e, index) => {
    if (e.reason.trim().length === 0)
      problems.push({
        field: `quotaExceedances[${index}].reason`,
        reason: { zh: '须写明理由', en: 'a reason is required' },
      });
    if (e.decidedBy.trim().length === 0)
      problems.push({
        field: `quotaExceedances[${index}].decidedBy`,
        reason: { zh: '须写明决定机构', en: 'the deciding body is required' },
      });
  });
  return { tiers, problems };
}

const withBasis = (reason: LocalizedText, basis: string): LocalizedText => ({
  zh: `${reason.zh}（${basis}）`,
  en: `${reason.en} (${basis})`,
});
