import { CalendarInputError } from './calendar-input.error';
import { addDays, dayOfInput, type IsoDate, MAX_SUPPORTED_YEAR } from './local-date.util';
import { formatShanghaiEndOfDay, shanghaiEndOfDay } from './shanghai-time.util';
import type { WorkingDayCalendar } from './working-day-calendar';

export const DEADLINE_UNITS = ['working_days', 'calendar_days'] as const;
/** `working_days`: official working days (工作日, 调休 included); `calendar_days`: every day. */
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/** Largest `count` accepted (ten years of calendar days). */
export const MAX_DEADLINE_COUNT = 3650;

export const CIVIL_CODE_START_DAY_EXCLUDED = '民法典 第二百零一条';
export const CIVIL_CODE_PERIOD_END = '民法典 第二百零三条';
const PROVISIONAL_SOURCE = '暂定（尚未载入国务院办公厅节假日安排，仅按周末计算）';

/** How a tenant's policy counts. Omitted fields follow the Civil Code. */
export interface DeadlinePolicy {
  /** Count the start day as day 1. Default false: the start day is not counted (民法典 第二百零一条). */
  readonly countStartDay?: boolean;
  /**
   * Calendar days only: when the last day is a rest day (weekend or holiday), the period ends on the next working
   * day instead. Default true (民法典 第二百零三条). Working-day periods always end on a working day.
   */
  readonly extendPastRestDays?: boolean;
  /** The policy's own article, cited in the basis, e.g. `ili 第十七条`. */
  readonly basis?: string;
}

export interface DeadlineInput {
  /** The day the period runs from (e.g. the day of the notice), `YYYY-MM-DD`. */
  readonly start: IsoDate;
  /** A non-negative integer ≤ {@link MAX_DEADLINE_COUNT}. 0 ends the period at 24:00 of the start day. */
  readonly count: number;
  readonly unit: DeadlineUnit;
  readonly policy?: DeadlinePolicy;
}

/** A computed deadline, JSON-ready: what the deadline endpoint answers and what a service stores. */
export interface DeadlineAnswer {
  readonly start: IsoDate;
  readonly count: number;
  readonly unit: DeadlineUnit;
  /** The last day of the period (Asia/Shanghai). */
  readonly lastDay: IsoDate;
  /**
   * When the period ends: 24:00 Asia/Shanghai of `lastDay`, written as the next day's midnight,
   * e.g. lastDay `2025-10-10` → `2025-10-11T00:00:00+08:00`. An act is in time if it happens before this instant.
   */
  readonly endsAt: string;
  /** True when a year in [start, lastDay] has no official schedule (weekends only): the result may still move. */
  readonly provisional: boolean;
  /** Those years, ascending (empty when `provisional` is false). */
  readonly provisionalYears: readonly number[];
  /** The articles applied, the policy's own basis if given, and the calendar sources of the years used. */
  readonly basis: string;
  /**
   * The counting rule, `<unit>:start_day_excluded|start_day_counted`, plus `:rest_day_extended|rest_day_not_extended`
   * for calendar days, e.g. `calendar_days:start_day_excluded:rest_day_extended`. Every period ends at 24:00.
   */
  readonly rule: string;
  /** The calendar used ({@link WorkingDayCalendar.id}), e.g. `cn-official@1a2b3c4d`. */
  readonly calendar: string;
}

/** A computed deadline with its end as a `Date` too. */
export interface Deadline extends DeadlineAnswer {
  /** The same instant as `endsAt`. */
  readonly endsAtDate: Date;
}

function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new CalendarInputError(field, 'not_boolean', `${field} must be true or false`);
  return value;
}

/** Throws {@link CalendarInputError} (field `count`) unless `count` is an integer in [0, {@link MAX_DEADLINE_COUNT}]. */
export function assertDeadlineCount(count: unknown): asserts count is number {
  if (count === undefined || count === null) throw new CalendarInputError('count', 'required', 'count is required');
  if (typeof count !== 'number' || !Number.isInteger(count)) {
    throw new CalendarInputError('count', 'not_an_integer', 'count must be an integer');
  }
  if (count < 0) throw new CalendarInputError('count', 'negative', 'count must not be negative');
  if (count > MAX_DEADLINE_COUNT) {
    throw new CalendarInputError('count', 'too_large', `count must be at most ${MAX_DEADLINE_COUNT}`);
  }
}

