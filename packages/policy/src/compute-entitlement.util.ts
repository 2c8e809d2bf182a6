import { formatFen } from './format-fen.util';
import type { ApplicantKind, LocalizedText, Policy, TierKey } from './policy.schema';

export interface EntitlementInput {
  readonly tier: TierKey;
  readonly applicantKind: ApplicantKind;
  /** How many times the winner won this tier before (0 for a first win). */
  readonly previousWins: number;
}

export interface Entitlement {
  /** Integer fen owed; null when the regulation states no amount (the office decides). */
  readonly fen: number | null;
  readonly form: 'prize' | 'grant' | 'non_cash' | 'unspecified';
  readonly basis: string | null;
  readonly reason: LocalizedText;
}

/** The money a winner is entitled to, in integer fen, applying the repeat-winner rule. */
export function computeEntitlement(policy: Policy, input: EntitlementInput): Entitlement {
  const tier = policy.tiers.find((candidate) => candidate.key === input.tier);
  if (!tier) {
    return {
      fen: null,
      form: 'unspecified',
      basis: null,
      reason: { zh: `本办法未设此奖项（${input.tier}）`, en: `the regulation has no ${input.tier} tier` },
    };
  }
  const { money } = tier;
  if (!policy.applicants.kinds.some((entry) => entry.kind === input.applicantKind)) {
    return {
      fen: null,
      form: money.form,
      basis: policy.applicants.kinds.map((entry) => entry.basis).join('; '),
      reason: { zh: '本办法不受理此类申报者', en: `the regulation does not admit ${input.applicantKind}s` },
    };
  }
  const fen = money.fen[input.applicantKind];
  if (money.repeatWinner && input.previousWins > 0) {
    return {
      fen: 0,
      form: money.form,
      basis: money.repeatWinner.basis,
      reason: { zh: '再次获得同一奖项，不再给予资金', en: 'won the same award again: no second payment' },
    };
  }
  if (fen === null) {
    return {
      fen: null,
      form: money.form,
      basis: money.basis,
      reason: { zh: '办法未规定金额，由人工决定', en: 'the regulation states no amount; the office decides' },
    };
  }
  return {
    fen,
    form: money.form,
    basis: money.basis,
    reason: { zh: `${tier.name.zh}：${formatFen(fen)}元`, en: `${tier.name.en}: CNY ${formatFen(fen)}` },
  };
}
