import type { Body, Policy } from './policy.schema';

/** May the office give a user this role? No for a body the regulation makes independent of the office. */
export type RoleGrant = { readonly allowed: true } | { readonly allowed: false; readonly body: Body };

/**
 * Whether the office may give a user a role in the tenant: not the role of a body the regulation sets up apart from
 * the office (xinzhou-city 第十七条、第二十七条: the supervision group watches the office's work; 第六条: the leading
 * group), whose accounts the operator creates. Roles that are no body's (e.g. `recommender`) are the office's to give.
 */
export function officeMayGrant(policy: Pick<Policy, 'bodies'>, role: string): RoleGrant {
  const body = policy.bodies?.find((candidate) => candidate.role === role && candidate.independentOfOffice);
  return body ? { allowed: false, body } : { allowed: true };
}
