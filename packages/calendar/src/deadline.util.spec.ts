import fc from 'fast-check';
import { madeUp2027Schedule } from '../test/fixtures/made-up-2027-schedule.fixture';
import { BUILT_IN_SOURCE } from './built-in-schedules.util';
import { CalendarInputError } from './calendar-input.error';
import { type DeadlineInput, computeDeadline as sut } from './deadline.util';
import { addDays, daysFromCivil, isoDateOfDay } from './local-date.util';
import { WorkingDayCalendar } from './working-day-calendar';

const builtIn = WorkingDayCalendar.builtIn();
const with2027 = builtIn.withSchedule(madeUp2027Schedule);
const anyDate = (fromYear: number, toYear: number) =>
  fc.integer({ min: daysFromCivil(fromYear, 1, 1), max: daysFromCivil(toYear, 12, 31) }).map(isoDateOfDay);

const fieldOf = (input: unknown): { field: string; reason: string } | undefined => {
  try {
    sut(input as DeadlineInput, builtIn);
    return undefined;
  } catch (error) {
    if (!(error instanceof CalendarInputError)) throw error;
    return { field: error.field, reason: error.reason };
  }
};

describe('computeDeadline', () => {
  describe('working days (2025 National Day: 10.1–10.8 off, 9.28 Sun and 10.11 Sat working)', () => {
    it('5 working days after Friday 2025-09-26 counts Sunday 9.28 and skips the holiday', () => {
      expect(sut({ start: '2025-09-26', count: 5, unit: 'working_days' }, builtIn)).toEqual({
        start: '2025-09-26',
        count: 5,
        unit: 'working_days',
        lastDay: '2025-10-10',
        endsAt: '2025-10-11T00:00:00+08:00',
        endsAtDate: new Date('2025-10-10T16:00:00Z'),
        provisional: false,
        provisionalYears: [],
        basis: `民法典 第二百零一条; 民法典 第二百零三条; 日历 2025年: ${BUILT_IN_SOURCE}`,
        rule: 'working_days:start_day_excluded',
        calendar: builtIn.id,
      });
    });

    it('counts Saturday 10.11 as a working day', () => {
      expect(sut({ start: '2025-10-09', count: 2, unit: 'working_days' }, builtIn).lastDay).toBe('2025-10-11');
      expect(sut({ start: '2025-10-09', count: 3, unit: 'working_days' }, builtIn).lastDay).toBe('2025-10-13');
    });

    it('2025 Spring Festival: 3 working days after Friday 1.24 are 1.26 (Sun), 1.27 and 2.5', () => {
      expect(sut({ start: '2025-01-24', count: 3, unit: 'working_days' }, builtIn).lastDay).toBe('2025-02-05');
    });

    it('2026 Spring Festival: 1 working day after Friday 2.13 is Saturday 2.14; the 2nd is 2.24', () => {
      expect(sut({ start: '2026-02-13', count: 1, unit: 'working_days' }, builtIn).lastDay).toBe('2026-02-14');
      expect(sut({ start: '2026-02-13', count: 2, unit: 'working_days' }, builtIn).lastDay).toBe('2026-02-24');
    });

    it('2026 National Day: 3 working days after Wednesday 9.30 are 10.8, 10.9 and Saturday 10.10', () => {
      expect(sut({ start: '2026-09-30', count: 3, unit: 'working_days' }, builtIn)).toMatchObject({
        lastDay: '2026-10-10',
        endsAt: '2026-10-11T00:00:00+08:00',
      });
      expect(sut({ start: '2026-09-18', count: 1, unit: 'working_days' }, builtIn).lastDay).toBe('2026-09-20');
    });

    it('counts the start day when the policy says so', () => {
      const policy = { countStartDay: true, basis: 'ili 第十七条' };
      const counted = sut({ start: '2026-02-14', count: 1, unit: 'working_days', policy }, builtIn);
      expect(counted).toMatchObject({ lastDay: '2026-02-14', rule: 'working_days:start_day_counted' });
      expect(counted.basis).toBe(`民法典 第二百零三条; ili 第十七条; 日历 2026年: ${BUILT_IN_SOURCE}`);
      // A rest day is not day 1.
      expect(sut({ start: '2026-02-15', count: 1, unit: 'working_days', policy }, builtIn).lastDay).toBe('2026-02-24');
    });
  });

  describe('calendar days', () => {
    it('a last day on a holiday moves to the next working day (民法典 第二百零三条)', () => {
      expect(sut({ start: '2025-01-20', count: 10, unit: 'calendar_days' }, builtIn)).toMatchObject({
        lastDay: '2025-02-05',
        endsAt: '2025-02-06T00:00:00+08:00',
        rule: 'calendar_days:start_day_excluded:rest_day_extended',
      });
      expect(sut({ start: '2025-09-24', count: 7, unit: 'calendar_days' }, builtIn).lastDay).toBe('2025-10-09');
      expect(sut({ start: '2026-02-18', count: 5, unit: 'calendar_days' }, builtIn).lastDay).toBe('2026-02-24');
      // A last day on a weekend moves too; a shifted working day (Sat 2026-02-28) is not a rest day.
      expect(sut({ start: '2026-03-02', count: 5, unit: 'calendar_days' }, builtIn).lastDay).toBe('2026-03-09');
      expect(sut({ start: '2026-02-24', count: 4, unit: 'calendar_days' }, builtIn).lastDay).toBe('2026-02-28');
    });

    it('a policy may keep a last day that is a rest day, or count the start day', () => {
      const keep = sut(
        { start: '2025-01-20', count: 10, unit: 'calendar_days', policy: { extendPastRestDays: false } },
        builtIn,
      );
      expect(keep).toMatchObject({
        lastDay: '2025-01-30',
        rule: 'calendar_days:start_day_excluded:rest_day_not_extended',
      });
      const counted = sut(
        { start: '2025-03-03', count: 7, unit: 'calendar_days', policy: { countStartDay: true } },
        builtIn,
      );
      expect(counted).toMatchObject({
        lastDay: '2025-03-10',
        rule: 'calendar_days:start_day_counted:rest_day_extended',
      });
    });

    it('count 0 ends at 24:00 of the start day', () => {
      expect(sut({ start: '2025-03-03', count: 0, unit: 'calendar_days' }, builtIn).endsAt).toBe(
        '2025-03-04T00:00:00+08:00',
      );
      expect(sut({ start: '2025-03-03', count: 0, unit: 'working_days' }, builtIn).lastDay).toBe('2025-03-03');
    });
  });

  describe('provisional years', () => {
    it('2027 is provisional until its schedule is loaded, and the deadline changes once it is', () => {
      const before = sut({ start: '2027-09-29', count: 3, unit: 'working_days' }, builtIn);
      expect(before).toMatchObject({ lastDay: '2027-10-04', provisional: true, provisionalYears: [2027] });
      expect(before.basis).toBe(
        '民法典 第二百零一条; 民法典 第二百零三条; 日历 2027年: 暂定（尚未载入国务院办公厅节假日安排，仅按周末计算）',
      );
      const after = sut({ start: '2027-09-29', count: 3, unit: 'working_days' }, with2027);
      expect(after).toMatchObject({ lastDay: '2027-10-09', provisional: false, provisionalYears: [] });
      expect(after.basis).toBe(`民法典 第二百零一条; 民法典 第二百零三条; 日历 2027年: ${madeUp2027Schedule.source}`);
    });

    it('a period running into 2027 names both calendars', () => {
      const across = sut({ start: '2026-12-30', count: 3, unit: 'working_days' }, builtIn);
      expect(across).toMatchObject({ lastDay: '2027-01-04', provisional: true, provisionalYears: [2027] });
      expect(across.basis).toContain(`日历 2026年: ${BUILT_IN_SOURCE}; 日历 2027年: 暂定`);
      expect(sut({ start: '2026-12-30', count: 3, unit: 'working_days' }, with2027)).toMatchObject({
        lastDay: '2027-01-05',
        provisional: false,
      });
    });
  });

  it('names the bad field', () => {
    expect(fieldOf({ count: 1, unit: 'working_days' })).toEqual({ field: 'start', reason: 'required' });
    expect(fieldOf({ start: '2025-02-29', count: 1, unit: 'working_days' })).toEqual({
      field: 'start',
      reason: 'not_a_real_date',
    });
    expect(fieldOf({ start: '2025-02-28', count: -1, unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'negative',
    });
    expect(fieldOf({ start: '2025-02-28', count: 1.5, unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'not_an_integer',
    });
    expect(fieldOf({ start: '2025-02-28', count: 3651, unit: 'working_days' })).toEqual({
      field: 'count',
      reason: 'too_large',
    });
    expect(fieldOf({ start: '2025-02-28', count: 1, unit: 'weeks' })).toEqual({
      field: 'unit',
      reason: 'unknown_unit',
    });
    expect(fieldOf({ start: '2025-02-28', count: 1, unit: 'working_days', policy: { countStartDay: 'yes' } })).toEqual({
      field: 'policy.countStartDay',
      reason: 'not_boolean',
    });
    expect(fieldOf({ start: '2199-12-01', count: 3650, unit: 'calendar_days' })).toEqual({
      field: 'count',
      reason: 'out_of_range',
    });
  });

  describe('properties', () => {
    const calendar = fc.constantFrom(builtIn, with2027);
    const count = fc.integer({ min: 0, max: 3650 });

    it('N working days after the start: a working day, N working days later, monotonic in N', () => {
      fc.assert(
        fc.property(calendar, anyDate(2004, 2028), count, fc.integer({ min: 1, max: 30 }), (cal, start, m, k) => {
          const n = Math.min(m, 3650 - k);
          const { lastDay } = sut({ start, count: n, unit: 'working_days' }, cal);
          if (n > 0) expect(cal.isWorkingDay(lastDay)).toBe(true);
          expect(cal.workingDaysBetween(start, lastDay)).toBe(n);
          expect(sut({ start, count: n + k, unit: 'working_days' }, cal).lastDay > lastDay).toBe(true);
        }),
      );
    });

    it('calendar days without extension end at start + N', () => {
      fc.assert(
        fc.property(calendar, anyDate(2004, 2028), count, (cal, start, n) => {
          const policy = { extendPastRestDays: false };
          expect(sut({ start, count: n, unit: 'calendar_days', policy }, cal).lastDay).toBe(addDays(start, n));
        }),
      );
    });

    it('calendar days with extension end on the first working day on or after start + N', () => {
      fc.assert(
        fc.property(calendar, anyDate(2004, 2028), count, (cal, start, n) => {
          const { lastDay } = sut({ start, count: n, unit: 'calendar_days' }, cal);
          const plain = addDays(start, n);
          expect(cal.isWorkingDay(lastDay)).toBe(true);
          expect(lastDay >= plain).toBe(true);
          expect(cal.workingDaysBetween(addDays(plain, -1), lastDay)).toBe(1);
        }),
      );
    });

    it('loading the official schedule of a provisional year makes its deadlines final', () => {
      fc.assert(
        fc.property(
          anyDate(2027, 2027).filter((d) => d <= '2027-09-30'),
          fc.integer({ min: 0, max: 60 }),
          (s, n) => {
            for (const unit of ['working_days', 'calendar_days'] as const) {
              expect(sut({ start: s, count: n, unit }, builtIn).provisional).toBe(true);
              expect(sut({ start: s, count: n, unit }, with2027)).toMatchObject({
                provisional: false,
                provisionalYears: [],
              });
            }
          },
        ),
      );
    });

    it('never reads the machine time zone (no local-time Date method is called)', () => {
      const localMethods = [
        'getFullYear',
        'getMonth',
        'getDate',
        'getDay',
        'getHours',
        'getTimezoneOffset',
        'setFullYear',
        'setMonth',
        'setDate',
        'setHours',
        'toString',
        'toDateString',
        'toTimeString',
        'toLocaleString',
        'toLocaleDateString',
      ] as const;
      const spies = localMethods.map((method) => jest.spyOn(Date.prototype, method));
      try {
        fc.assert(
          fc.property(
            calendar,
            anyDate(2004, 2028),
            count,
            fc.constantFrom('working_days', 'calendar_days' as const),
            fc.boolean(),
            (cal, start, n, unit, countStartDay) => {
              const result = sut({ start, count: n, unit, policy: { countStartDay } }, cal);
              expect(result.endsAtDate.getTime()).toBe(new Date(result.endsAt).getTime());
              expect(result.endsAt).toBe(`${addDays(result.lastDay, 1)}T00:00:00+08:00`);
            },
          ),
          { numRuns: 50 },
        );
        for (const spy of spies) expect(spy).not.toHaveBeenCalled();
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    });
  });
});
