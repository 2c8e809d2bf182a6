import { isoDate } from './iso-date.util';
import type { Policy, TierKey } from './policy.schema';

export interface TitleValidity {
  readonly validFrom: string;
  /** null: the regulation gives the tier's title no validity period. */
  readonly validUntil: string | null;
  readonly onExpiry: 're_evaluation' | 'lapses' | 'unspecified' | null;
  readonly basis: string;
}

/**
 * How long a title granted on `decidedOn` holds (policy `tiers[].validity`: linxia 第五条 5 years then
 * re-evaluation; xinzhou-district 第五条 award 3 years, nomination 1 year). The period is counted in years from the
 * decision and ends on the corresponding day (民法典 第二百零一、二百零二条, `isoDate.addYears`).
 */
export function titleValidity(policy: Policy, tier: TierKey, decidedOn: string): TitleValidity {
  const entry = policy.tiers.find((t) => t.key === tier);
  if (!entry) throw new RangeError(`the policy has no ${tier} tier`);
  if (!entry.validity) return { validFrom: decidedOn, validUntil: null, onExpiry: null, basis: entry.basis };
  return {
    validFrom: decidedOn,
    validUntil: isoDate.addYears(decidedOn, entry.validity.years),
    onExpiry: entry.validity.onExpiry,
    basis: entry.validity.basis,
  };
}
