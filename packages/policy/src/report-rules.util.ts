import type { ActingRole, Policy } from './policy.schema';

type Reports = Policy['reports'];

/**
 * The role that receives reports (举报), answers them and alone may reveal who reported: the body the policy names
 * (linxia 第二十四条: the committee office; xinzhou-city 第二十七条: the supervision group), else the office — a
 * regulation that sets up no body for reports (ili, inner-mongolia, xinzhou-district) leaves them to the office.
 */
export const reportReceiverRole = (reports: Pick<Reports, 'receiverRole'>): ActingRole =>
  reports.receiverRole ?? 'office';

/**
 * Whether a report without the reporter's identity is taken. Only a text that refuses anonymous reports
 * (`anonymousAllowed: false`) refuses them; a text that is silent (linxia 第二十四条: "任何单位和个人……可以向评委办举报")
 * takes them and leaves what to do with them to the receiver.
 */
export const anonymousReportsTaken = (reports: Pick<Reports, 'anonymousAllowed'>): boolean =>
  reports.anonymousAllowed !== false;
