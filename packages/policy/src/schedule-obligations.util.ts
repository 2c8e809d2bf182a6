import { isoDate } from './iso-date.util';
import type { ApplicantKind, LocalizedText, Policy, ReportObligation, TierKey } from './policy.schema';

export interface ObligationInput {
  /** The award date (YYYY-MM-DD). */
  readonly awardDate: string;
  readonly tier: TierKey;
  /** The winner's kind; omitted: obligations of every kind. */
  readonly applicantKind?: ApplicantKind;
}

export interface DueReport {
  readonly key: string;
  readonly name: LocalizedText;
  readonly recipient: LocalizedText;
  /** 1 for the first report, 2 for the second, ... */
  readonly sequence: number;
  /** The last day to report, or null when the regulation leaves the date to the office. */
  readonly dueDate: string | null;
  /** The first day of the reporting window, when the regulation gives one (e.g. 每年7月份). */
  readonly windowStart: string | null;
  /** The period the report covers, for reports on each year after the award. */
  readonly period: { readonly start: string; readonly end: string } | null;
  readonly basis: string;
  readonly note?: string;
}

export interface UnscheduledObligation {
  readonly key: string;
  readonly name: LocalizedText;
  readonly recipient: LocalizedText;
  readonly trigger: 'on_event' | 'on_request';
  readonly event: LocalizedText | null;
  readonly basis: string;
}

export interface ObligationSchedule {
  readonly reports: readonly DueReport[];
  readonly unscheduled: readonly UnscheduledObligation[];
}

function annualInMonth(
  policy: Policy,
  obligation: ReportObligation,
  schedule: Extract<ReportObligation['schedule'], { kind: 'annual_in_month' }>,
  input: ObligationInput,
): DueReport[] {
  let end: string;
  if (schedule.until.kind === 'years_after_award') {
    end = isoDate.addYears(input.awardDate, schedule.until.years);
  } else {
    const validity = policy.tiers.find((tier) => tier.key === input.tier)?.validity;
    if (!validity) return [];
    end = isoDate.addYears(input.awardDate, validity.years);
  }
  const reports: DueReport[] = [];
  const firstYear = isoDate.yearOf(input.awardDate);
  for (let year = firstYear; ; year += 1) {
    const windowStart = isoDate.fromYmd(year, schedule.month, 1);
    const dueDate = isoDate.lastDayOfMonth(year, schedule.month);
    if (isoDate.compare(dueDate, end) > 0) break;
    if (isoDate.compare(windowStart, input.awardDate) <= 0) continue;
    reports.push({
      key: obligation.key,
      name: obligation.name,
      recipient: obligation.recipient,
      sequence: reports.length + 1,
      dueDate,
      windowStart,
      period: null,
      basis: obligation.basis,
    });
  }
  return reports;
}

function annualAfterAward(
  obligation: ReportObligation,
  schedule: Extract<ReportObligation['schedule'], { kind: 'annual_after_award' }>,
  input: ObligationInput,
): DueReport[] {
  const reports: DueReport[] = [];
  for (let sequence = 1; sequence <= schedule.years; sequence += 1) {
    const start = isoDate.addYears(input.awardDate, sequence - 1);
    const end = isoDate.addYears(input.awardDate, sequence);
    const dueDate = schedule.due.kind === 'days_after_period' ? isoDate.addDays(end, schedule.due.days) : null;
    reports.push({
      key: obligation.key,
      name: obligation.name,
      recipient: obligation.recipient,
      sequence,
      dueDate,
      windowStart: null,
      period: { start, end },
      basis: obligation.basis,
      ...(dueDate === null ? { note: 'the regulation leaves the due date to the office (按时报送)' } : {}),
    });
  }
  return reports;
}

/**
 * The reports a winner owes after its award, with their due dates and basis. Reports due "every
 * year in month M" fall due on the month's last day, from the first such month that starts after
 * the award date, while the title is valid (or for the stated years). Reports "for each of N years
 * after the award" cover the award's anniversaries; their due date is null when the regulation
 * leaves it to the office. Obligations triggered by an event or a request are listed apart.
 */
export function scheduleObligations(policy: Policy, input: ObligationInput): ObligationSchedule {
  const reports: DueReport[] = [];
  const unscheduled: UnscheduledObligation[] = [];
  for (const obligation of policy.obligations.reports) {
    if (!obligation.tiers.includes(input.tier)) continue;
    if (input.applicantKind && !obligation.applicantKinds.includes(input.applicantKind)) continue;
    const { schedule } = obligation;
    switch (schedule.kind) {
      case 'annual_in_month':
        reports.push(...annualInMonth(policy, obligation, schedule, input));
        break;
      case 'annual_after_award':
        reports.push(...annualAfterAward(obligation, schedule, input));
        break;
      case 'on_event':
      case 'on_request':
        unscheduled.push({
          key: obligation.key,
          name: obligation.name,
          recipient: obligation.recipient,
          trigger: schedule.kind,
          event: schedule.kind === 'on_event' ? schedule.event : null,
          basis: obligation.basis,
        });
        break;
    }
  }
  return { reports, unscheduled };
}
