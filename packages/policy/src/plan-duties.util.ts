import { DUTY_REMINDER_DAYS_BEFORE } from './duty-reminders.rules';
import { isoDate } from './iso-date.util';
import type { ApplicantKind, LocalizedText, Policy, TierKey } from './policy.schema';
import { scheduleObligations } from './schedule-obligations.util';

/**
 * The kinds of post-award duty, which other services refer to (funds records a `requested_evaluation` later):
 * - annual_report: a report due on a date (linxia 第三十二条 self-assessment every July; inner-mongolia 第二十七条
 *   performance report for 3 years, its date set by the office when the text leaves it open);
 * - event_notice: filed by the winner when something happens (linxia 第三十二条 a major change of its quality model);
 * - requested_evaluation: opened when the office or funds asks (inner-mongolia 第十九条 the grant's performance
 *   evaluation), with the date they set.
 */
export const DUTY_KINDS = ['annual_report', 'event_notice', 'requested_evaluation'] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

/** Where refusing a duty is a ground for revocation (xinzhou-city 第二十八条 拒绝履行相关责任义务): the rule and its article. */
export interface RefusalGround {
  readonly ruleId: string;
  readonly event: 'refusing_duties';
  readonly basis: string;
}

export interface PlannedDuty {
  /** The policy's obligation key (e.g. `self-assessment`), with `sequence` unique per title. */
  readonly key: string;
  readonly kind: DutyKind;
  readonly name: LocalizedText;
  readonly recipient: LocalizedText;
  readonly sequence: number;
  /** The last day to submit; null until the office sets it (按时报送) or for duties that wait for an event or request. */
  readonly dueDate: string | null;
  readonly windowStart: string | null;
  readonly period: { readonly start: string; readonly end: string } | null;
  /** The days the winner is reminded (before the due date, not before the planning day). */
  readonly remindOn: readonly string[];
  /** The first day the duty is overdue (the day after the due date). */
  readonly overdueFrom: string | null;
  readonly basis: string;
  readonly note?: string;
}

export interface DutyPlan {
  readonly duties: readonly PlannedDuty[];
  /** Where refusing duties is a revocation ground in this policy; null where it is not. */
  readonly refusalGround: RefusalGround | null;
}

export interface DutyPlanInput {
  readonly awardDate: string;
  readonly tier: TierKey;
  readonly applicantKind: ApplicantKind;
  /** The day the plan is made (reminders before it are not planned). */
  readonly today: string;
}

/** The reminder days and the overdue day for a due date, from the platform's reminder rules. */
export function dutyDates(dueDate: string | null, today: string): Pick<PlannedDuty, 'remindOn' | 'overdueFrom'> {
  if (dueDate === null) return { remindOn: [], overdueFrom: null };
  const remindOn = DUTY_REMINDER_DAYS_BEFORE.map((days) => isoDate.addDays(dueDate, -days)).filter(
    (day) => isoDate.compare(day, today) >= 0,
  );
  return { remindOn, overdueFrom: isoDate.addDays(dueDate, 1) };
}

/** The revocation rule of the policy that names refusing duties, if any. */
export function refusalGroundOf(policy: Policy): RefusalGround | null {
  const rule = policy.consequences.find(
    (candidate) => candidate.events.includes('refusing_duties') && candidate.actions.revoke,
  );
  return rule ? { ruleId: rule.id, event: 'refusing_duties', basis: rule.basis } : null;
}

/**
 * Every duty a title brings, from the policy's obligations (scheduleObligations): reports with their due dates and
 * reminder days, event notices and requested evaluations without a date, and whether refusing them is a ground.
 */
export function planDuties(policy: Policy, input: DutyPlanInput): DutyPlan {
  const schedule = scheduleObligations(policy, input);
  const duties: PlannedDuty[] = schedule.reports.map((report) => ({
    key: report.key,
    kind: 'annual_report',
    name: report.name,
    recipient: report.recipient,
    sequence: report.sequence,
    dueDate: report.dueDate,
    windowStart: report.windowStart,
    period: report.period,
    ...dutyDates(report.dueDate, input.today),
    basis: report.basis,
    ...(report.note ? { note: report.note } : {}),
  }));
  for (const obligation of schedule.unscheduled) {
    duties.push({
      key: obligation.key,
      kind: obligation.trigger === 'on_event' ? 'event_notice' : 'requested_evaluation',
      name: obligation.name,
      recipient: obligation.recipient,
      sequence: 1,
      dueDate: null,
      windowStart: null,
      period: null,
      remindOn: [],
      overdueFrom: null,
      basis: obligation.basis,
      ...(obligation.event ? { note: obligation.event.zh } : {}),
    });
  }
  return { duties, refusalGround: refusalGroundOf(policy) };
}
