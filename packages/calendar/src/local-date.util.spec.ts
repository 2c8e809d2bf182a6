import fc from 'fast-check';
import { CalendarInputError } from './calendar-input.error';
import { addDays, dayOfInput, daysBetween, daysFromCivil, isIsoDate, isoDateOfDay, weekdayOf } from './local-date.util';

describe('local-date.util', () => {
  it('converts day numbers and dates both ways', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(isoDateOfDay(0)).toBe('1970-01-01');
    expect(isoDateOfDay(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.integer({ min: daysFromCivil(1900, 1, 1), max: daysFromCivil(2300, 12, 31) }), (day) => {
        const date = isoDateOfDay(day);
        expect(isIsoDate(date)).toBe(true);
        expect(dayOfInput(date, 'date', false)).toBe(day);
        // Date.UTC never looks at the machine's time zone: an independent oracle.
        expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe(date);
      }),
    );
  });

  it('accepts only real dates written strictly YYYY-MM-DD', () => {
    for (const good of ['2025-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isIsoDate(good)).toBe(true);
    for (const bad of ['2025-1-1', '2025-02-29', '1900-02-29', '2025-13-01', '2025-04-31', '2025-00-10', '20250101']) {
      expect(isIsoDate(bad)).toBe(false);
    }
    for (const bad of ['2025-01-01T00:00:00Z', ' 2025-01-01', '2025-01-01 ', '２０２５-01-01', 20250101, null]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });

  it('names the field and the reason of a bad input date', () => {
    const reasonOf = (value: unknown): string | undefined => {
      try {
        dayOfInput(value, 'start');
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(CalendarInputError);
        expect((error as CalendarInputError).field).toBe('start');
        return (error as CalendarInputError).reason;
      }
    };
    expect(reasonOf(undefined)).toBe('required');
    expect(reasonOf('')).toBe('required');
    expect(reasonOf(42)).toBe('not_iso_date');
    expect(reasonOf('2025/01/01')).toBe('not_iso_date');
    expect(reasonOf('2025-02-30')).toBe('not_a_real_date');
    expect(reasonOf('1999-12-31')).toBe('out_of_range');
    expect(reasonOf('2200-01-01')).toBe('out_of_range');
    expect(reasonOf('2025-02-28')).toBeUndefined();
  });

  it('adds days, measures spans and knows the weekday', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2025-09-26', '2025-10-10')).toBe(14);
    expect(daysBetween('2025-10-10', '2025-09-26')).toBe(-14);
    expect(weekdayOf('2025-09-28')).toBe(0);
    expect(weekdayOf('2026-02-14')).toBe(6);
    expect(weekdayOf('2026-10-01')).toBe(4);
  });
});
