import {
  computeDeadline,
  type Deadline,
  shanghaiDateOf,
  shanghaiStartOfDay,
  type WorkingDayCalendar,
} from '@laurel/calendar';
import { cite, type TenantRules } from '../rules/rules.service';

/** The examination deadline from receipt (e.g. ili 第十九条: 3 working days), and when the office is reminded. */
export function examinationOf(receivedAt: Date, rules: TenantRules, calendar: WorkingDayCalendar) {
  const exam = rules.objections.examination;
  if (!exam) return null;
  const ruleBasis = cite(rules, exam.basis) as string;
  const deadline = computeDeadline(
    {
      start: shanghaiDateOf(receivedAt),
      count: exam.period.count,
      unit: exam.period.unit,
      policy: { basis: ruleBasis },
    },
    calendar,
  );
  return { deadline, ruleBasis, remindAt: reminderOf(deadline, receivedAt, calendar) };
}

/** The start of the working day before the last day, never before `notBefore`. */
export function reminderOf(deadline: Deadline, notBefore: Date, calendar: WorkingDayCalendar): Date {
  const at = shanghaiStartOfDay(calendar.previousWorkingDay(deadline.lastDay));
  return at > notBefore ? at : notBefore;
}
