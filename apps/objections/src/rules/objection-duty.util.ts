import { DomainError } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import type { ActingRole } from '@laurel/policy';
import { cite, type TenantRules } from './rules.service';

/**
 * What is done with an objection: received (examined, investigated), decided, or overseen (read only: the
 * supervision group, which watches the whole process).
 */
export type ObjectionDuty = 'receive' | 'decide' | 'oversee';

const BODY_NAMES: Record<ActingRole, { zh: string; en: string }> = {
  office: { zh: '办公室', en: 'the office' },
  supervisor: { zh: '监督组', en: 'the supervision group' },
  leading_group: { zh: '领导小组', en: 'the leading group' },
};

/** The role a duty falls to under the rules: the policy's receiver (else the office); its decider (else the receiver). */
export function roleFor(rules: TenantRules | null, duty: ObjectionDuty): ActingRole {
  if (duty === 'oversee') return 'supervisor';
  const receiver = rules?.objections.receiverRole ?? 'office';
  return duty === 'receive' ? receiver : (rules?.objections.deciderRole ?? receiver);
}

/** Reading objections (with the objector's name, address and files): the bodies that handle or oversee them. */
export const requireReader = (rules: TenantRules | null): void => requireDuty(rules, 'receive', 'decide', 'oversee');

/**
 * Refuses a caller whose roles do not include the one the regulation gives the duty to (xinzhou-city 第二十七条:
 * objections go to the supervision group; 第六条: the leading group decides them). The gateway lets every acting
 * role through; the rule is the policy's, so it is checked here.
 */
export function requireDuty(rules: TenantRules | null, ...duties: ObjectionDuty[]): void {
  const roles = RequestContexts.current()?.actor?.roles ?? [];
  const allowed = [...new Set(duties.map((duty) => roleFor(rules, duty)))];
  if (allowed.some((role) => roles.includes(role))) return;
  const names = allowed.map((role) => BODY_NAMES[role]);
  throw new DomainError({
    code: 'forbidden',
    detail: {
      zh: `按本辖区规定，此项由${names.map((n) => n.zh).join('或')}办理`,
      en: `Under this jurisdiction's rules this is for ${names.map((n) => n.en).join(' or ')}`,
    },
    ...(rules ? { basis: cite(rules, rules.objections.basis) ?? undefined } : {}),
  });
}
