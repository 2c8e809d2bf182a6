import { builtInSchedules } from './built-in-schedules.util';
import { CalendarInputError } from './calendar-input.error';
import { dayOfInput, type IsoDate, isoDateOfDay, weekdayOfDay, yearOfDay } from './local-date.util';
import { type OfficialSchedule, officialScheduleSchema } from './official-schedule.schema';

/** Largest step {@link WorkingDayCalendar.addWorkingDays} takes (about 14 years of working days). */
export const MAX_WORKING_DAY_STEP = 3650;

/** Where a year's schedule comes from: built into `chinese-days`, loaded by the operator, or none (provisional). */
export type ScheduleOrigin = 'chinese-days' | 'loaded' | 'provisional';

export interface YearStatus {
  readonly year: number;
  /** True when no official schedule is known: only weekends are rest days. */
  readonly provisional: boolean;
  readonly origin: ScheduleOrigin;
  /** The schedule's source (e.g. `国办发明电〔2025〕7号`), or null for a provisional year. */
  readonly source: string | null;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'shifted_workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  /** `holiday` (day off of a holiday period), `shifted_workday` (调休上班), or an ordinary `workday`/`weekend`. */
  readonly kind: DayKind;
  /** The holiday's name for a holiday, else null. */
  readonly name: string | null;
  /** True when the date's year has no official schedule. */
  readonly provisional: boolean;
}

interface YearEntry {
  readonly schedule: OfficialSchedule;
  readonly origin: 'chinese-days' | 'loaded';
}

type Override = { readonly working: false; readonly name: string } | { readonly working: true; readonly name: null };

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function validSchedule(input: unknown, field: string): OfficialSchedule {
  const result = officialScheduleSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
  throw new CalendarInputError(
    `${field}${path}`,
    'invalid_schedule',
    `${field}${path}: ${issue?.message ?? 'invalid'}`,
  );
}

/**
 * The official PRC working-day calendar (Asia/Shanghai): Monday–Friday work, Saturday–Sunday rest, except the
 * holidays (放假) and shifted working days (调休上班) of each year's official schedule. A year without a schedule
 * is provisional (weekends only) and says so.
 *
 * An immutable value built from the schedules built into `chinese-days` plus the schedules the operator loaded,
 * a loaded schedule replacing the built-in one for its year. Building one is cheap (the built-in data is parsed
 * once per process): a service keeps the current calendar in a variable and swaps in
 * `WorkingDayCalendar.fromSchedules(loaded)` (or `calendar.withSchedule(schedule)`) when a schedule is loaded.
 */
export class WorkingDayCalendar {
  private static builtInCalendar: WorkingDayCalendar | undefined;

  private readonly overrides = new Map<number, Override>();
  private cachedRevision: string | undefined;

  private constructor(private readonly entries: ReadonlyMap<number, YearEntry>) {
    for (const { schedule } of entries.values()) {
      for (const holiday of schedule.holidays) {
        this.overrides.set(dayOfInput(holiday.date, 'date'), { working: false, name: holiday.name });
      }
      for (const date of schedule.workdays) this.overrides.set(dayOfInput(date, 'date'), { working: true, name: null });
    }
  }

  /** The calendar of `chinese-days`' built-in schedules only (shared instance). */
  static builtIn(): WorkingDayCalendar {
    if (!WorkingDayCalendar.builtInCalendar) {
      const entries = new Map<number, YearEntry>();
      for (const schedule of builtInSchedules()) entries.set(schedule.year, { schedule, origin: 'chinese-days' });
      WorkingDayCalendar.builtInCalendar = new WorkingDayCalendar(entries);
    }
    return WorkingDayCalendar.builtInCalendar;
  }

  /**
   * The built-in calendar with the operator's loaded schedules on top (each replaces the built-in schedule of its
   * year). Every schedule is validated with {@link officialScheduleSchema}; throws {@link CalendarInputError}
   * (field `schedules[i]…`) for an invalid one or two for the same year.
   */
  static fromSchedules(schedules: readonly unknown[]): WorkingDayCalendar {
    const base = WorkingDayCalendar.builtIn();
    if (schedules.length === 0) return base;
    const entries = new Map(base.entries);
    const seen = new Set<number>();
    schedules.forEach((input, index) => {
      const schedule = validSchedule(input, `schedules[${index}]`);
      if (seen.has(schedule.year)) {
        throw new CalendarInputError(
          `schedules[${index}].year`,
          'duplicate_year',
          `schedules[${index}].year: ${schedule.year} is loaded twice`,
        );
      }
      seen.add(schedule.year);
      entries.set(schedule.year, { schedule, origin: 'loaded' });
    });
    return new WorkingDayCalendar(entries);
  }

  /** A new calendar with `schedule` loaded for its year (replacing whatever that year had). */
  withSchedule(schedule: unknown): WorkingDayCalendar {
    const valid = validSchedule(schedule, 'schedule');
    const entries = new Map(this.entries);
    entries.set(valid.year, { schedule: valid, origin: 'loaded' });
    return new WorkingDayCalendar(entries);
  }