/** Throws {@link CalendarInputError} (field `unit`) unless `unit` is `working_days` or `calendar_days`. */
export function assertDeadlineUnit(unit: unknown): asserts unit is DeadlineUnit {
  if (unit === undefined || unit === null || unit === '')
    throw new CalendarInputError('unit', 'required', 'unit is required');
  if (!DEADLINE_UNITS.some((known) => known === unit)) {
    throw new CalendarInputError('unit', 'unknown_unit', `unit must be one of ${DEADLINE_UNITS.join(', ')}`);
  }
}

function calendarBasis(calendar: WorkingDayCalendar, fromYear: number, toYear: number): string[] {
  const groups: { source: string; years: number[] }[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const source = calendar.yearStatus(year).source ?? PROVISIONAL_SOURCE;
    const last = groups[groups.length - 1];
    if (last && last.source === source) last.years.push(year);
    else groups.push({ source, years: [year] });
  }
  return groups.map(({ source, years }) => `日历 ${years.join('、')}年: ${source}`);
}

/**
 * The deadline `count` `unit` after `start` on `calendar`.
 *
 * Default (民法典): the start day is not counted (第二百零一条), the period ends at 24:00 of its last day, and a
 * calendar-day period whose last day is a rest day (weekend or holiday) ends on the next working day instead
 * (第二百零三条). `policy` may count the start day or keep a calendar-day last day that is a rest day.
 * `count` 0 makes the start day the last day (then extended like any calendar-day last day).
 *
 * Throws {@link CalendarInputError} naming the bad field (`start`, `count`, `unit`, `policy.*`).
 */
export function computeDeadline(input: DeadlineInput, calendar: WorkingDayCalendar): Deadline {
  const { start, count, unit } = input;
  dayOfInput(start, 'start');
  assertDeadlineCount(count);
  assertDeadlineUnit(unit);
  const policy: unknown = input.policy ?? {};
  if (typeof policy !== 'object' || policy === null) {
    throw new CalendarInputError('policy', 'required', 'policy must be an object');
  }
  const policyFields: Record<string, unknown> = { ...policy };
  const countStartDay = optionalBoolean(policyFields.countStartDay, 'policy.countStartDay', false);
  const extendPastRestDays = optionalBoolean(policyFields.extendPastRestDays, 'policy.extendPastRestDays', true);
  const policyBasis = policyFields.basis;
  if (policyBasis !== undefined && typeof policyBasis !== 'string') {
    throw new CalendarInputError('policy.basis', 'not_a_string', 'policy.basis must be a string');
  }

  let lastDay: IsoDate;
  if (count === 0) lastDay = start;
  else if (unit === 'working_days') {
    // Counting the start day: a working start day is day 1.
    const steps = countStartDay && calendar.isWorkingDay(start) ? count - 1 : count;
    lastDay = calendar.addWorkingDays(start, steps);
  } else {
    lastDay = addDays(start, countStartDay ? count - 1 : count);
  }
  if (Number(lastDay.slice(0, 4)) > MAX_SUPPORTED_YEAR) {
    throw new CalendarInputError('count', 'out_of_range', `the period would end after ${MAX_SUPPORTED_YEAR}-12-31`);
  }
  if (unit === 'calendar_days' && extendPastRestDays && !calendar.isWorkingDay(lastDay)) {
    lastDay = calendar.nextWorkingDay(lastDay);
  }

  const fromYear = Number(start.slice(0, 4));
  const toYear = Number(lastDay.slice(0, 4));
  const provisionalYears: number[] = [];
  for (let year = fromYear; year <= toYear; year++) if (calendar.isProvisional(year)) provisionalYears.push(year);

  const articles: string[] = [];
  if (!countStartDay) articles.push(CIVIL_CODE_START_DAY_EXCLUDED);
  articles.push(CIVIL_CODE_PERIOD_END);
  const trimmedPolicyBasis = policyBasis?.trim();
  if (trimmedPolicyBasis) articles.push(trimmedPolicyBasis);
  const basis = [...articles, ...calendarBasis(calendar, fromYear, toYear)].join('; ');

  const rule = [
    unit,
    countStartDay ? 'start_day_counted' : 'start_day_excluded',
    ...(unit === 'calendar_days' ? [extendPastRestDays ? 'rest_day_extended' : 'rest_day_not_extended'] : []),
  ].join(':');

  return {
    start,
    count,
    unit,
    lastDay,
    endsAt: formatShanghaiEndOfDay(lastDay),
    endsAtDate: shanghaiEndOfDay(lastDay),
    provisional: provisionalYears.length > 0,
    provisionalYears,
    basis,
    rule,
    calendar: calendar.id,
  };
}
