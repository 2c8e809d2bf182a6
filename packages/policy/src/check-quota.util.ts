import type { LocalizedText, Policy, TierKey } from './policy.schema';

/**
 * ok: within the quota. exceeds_hard_limit: refused. exceeds_in_principle: the quota is "原则上"
 * and may be exceeded only with a reason a person records. tier_not_offered: the policy has no such tier.
 */
export type QuotaOutcome = 'ok' | 'exceeds_hard_limit' | 'exceeds_in_principle' | 'tier_not_offered';

export interface QuotaCheck {
  readonly outcome: QuotaOutcome;
  /** False only for exceeds_hard_limit and tier_not_offered. */
  readonly allowed: boolean;
  readonly requiresRecordedReason: boolean;
  readonly max: number | null;
  readonly proposed: number;
  readonly basis: string;
  readonly reason: LocalizedText;
}

/** Checks a number of proposed winners of a tier (organisations and individuals together) against its quota. */
export function checkQuota(policy: Policy, tier: TierKey, proposed: number): QuotaCheck {
  if (!Number.isInteger(proposed) || proposed < 0)
    throw new RangeError(`proposed winners must be a count: ${proposed}`);
  const entry = policy.tiers.find((candidate) => candidate.key === tier);
  if (!entry) {
    return {
      outcome: 'tier_not_offered',
      allowed: false,
      requiresRecordedReason: false,
      max: null,
      proposed,
      basis: [...new Set(policy.tiers.map((candidate) => candidate.basis))].join('; '),
      reason: { zh: `本办法未设此奖项（${tier}）`, en: `the regulation has no ${tier} tier` },
    };
  }
  const { max, binding, basis } = entry.quota;
  const base = { max, proposed, basis };
  if (proposed <= max) {
    return {
      ...base,
      outcome: 'ok',
      allowed: true,
      requiresRecordedReason: false,
      reason: {
        zh: `${entry.name.zh}拟授${proposed}个，名额${binding === 'in_principle' ? '原则上' : '不超过'}${max}个`,
        en: `${proposed} proposed for the ${entry.name.en}, quota ${binding === 'in_principle' ? 'in principle ' : 'at most '}${max}`,
      },
    };
  }
  if (binding === 'in_principle') {
    return {
      ...base,
      outcome: 'exceeds_in_principle',
      allowed: true,
      requiresRecordedReason: true,
      reason: {
        zh: `${entry.name.zh}拟授${proposed}个，超过原则上${max}个的名额，须记录理由并由有权者决定`,
        en: `${proposed} proposed for the ${entry.name.en}, above the in-principle quota of ${max}: allowed only with a recorded reason`,
      },
    };
  }
  return {
    ...base,
    outcome: 'exceeds_hard_limit',
    allowed: false,
    requiresRecordedReason: false,
    reason: {
      zh: `${entry.name.zh}拟授${proposed}个，超过名额上限${max}个`,
      en: `${proposed} proposed for the ${entry.name.en}, above the limit of ${max}`,
    },
  };
}
