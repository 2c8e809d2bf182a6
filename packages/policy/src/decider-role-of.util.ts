import type { ActingRole, Policy } from './policy.schema';

/**
 * The role that records a person's decision on an eligibility rule (a waiver, an attestation, a look-back the text
 * leaves open): the body the rule names (xinzhou-city 第十条: "经领导小组批准可放宽年限", the leading group), else the
 * office. An unknown rule id (e.g. `reapplication`) is the office's.
 */
export function deciderRoleOf(policy: Policy, ruleId: string): ActingRole {
  const rule = policy.eligibility.find((candidate) => candidate.id === ruleId);
  if (rule?.kind === 'min_years_operating' && rule.waiver) return rule.waiver.decidedBy ?? 'office';
  return 'office';
}
