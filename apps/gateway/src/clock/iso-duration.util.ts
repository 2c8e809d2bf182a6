/**
 * ISO 8601 durations as the operator moves the rehearsal clock: `P[nY][nM][nW][nD][T[nH][nM][n[.fff]S]]`, at least one
 * part, non-negative integers (seconds to the millisecond). Years and months are calendar months on the Beijing
 * calendar (UTC+8, no daylight saving: a day is 24 hours), clamped to the month's last day (31 January + P1M = 28 or 29
 * February); weeks, days and times are exact.
 */
const PATTERN =
  /^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,5})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,9})M)?(?:(\d{1,10}(?:\.\d{1,3})?)S)?)?$/;

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** The duration, or null when `text` is not one (including `P`, `PT` and a `T` with nothing after it). */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => (part ? Number(part) : 0));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** `from` plus the duration. */
export function addIsoDuration(from: Date, duration: IsoDuration): Date {
  // Calendar months on the Beijing calendar: shift to UTC+8 wall time, add, clamp the day, shift back.
  const local = new Date(from.getTime() + BEIJING_OFFSET_MS);
  const monthIndex = local.getUTCFullYear() * 12 + local.getUTCMonth() + duration.years * 12 + duration.months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    year,
    month,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  const exact =
    ((duration.weeks * 7 + duration.days) * 24 + duration.hours) * 3600000 +
    duration.minutes * 60000 +
    Math.round(duration.seconds * 1000);
  return new Date(shifted - BEIJING_OFFSET_MS + exact);
}
