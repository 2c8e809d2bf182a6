import { computeDeadline, type Deadline, type DeadlineInput } from './deadline.util';
import { daysBetween, type IsoDate } from './local-date.util';
import type { WorkingDayCalendar } from './working-day-calendar';

/** A deadline as a service stored it: its inputs and what was computed then. */
export interface StoredDeadline extends DeadlineInput {
  readonly lastDay: IsoDate;
  readonly provisional: boolean;
  /** The stored basis, if kept: a changed basis (e.g. a new source) is reported in `changed`. */
  readonly basis?: string;
}

export interface DeadlineRecomputation {
  /** The deadline on the new calendar. */
  readonly current: Deadline;
  readonly previousLastDay: IsoDate;
  /** True when the last day (and so `endsAt`) changed. */
  readonly moved: boolean;
  /** Calendar days from the old last day to the new one (positive: later). */
  readonly shiftDays: number;
  /** True when `provisional` changed (typically true → false once the year's schedule is loaded). */
  readonly provisionalChanged: boolean;
  /** True when anything a service stores changed: moved, provisional, or (if stored) the basis. */
  readonly changed: boolean;
}

/**
 * Recomputes a stored deadline on a new calendar (e.g. after the operator loaded a year's official schedule) and
 * says whether it moved, so a service can update the row, re-schedule its job and tell who is concerned.
 */
export function recomputeDeadline(stored: StoredDeadline, calendar: WorkingDayCalendar): DeadlineRecomputation {
  const { start, count, unit, policy } = stored;
  const current = computeDeadline(policy ? { start, count, unit, policy } : { start, count, unit }, calendar);
  const moved = current.lastDay !== stored.lastDay;
  const provisionalChanged = current.provisional !== stored.provisional;
  const basisChanged = stored.basis !== undefined && stored.basis !== current.basis;
  return {
    current,
    previousLastDay: stored.lastDay,
    moved,
    shiftDays: daysBetween(stored.lastDay, current.lastDay),
    provisionalChanged,
    changed: moved || provisionalChanged || basisChanged,
  };
}
