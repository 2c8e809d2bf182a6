import { CalendarInputError } from './calendar-input.error';
import {
  assertDeadlineCount,
  assertDeadlineUnit,
  computeDeadline,
  type DeadlineAnswer,
  type DeadlineInput,
  type DeadlinePolicy,
} from './deadline.util';
import { dayOfInput } from './local-date.util';
import type { WorkingDayCalendar } from './working-day-calendar';

/** The raw query of the deadline endpoint: `start=YYYY-MM-DD&count=N&unit=working_days|calendar_days`. */
export interface DeadlineQuery {
  readonly start?: unknown;
  readonly count?: unknown;
  readonly unit?: unknown;
}

/**
 * Reads the endpoint's raw query values (strings, as an HTTP framework hands them over; a number is accepted for
 * `count`) into a {@link DeadlineInput}. Throws {@link CalendarInputError} naming `start`, `count` or `unit`.
 */
export function parseDeadlineQuery(query: DeadlineQuery): Omit<DeadlineInput, 'policy'> {
  const { start } = query;
  dayOfInput(start, 'start');
  let count: unknown = query.count;
  if (typeof count === 'string') {
    if (count === '') throw new CalendarInputError('count', 'required', 'count is required');
    if (/^-\d+$/.test(count)) throw new CalendarInputError('count', 'negative', 'count must not be negative');
    if (!/^\d{1,9}$/.test(count)) throw new CalendarInputError('count', 'not_an_integer', 'count must be an integer');
    count = Number(count);
  }
  assertDeadlineCount(count);
  const { unit } = query;
  assertDeadlineUnit(unit);
  return { start: String(start), count, unit };
}

/**
 * The deadline endpoint in one call: parses the raw query and answers
 * `{ start, count, unit, lastDay, endsAt, provisional, provisionalYears, basis, rule, calendar }` (JSON-ready; no
 * `Date`). Civil Code counting unless `policy` says otherwise.
 */
export function answerDeadlineQuery(
  query: DeadlineQuery,
  calendar: WorkingDayCalendar,
  policy?: DeadlinePolicy,
): DeadlineAnswer {
  const input = parseDeadlineQuery(query);
  const { endsAtDate: _endsAtDate, ...answer } = computeDeadline(policy ? { ...input, policy } : input, calendar);
  return answer;
}
