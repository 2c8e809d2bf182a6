/**
 * Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, independent of the machine's timezone
 * (all arithmetic is done on the date's own fields or in UTC).
 *
 * Periods in years or months follow the Civil Code (民法典 第二百零二条): the period ends on the
 * corresponding day of the last month; when that month has no such day, on the month's last day.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parse(value: string): CalendarDate {
  const match = isoDatePattern.exec(value);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${value}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${value}`);
  }
  return { year, month, day };
}

function isValid(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

function format(date: CalendarDate): string {
  const y = String(date.year).padStart(4, '0');
  const m = String(date.month).padStart(2, '0');
  const d = String(date.day).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function fromYmd(year: number, month: number, day: number): string {
  return format({ year, month, day });
}

function addDays(value: string, days: number): string {
  const { year, month, day } = parse(value);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return format({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** The corresponding day `months` later; clamped to the month's last day (民法典 第二百零二条). */
function addMonths(value: string, months: number): string {
  const { year, month, day } = parse(value);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

function addYears(value: string, years: number): string {
  return addMonths(value, years * 12);
}

/** Negative when a is before b, 0 when equal, positive when after. */
function compare(a: string, b: string): number {
  const left = format(parse(a));
  const right = format(parse(b));
  return left < right ? -1 : left > right ? 1 : 0;
}

function yearOf(value: string): number {
  return parse(value).year;
}

function lastDayOfMonth(year: number, month: number): string {
  return format({ year, month, day: daysInMonth(year, month) });
}

export const isoDate = {
  parse,
  isValid,
  format,
  fromYmd,
  addDays,
  addMonths,
  addYears,
  compare,
  yearOf,
  lastDayOfMonth,
  daysInMonth,
} as const;
