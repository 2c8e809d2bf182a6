import { CalendarInputError } from './calendar-input.error';
import { dayOfInput, type IsoDate, isoDateOfDay } from './local-date.util';

/**
 * Asia/Shanghai is UTC+08:00 all year and has been since 1991 (no daylight saving), so a fixed offset is
 * exact for every date this package accepts, and nothing depends on the machine's time zone.
 */
export const SHANGHAI_OFFSET = '+08:00';
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant, e.g. `2025-09-30T16:30:00Z` → `2025-10-01`. */
export function shanghaiDateOf(instant: Date): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new CalendarInputError('instant', 'invalid_instant', 'instant must be a valid Date');
  return isoDateOfDay(Math.floor((ms + OFFSET_MS) / DAY_MS));
}

/** The instant 00:00 Asia/Shanghai of `date` (the start of that day). */
export function shanghaiStartOfDay(date: IsoDate): Date {
  return new Date(dayOfInput(date, 'date', false) * DAY_MS - OFFSET_MS);
}

/** The instant 24:00 Asia/Shanghai of `date`, i.e. 00:00 of the next day: when a period ending that day ends. */
export function shanghaiEndOfDay(date: IsoDate): Date {
  return new Date((dayOfInput(date, 'date', false) + 1) * DAY_MS - OFFSET_MS);
}

/** ISO 8601 text of 24:00 Asia/Shanghai of `date`, written as the next day's midnight: `2025-10-11T00:00:00+08:00`. */
export function formatShanghaiEndOfDay(date: IsoDate): string {
  return `${isoDateOfDay(dayOfInput(date, 'date', false) + 1)}T00:00:00${SHANGHAI_OFFSET}`;
}