  /** A new calendar without the loaded schedule of `year`: the year reverts to built-in data, or provisional. */
  withoutLoadedSchedule(year: number): WorkingDayCalendar {
    const entry = this.entries.get(year);
    if (entry?.origin !== 'loaded') return this;
    const entries = new Map(this.entries);
    const builtIn = WorkingDayCalendar.builtIn().entries.get(year);
    if (builtIn) entries.set(year, builtIn);
    else entries.delete(year);
    return new WorkingDayCalendar(entries);
  }

  /**
   * Identifies this calendar's content: `cn-official@<8 hex digits>`, a hash of every year's schedule and source.
   * Stored with a deadline; equal ids mean the same calendar.
   */
  get id(): string {
    if (this.cachedRevision === undefined) {
      const text = [...this.entries.values()]
        .sort((a, b) => a.schedule.year - b.schedule.year)
        .map(({ schedule, origin }) => {
          const holidays = schedule.holidays
            .map((h) => `${h.date}=${h.name}`)
            .sort()
            .join(',');
          const workdays = [...schedule.workdays].sort().join(',');
          return `${schedule.year}|${origin}|${schedule.source}|${holidays}|${workdays}`;
        })
        .join('\n');
      this.cachedRevision = fnv1a(text);
    }
    return `cn-official@${this.cachedRevision}`;
  }

  /** E.g. `WorkingDayCalendar(cn-official@1a2b3c4d; loaded: 2027)`, for logs and test reports. */
  toString(): string {
    const loaded = [...this.entries.values()].filter((e) => e.origin === 'loaded').map((e) => e.schedule.year);
    return `WorkingDayCalendar(${this.id}; loaded: ${loaded.length > 0 ? loaded.sort((a, b) => a - b).join(', ') : 'none'})`;
  }

  /** Years that have an official schedule (built-in or loaded), ascending. */
  get officialYears(): readonly number[] {
    return [...this.entries.keys()].sort((a, b) => a - b);
  }

  /** Whether `year` has an official schedule, and where it comes from. */
  yearStatus(year: number): YearStatus {
    if (!Number.isInteger(year)) throw new CalendarInputError('year', 'not_an_integer', 'year must be an integer');
    const entry = this.entries.get(year);
    if (!entry) return { year, provisional: true, origin: 'provisional', source: null };
    return { year, provisional: false, origin: entry.origin, source: entry.schedule.source };
  }

  /** True when `year` has no official schedule (weekends only). */
  isProvisional(year: number): boolean {
    return this.yearStatus(year).provisional;
  }

  /** What kind of day `date` is. */
  dayInfo(date: IsoDate): DayInfo {
    const day = dayOfInput(date, 'date');
    const provisional = !this.entries.has(yearOfDay(day));
    const override = this.overrides.get(day);
    if (override) {
      return override.working
        ? { date, working: true, kind: 'shifted_workday', name: null, provisional }
        : { date, working: false, kind: 'holiday', name: override.name, provisional };
    }
    const working = this.isWorkingDayNumber(day);
    return { date, working, kind: working ? 'workday' : 'weekend', name: null, provisional };
  }

  /** True when `date` is an official working day (shifted working days included). */
  isWorkingDay(date: IsoDate): boolean {
    return this.isWorkingDayNumber(dayOfInput(date, 'date'));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return isoDateOfDay(this.stepWorkingDays(dayOfInput(date, 'date'), 1));
  }

  /** The last working day strictly before `date` (e.g. "remind one working day before the deadline"). */
  previousWorkingDay(date: IsoDate): IsoDate {
    return isoDateOfDay(this.stepWorkingDays(dayOfInput(date, 'date'), -1));
  }

  /**
   * The `n`-th working day after `date` (`n` < 0: before it); `date` itself is never counted and `n` = 0 returns
   * `date`. `|n|` ≤ {@link MAX_WORKING_DAY_STEP}.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const day = dayOfInput(date, 'date');
    if (!Number.isInteger(n)) throw new CalendarInputError('n', 'not_an_integer', 'n must be an integer');
    if (Math.abs(n) > MAX_WORKING_DAY_STEP) {
      throw new CalendarInputError(
        'n',
        'too_large',
        `n must be between -${MAX_WORKING_DAY_STEP} and ${MAX_WORKING_DAY_STEP}`,
      );
    }
    return isoDateOfDay(this.stepWorkingDays(day, n));
  }

  /**
   * Working days in the half-open span (a, b]: after `a`, up to and including `b`; negative (minus those in
   * (b, a]) when `b` is before `a`. So `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const from = dayOfInput(a, 'a');
    const to = dayOfInput(b, 'b');
    if (to < from) return -this.countWorkingDays(to, from);
    return this.countWorkingDays(from, to);
  }

  private isWorkingDayNumber(day: number): boolean {
    const override = this.overrides.get(day);
    if (override) return override.working;
    const weekday = weekdayOfDay(day);
    return weekday !== 0 && weekday !== 6;
  }

  /** The `n`-th working day after day number `day` (before it when `n` < 0); `day` when `n` = 0. */
  private stepWorkingDays(day: number, n: number): number {
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = day;
    while (remaining > 0) {
      current += step;
      if (this.isWorkingDayNumber(current)) remaining--;
    }
    return current;
  }

  private countWorkingDays(fromExclusive: number, toInclusive: number): number {
    let count = 0;
    for (let day = fromExclusive + 1; day <= toInclusive; day++) if (this.isWorkingDayNumber(day)) count++;
    return count;
  }
}
