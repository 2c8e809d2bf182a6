import { evaluateObjectionOutcome, type ObjectionDecision, type ObjectionOutcome } from '@laurel/policy';
import type { TenantRules } from './rules.service';

/**
 * What a decided objection does to its entry's subject under the notice's rules (`evaluateObjectionOutcome`, the one
 * evaluator the applications service also calls). Without recorded rules nothing is automated.
 */
export function outcomeEffectOf(rules: TenantRules | null, decision: ObjectionDecision): ObjectionOutcome {
  return evaluateObjectionOutcome(rules && { key: rules.policyKey, objections: rules.objections }, decision);
}
