import fc from 'fast-check';
import { CalendarInputError } from './calendar-input.error';
import { formatShanghaiEndOfDay, shanghaiDateOf, shanghaiEndOfDay, shanghaiStartOfDay } from './shanghai-time.util';

describe('shanghai-time.util', () => {
  it('gives the Asia/Shanghai date of an instant whatever the machine time zone', () => {
    expect(shanghaiDateOf(new Date('2025-09-30T15:59:59.999Z'))).toBe('2025-09-30');
    expect(shanghaiDateOf(new Date('2025-09-30T16:00:00.000Z'))).toBe('2025-10-01');
    expect(shanghaiDateOf(new Date('2025-10-01T00:00:00+08:00'))).toBe('2025-10-01');
    expect(shanghaiDateOf(new Date('2026-12-31T23:30:00-05:00'))).toBe('2027-01-01');
  });

  it('writes 24:00 of a day as the next midnight at +08:00', () => {
    expect(formatShanghaiEndOfDay('2026-10-08')).toBe('2026-10-09T00:00:00+08:00');
    expect(formatShanghaiEndOfDay('2026-12-31')).toBe('2027-01-01T00:00:00+08:00');
    expect(shanghaiEndOfDay('2026-10-08').toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(shanghaiStartOfDay('2026-10-08').toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });

  it('round-trips: every instant of a day maps back to that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2199, 11, 31) }), (ms) => {
        const date = shanghaiDateOf(new Date(ms));
        expect(shanghaiStartOfDay(date).getTime()).toBeLessThanOrEqual(ms);
        expect(shanghaiEndOfDay(date).getTime()).toBeGreaterThan(ms);
        expect(new Date(formatShanghaiEndOfDay(date)).getTime()).toBe(shanghaiEndOfDay(date).getTime());
      }),
    );
  });

  it('refuses an invalid Date', () => {
    expect(() => shanghaiDateOf(new Date('nope'))).toThrow(CalendarInputError);
  });
});
