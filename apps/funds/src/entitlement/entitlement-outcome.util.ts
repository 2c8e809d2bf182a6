import type { LocalisedText } from '@laurel/contracts';
import { type ApplicantKind, computeEntitlement, type Policy, type TierKey } from '@laurel/policy';
import type { EntitlementAction } from './entitlement.lifecycle';

export interface EntitlementOutcome {
  readonly action: EntitlementAction;
  /** Integer fen to obligate (only for `obligate`), or the amount the policy names, or null. */
  readonly fen: number | null;
  readonly form: string;
  readonly basis: string | null;
  readonly reason: LocalisedText;
  /** The cap in fen of an amount the regulation leaves to a decision ("不超过N万元"); null otherwise. */
  readonly capFen: number | null;
}

/**
 * What the policy gives one winner (`computeEntitlement`: tier × applicant kind, the repeat-winner rule): money to
 * obligate; a refused repeat grant citing its article (inner-mongolia 第十八条); nothing owed (a tier without money);
 * or an amount the regulation leaves to the office.
 */
export function entitlementOutcome(
  policy: Policy,
  winner: { tier: TierKey; applicantKind: ApplicantKind },
  previousWins: number,
): EntitlementOutcome {
  const computed = computeEntitlement(policy, { ...winner, previousWins });
  const base = {
    fen: computed.fen,
    form: computed.form,
    basis: computed.basis,
    reason: computed.reason,
    capFen: computed.capFen ?? null,
  };
  const repeat = policy.tiers.find((t) => t.key === winner.tier)?.money.repeatWinner;
  if (computed.fen === null) return { ...base, action: 'record-undecided' };
  if (computed.fen === 0 && repeat && previousWins > 0) {
    return {
      ...base,
      action: 'refuse',
      basis: repeat.basis,
      reason: {
        zh: `再次获得同一奖项，不再给予资金（${repeat.basis}）`,
        en: `won the same award again: no second grant (${repeat.basis})`,
      },
    };
  }
  if (computed.fen === 0) return { ...base, action: 'record-nothing-owed' };
  return { ...base, action: 'obligate' };
}
