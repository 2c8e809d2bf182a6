import { CalendarInputError } from './calendar-input.error';

/**
 * A calendar date as a plain `YYYY-MM-DD` string. It names a day, not an instant: no time zone, no
 * machine-local time. All arithmetic here is integer arithmetic on day numbers and never touches `Date`'s
 * local-time methods, so results do not depend on the process TZ.
 */
export type IsoDate = string;

/** Dates this package accepts as inputs (the official-schedule era; +08:00 has had no DST since 1991). */
export const MIN_SUPPORTED_YEAR = 2000;
export const MAX_SUPPORTED_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `YYYY-MM-DD` of a day number (inverse of {@link daysFromCivil}). */
export function isoDateOfDay(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

type ParsedIsoDate =
  | { ok: true; day: number; year: number }
  | { ok: false; reason: 'not_iso_date' | 'not_a_real_date' };

function parse(value: string): ParsedIsoDate {
  const match = ISO_DATE.exec(value);
  if (!match) return { ok: false, reason: 'not_iso_date' };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: 'not_a_real_date' };
  return { ok: true, day: daysFromCivil(year, month, day), year };
}

/** True for a real date written strictly as `YYYY-MM-DD` (no time, no offset, no `2025-2-3`). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parse(value).ok;
}

/**
 * The day number of an input date, or a {@link CalendarInputError} naming `field`: the value must be a
 * real `YYYY-MM-DD` date, and (unless `checkRange` is false) between {@link MIN_SUPPORTED_YEAR} and
 * {@link MAX_SUPPORTED_YEAR}.
 */
export function dayOfInput(value: unknown, field: string, checkRange = true): number {
  if (value === undefined || value === null || value === '') {
    throw new CalendarInputError(field, 'required', `${field} is required (YYYY-MM-DD)`);
  }
  if (typeof value !== 'string')
    throw new CalendarInputError(field, 'not_iso_date', `${field} must be a YYYY-MM-DD string`);
  const parsed = parse(value);
  if (!parsed.ok) {
    const message =
      parsed.reason === 'not_iso_date' ? `${field} must be written YYYY-MM-DD` : `${field} is not a real date`;
    throw new CalendarInputError(field, parsed.reason, message);
  }
  if (checkRange && (parsed.year < MIN_SUPPORTED_YEAR || parsed.year > MAX_SUPPORTED_YEAR)) {
    throw new CalendarInputError(
      field,
      'out_of_range',
      `${field} must be between ${MIN_SUPPORTED_YEAR}-01-01 and ${MAX_SUPPORTED_YEAR}-12-31`,
    );
  }
  return parsed.day;
}

/** The year of a day number. */
export function yearOfDay(dayNumber: number): number {
  return Number(isoDateOfDay(dayNumber).slice(0, 4));
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new CalendarInputError('days', 'not_an_integer', 'days must be an integer');
  return isoDateOfDay(dayOfInput(date, 'date', false) + days);
}

/** Calendar days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayOfInput(b, 'b', false) - dayOfInput(a, 'a', false);
}

/** Day of the week of a date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDay(dayOfInput(date, 'date', false));
}
