export { BUILT_IN_SOURCE, builtInSchedules } from './built-in-schedules.util';
export { CalendarInputError, type CalendarInputReason } from './calendar-input.error';
export {
  assertDeadlineCount,
  assertDeadlineUnit,
  CIVIL_CODE_PERIOD_END,
  CIVIL_CODE_START_DAY_EXCLUDED,
  computeDeadline,
  DEADLINE_UNITS,
  type Deadline,
  type DeadlineAnswer,
  type DeadlineInput,
  type DeadlinePolicy,
  type DeadlineUnit,
  MAX_DEADLINE_COUNT,
} from './deadline.util';
export { answerDeadlineQuery, type DeadlineQuery, parseDeadlineQuery } from './deadline-query.util';
export { type DeadlineRecomputation, recomputeDeadline, type StoredDeadline } from './deadline-recompute.util';
export {
  addDays,
  daysBetween,
  type IsoDate,
  isIsoDate,
  MAX_SUPPORTED_YEAR,
  MIN_SUPPORTED_YEAR,
  weekdayOf,
} from './local-date.util';
export { type OfficialSchedule, officialScheduleSchema, officialScheduleWarnings } from './official-schedule.schema';
export {
  formatShanghaiEndOfDay,
  SHANGHAI_OFFSET,
  shanghaiDateOf,
  shanghaiEndOfDay,
  shanghaiStartOfDay,
} from './shanghai-time.util';
export {
  type DayInfo,
  type DayKind,
  MAX_WORKING_DAY_STEP,
  type ScheduleOrigin,
  WorkingDayCalendar,
  type YearStatus,
} from './working-day-calendar';
