import { checkQuota, type QuotaCheck } from './check-quota.util';
import type { ApplicantKind, LocalizedText, Policy, TierKey } from './policy.schema';

/** A tier's in-principle quota (原则上) exceeded by the deciding body, with its reason (recorded, never invented). */
export interface QuotaExceedance {
  readonly tier: TierKey;
  /** The applicant kind whose own in-principle quota is exceeded; omitted: the tier's quota. */
  readonly applicantKind?: ApplicantKind;
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

/** One applicant kind's own quota within a tier (`quota.byKind`). */
export interface KindQuotaResult {
  readonly tier: TierKey;
  readonly applicantKind: ApplicantKind;
  readonly outcome: 'ok' | 'exceeds_hard_limit' | 'exceeds_in_principle';
  readonly max: number;
  readonly proposed: number;
  readonly vacancies: number;
  readonly vacanciesAllowed: boolean;
  readonly basis: string;
  readonly exceedance: QuotaExceedance | null;
  readonly reason: LocalizedText;
}

export interface WinnerQuotaEvaluation {
  readonly tiers: readonly TierQuotaResult[];
  /** Per applicant kind, for tiers whose text sets separate quotas. */
  readonly kinds: readonly KindQuotaResult[];
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
  winners: readonly { readonly tier: TierKey; readonly applicantKind?: ApplicantKind }[],
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
    const exceedanceIndex = exceedances.findIndex((e) => e.tier === tier && e.applicantKind === undefined);
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
  const kinds = evaluateKindQuotas(policy, winners, exceedances, problems);
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
  return { tiers, kinds, problems };
}

/**
 * Each applicant kind's winners against its own quota ("组织奖、个人奖各不超过N个"), where the tier sets one: the same
 * rules as the tier's (hard, or in principle with a recorded exceedance naming the kind). A winner without its kind
 * cannot be counted: a problem, not a guess.
 */
function evaluateKindQuotas(
  policy: Policy,
  winners: readonly { readonly tier: TierKey; readonly applicantKind?: ApplicantKind }[],
  exceedances: readonly QuotaExceedance[],
  problems: WinnerQuotaProblem[],
): KindQuotaResult[] {
  const results: KindQuotaResult[] = [];
  for (const tier of policy.tiers) {
    const byKind = tier.quota.byKind;
    if (!byKind) continue;
    const ofTier = winners.map((w, index) => ({ ...w, index })).filter((w) => w.tier === tier.key);
    for (const w of ofTier.filter((w) => w.applicantKind === undefined))
      problems.push({
        field: `winners[${w.index}].applicantKind`,
        reason: {
          zh: `${tier.name.zh}按组织、个人分设名额，须知获奖者类别（${tier.quota.basis}）`,
          en: `the ${tier.name.en} has separate quotas for organisations and individuals: the winner's kind is needed (${tier.quota.basis})`,
        },
      });
    for (const kind of ['organisation', 'individual'] as const) {
      const own = byKind[kind];
      if (!own) continue;
      const binding = own.binding ?? tier.quota.binding;
      const basis = own.basis ?? tier.quota.basis;
      const proposed = ofTier.filter((w) => w.applicantKind === kind).length;
      const name = kind === 'organisation' ? { zh: '组织', en: 'organisations' } : { zh: '个人', en: 'individuals' };
      const index = exceedances.findIndex((e) => e.tier === tier.key && e.applicantKind === kind);
      const exceedance = index >= 0 ? (exceedances[index] ?? null) : null;
      const over = proposed > own.max;
      const outcome = !over ? 'ok' : binding === 'in_principle' ? 'exceeds_in_principle' : 'exceeds_hard_limit';
      const reason = {
        zh: `${tier.name.zh}${name.zh}拟授${proposed}个，名额${binding === 'in_principle' ? '原则上' : '不超过'}${own.max}个（${basis}）`,
        en: `${proposed} ${name.en} proposed for the ${tier.name.en}, quota ${binding === 'in_principle' ? 'in principle ' : 'at most '}${own.max} (${basis})`,
      };
      if (outcome === 'exceeds_hard_limit') {
        const first = ofTier.find((w) => w.applicantKind === kind);
        problems.push({ field: `winners[${first?.index ?? 0}].tier`, reason });
      } else if (outcome === 'exceeds_in_principle' && !exceedance) {
        problems.push({
          field: 'quotaExceedances',
          reason: {
            zh: `${reason.zh}；须记录决定机构及理由（applicantKind: ${kind}）`,
            en: `${reason.en}; record the deciding body and its reason (applicantKind: ${kind})`,
          },
        });
      } else if (exceedance && outcome !== 'exceeds_in_principle') {
        problems.push({
          field: `quotaExceedances[${index}].applicantKind`,
          reason: {
            zh: `${tier.name.zh}${name.zh}未超过原则上的名额，无须记录超额理由`,
            en: `the ${tier.name.en}'s ${name.en} do not exceed an in-principle quota: nothing to record`,
          },
        });
      }
      results.push({
        tier: tier.key,
        applicantKind: kind,
        outcome,
        max: own.max,
        proposed,
        vacancies: Math.max(0, own.max - proposed),
        vacanciesAllowed: own.vacanciesAllowed ?? tier.quota.vacanciesAllowed,
        basis,
        exceedance: outcome === 'exceeds_in_principle' ? exceedance : null,
        reason,
      });
    }
  }
  for (const [index, e] of exceedances.entries()) {
    if (e.applicantKind === undefined) continue;
    if (!policy.tiers.find((t) => t.key === e.tier)?.quota.byKind?.[e.applicantKind])
      problems.push({
        field: `quotaExceedances[${index}].applicantKind`,
        reason: {
          zh: `该奖项未为${e.applicantKind === 'organisation' ? '组织' : '个人'}单设名额`,
          en: `the ${e.tier} tier sets no separate quota for ${e.applicantKind}s`,
        },
      });
  }
  return results;
}

const withBasis = (reason: LocalizedText, basis: string): LocalizedText => ({
  zh: `${reason.zh}（${basis}）`,
  en: `${reason.en} (${basis})`,
});
