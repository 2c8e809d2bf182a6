import { formatFen } from './format-fen.util';
import type { ApplicantKind, LocalizedText, Policy, TierKey } from './policy.schema';
import { notTranscribedReason, untranscribedOf } from './untranscribed.util';

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
  /**
   * The cap, when the text gives one ("不超过N万元"): `fen` is then null and the amount is a decision recorded within
   * the cap (`checkAwardAmount`).
   */
  readonly capFen?: number;
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
    const pending = untranscribedOf(policy, 'tiers.money');
    if (pending) return { fen: null, form: money.form, basis: money.basis, reason: notTranscribedReason(pending) };
    return {
      fen: null,
      form: money.form,
      basis: money.basis,
      reason: { zh: '办法未规定金额，由人工决定', en: 'the regulation states no amount; the office decides' },
    };
  }
  if (money.amountIs?.[input.applicantKind] === 'cap') {
    return {
      fen: null,
      capFen: fen,
      form: money.form,
      basis: money.basis,
      reason: {
        zh: `${tier.name.zh}：不超过${formatFen(fen)}元，具体金额由有权机关决定并记录`,
        en: `${tier.name.en}: up to CNY ${formatFen(fen)}; the amount is decided and recorded`,
      },
    };
  }
  return {
    fen,
    form: money.form,
    basis: money.basis,
    reason: { zh: `${tier.name.zh}：${formatFen(fen)}元`, en: `${tier.name.en}: CNY ${formatFen(fen)}` },
  };
}

export interface AwardAmountCheck {
  readonly ok: boolean;
  readonly basis: string | null;
  readonly reason: LocalizedText;
}

/**
 * A decided amount (integer fen) for a winner against what the policy says: within the cap where the text gives one;
 * equal to the amount where it gives an exact one (unless "原则上", then a recorded reason carries the difference);
 * any non-negative amount where the text states none (the decision is the rule).
 */
export function checkAwardAmount(policy: Policy, input: EntitlementInput, decidedFen: number): AwardAmountCheck {
  if (!Number.isSafeInteger(decidedFen) || decidedFen < 0)
    return {
      ok: false,
      basis: null,
      reason: { zh: '金额须为非负整数（分）', en: 'the amount must be a non-negative integer of fen' },
    };
  const entitlement = computeEntitlement(policy, input);
  const tier = policy.tiers.find((candidate) => candidate.key === input.tier);
  if (entitlement.capFen !== undefined) {
    return decidedFen <= entitlement.capFen
      ? {
          ok: true,
          basis: entitlement.basis,
          reason: {
            zh: `${formatFen(decidedFen)}元，不超过上限${formatFen(entitlement.capFen)}元`,
            en: `CNY ${formatFen(decidedFen)}, within the cap of CNY ${formatFen(entitlement.capFen)}`,
          },
        }
      : {
          ok: false,
          basis: entitlement.basis,
          reason: {
            zh: `${formatFen(decidedFen)}元，超过上限${formatFen(entitlement.capFen)}元`,
            en: `CNY ${formatFen(decidedFen)} exceeds the cap of CNY ${formatFen(entitlement.capFen)}`,
          },
        };
  }
  if (entitlement.fen === null) return { ok: true, basis: entitlement.basis, reason: entitlement.reason };
  if (entitlement.fen === decidedFen || tier?.money.inPrinciple)
    return { ok: true, basis: entitlement.basis, reason: entitlement.reason };
  return {
    ok: false,
    basis: entitlement.basis,
    reason: {
      zh: `办法规定的金额为${formatFen(entitlement.fen)}元，不是${formatFen(decidedFen)}元`,
      en: `the regulation gives CNY ${formatFen(entitlement.fen)}, not CNY ${formatFen(decidedFen)}`,
    },
  };
}
