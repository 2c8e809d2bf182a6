import { isoDate } from './iso-date.util';
import type { Policy, TierKey } from './policy.schema';

export interface TitleValidity {
  /** The last day the title is valid (YYYY-MM-DD): the award date plus the tier's years, less a day. */
  readonly validUntil: string;
  readonly years: number;
  /** re_evaluation: the office re-assesses at expiry (keep, rectify by a date, or lose); lapses: it simply ends. */
  readonly onExpiry: 're_evaluation' | 'lapses' | 'unspecified';
  readonly basis: string;
}

/**
 * How long a title of `tier` awarded on `awardDate` holds (linxia 第五条 5 years; xinzhou-district 第五条 3 years for the
 * award, 1 for the nomination), or null when the regulation gives the tier no validity: such a title holds until it
 * is revoked.
 */
export function titleValidity(policy: Policy, tier: TierKey, awardDate: string): TitleValidity | null {
  const validity = policy.tiers.find((candidate) => candidate.key === tier)?.validity;
  if (!validity) return null;
  return {
    validUntil: isoDate.addDays(isoDate.addYears(awardDate, validity.years), -1),
    years: validity.years,
    onExpiry: validity.onExpiry,
    basis: validity.basis,
  };
}
