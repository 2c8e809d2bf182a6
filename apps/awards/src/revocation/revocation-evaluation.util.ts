import type { RevocationCaseView } from '@laurel/contracts';
import { type ConsequenceResult, evaluateConsequences, type Policy, type TierKey } from '@laurel/policy';

export interface RevocationFacts {
  readonly ground: RevocationCaseView['ground'];
  readonly eventOn: string;
  readonly severity?: string | null;
  readonly awardedOn: string;
  readonly tier: TierKey;
  /** The approval date, from which a ban counts (decision_year / revocation_year); the event date before it. */
  readonly decidedOn?: string;
}

/**
 * What the policy says follows from the ground, as the case stores it: `evaluateConsequences` with the articles
 * prefixed by the policy key (`ili 第二十八条第二款`), so each step cites its jurisdiction's text.
 */
export function evaluateRevocation(policy: Policy, facts: RevocationFacts): RevocationCaseView['evaluation'] {
  const result: ConsequenceResult = evaluateConsequences(policy, {
    kind: facts.ground,
    date: facts.eventOn,
    awardDate: facts.awardedOn,
    tier: facts.tier,
    ...(facts.severity ? { severity: facts.severity as never } : {}),
    ...(facts.decidedOn ? { decisionDate: facts.decidedOn } : {}),
  });
  const cite = (basis: string) => `${policy.key} ${basis}`;
  return {
    outcome: result.outcome,
    reason: result.reason,
    rules: result.rules.map((rule) => ({ ...rule, basis: cite(rule.basis) })),
    consequences: result.consequences.map((c) => ({
      kind: c.kind,
      ruleId: c.ruleId,
      basis: cite(c.basis),
      ...(c.by ? { by: c.by } : {}),
      ...(c.within ? { within: c.within } : {}),
      ...(c.failing ? { failing: c.failing } : {}),
      ...(c.ban
        ? {
            ban: {
              unit: c.ban.unit,
              count: c.ban.count,
              startYear: c.ban.startYear,
              allowedFromYear: c.ban.allowedFromYear,
            },
          }
        : {}),
    })),
  };
}

/** The clawback window the rule behind a clawback names (xinzhou-district 第十七条: 6 months of the award), or null. */
export function clawbackWindowOf(policy: Policy, ruleIds: readonly string[]): { months: number; from: 'award' } | null {
  for (const rule of policy.consequences) {
    if (!ruleIds.includes(rule.id) || !rule.actions.clawback || rule.window.kind !== 'after_award') continue;
    const { unit, count } = rule.window.length;
    return { months: unit === 'years' ? count * 12 : count, from: 'award' };
  }
  return null;
}
