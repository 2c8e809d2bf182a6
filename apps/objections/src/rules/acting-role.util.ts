import { DomainError } from '@laurel/contracts';
import { acting } from '@laurel/platform';
import { type ActingRole, reportReceiverRole } from '@laurel/policy';
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

/** Whether the caller holds one of the roles. */
export const callerHolds = (...allowed: ActingRole[]): boolean => allowed.some((role) => acting().roles.includes(role));

/**
 * Refuses a caller whose roles include none of the ones the regulation gives the matter to, naming those bodies and
 * citing the article. The gateway lets every acting role through; the rule is the policy's, so it is checked here.
 */
export function requireRole(allowed: readonly ActingRole[], basis: string | null): void {
  if (callerHolds(...allowed)) return;
  const names = [...new Set(allowed)].map((role) => BODY_NAMES[role]);
  throw new DomainError({
    code: 'forbidden',
    detail: {
      zh: `按本辖区规定，此项由${names.map((n) => n.zh).join('或')}办理`,
      en: `Under this jurisdiction's rules this is for ${names.map((n) => n.en).join(' or ')}`,
    },
    ...(basis ? { basis } : {}),
  });
}

/** The role a duty falls to under the rules: the policy's receiver (else the office); its decider (else the receiver). */
export function roleFor(rules: TenantRules | null, duty: ObjectionDuty): ActingRole {
  if (duty === 'oversee') return 'supervisor';
  const receiver = rules?.objections.receiverRole ?? 'office';
  return duty === 'receive' ? receiver : (rules?.objections.deciderRole ?? receiver);
}

/**
 * Refuses a caller without the role the regulation gives any of the duties (xinzhou-city 第二十七条: objections go to
 * the supervision group; 第六条: the leading group decides them).
 */
export function requireDuty(rules: TenantRules | null, ...duties: ObjectionDuty[]): void {
  requireRole(
    duties.map((duty) => roleFor(rules, duty)),
    rules ? cite(rules, rules.objections.basis) : null,
  );
}

/** Reading objections (with the objector's name, address and files): the bodies that handle or oversee them. */
export const requireReader = (rules: TenantRules | null): void => requireDuty(rules, 'receive', 'decide', 'oversee');

/**
 * The role that receives reports (举报), answers them and alone may reveal who reported: the policy's, else the office
 * (inner-mongolia and xinzhou-district set up no body for reports; there is no supervision group to send them to).
 */
export const reportReceiver = (rules: TenantRules | null): ActingRole =>
  rules ? reportReceiverRole(rules.reports) : 'office';
