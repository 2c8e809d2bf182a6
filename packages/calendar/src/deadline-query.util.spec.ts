import { BUILT_IN_SOURCE } from './built-in-schedules.util';
import { CalendarInputError } from './calendar-input.error';
import { answerDeadlineQuery as sut } from './deadline-query.util';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.builtIn();

const errorOf = (query: Record<string, unknown>): Pick<CalendarInputError, 'field' | 'reason'> | undefined => {
  try {
    sut(query, calendar);
    return undefined;
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    return { field: error.field, reason: error.reason };
  }
};

describe('answerDeadlineQuery', () => {
  it('answers the endpoint body from raw query strings, JSON-ready', () => {
    const answer = sut({ start: '2026-09-30', count: '3', unit: 'working_days' }, calendar);
    expect(answer).toEqual({
      start: '2026-09-30',
      count: 3,
      unit: 'working_days',
      lastDay: '2026-10-10',
      endsAt: '2026-10-11T00:00:00+08:00',
      provisional: false,
      provisionalYears: [],
      basis: `民法典 第二百零一条; 民法典 第二百零三条; 日历 2026年: ${BUILT_IN_SOURCE}`,
      rule: 'working_days:start_day_excluded',
      calendar: calendar.id,
    });
    expect(JSON.parse(JSON.stringify(answer))).toEqual(answer);
  });

  it('applies a policy when given', () => {
    const answer = sut({ start: '2025-01-20', count: 10, unit: 'calendar_days' }, calendar, {
      extendPastRestDays: false,
      basis: 'ili 第十七条',
    });
    expect(answer).toMatchObject({
      lastDay: '2025-01-30',
      rule: 'calendar_days:start_day_excluded:rest_day_not_extended',
    });
    expect(answer.basis).toContain('ili 第十七条');
  });

  it('names the field of a bad query', () => {
    expect(errorOf({ count: '3', unit: 'working_days' })).toEqual({ field: 'start', reason: 'required' });
    expect(errorOf({ start: '2026-9-30', count: '3', unit: 'working_days' })).toEqual({
      field: 'start',
      reason: 'not_iso_date',
    });
    expect(errorOf({ start: '2026-02-29', count: '3', unit: 'working_days' })).toEqual({
      field: 'start',
      reason: 'not_a_real_date',
    });
    expect(errorOf({ start: '2026-09-30', unit: 'working_days' })).toEqual({ field: 'count', reason: 'required' });
    expect(errorOf({ start: '2026-09-30', count: '', unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'required',
    });
    expect(errorOf({ start: '2026-09-30', count: '-1', unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'negative',
    });
    for (const count of ['1.5', '3 ', '0x10', '1e3', 'three', ['1', '2']]) {
      expect(errorOf({ start: '2026-09-30', count, unit: 'working_days' })).toEqual({
        field: 'count',
        reason: 'not_an_integer',
      });
    }
    expect(errorOf({ start: '2026-09-30', count: '3651', unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'too_large',
    });
    expect(errorOf({ start: '2026-09-30', count: '3' })).toEqual({ field: 'unit', reason: 'required' });
    expect(errorOf({ start: '2026-09-30', count: '3', unit: 'days' })).toEqual({
      field: 'unit',
      reason: 'unknown_unit',
    });
    expect(errorOf({ start: '2026-09-30', count: '0', unit: 'calendar_days' })).toBeUndefined();
  });
});
