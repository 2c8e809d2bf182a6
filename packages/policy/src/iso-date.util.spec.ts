import fc from 'fast-check';
import { isoDate } from './iso-date.util';

const dates = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

describe('isoDate', () => {
  const sut = isoDate;

  it.each([
    ['2024-03-15', 6, '2024-09-15'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2024-08-31', 6, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-12-20', 60, '2029-12-20'],
    ['2024-05-01', -12, '2023-05-01'],
  ])('%s + %i months → %s (民法典 第二百零二条)', (from, months, expected) => {
    expect(sut.addMonths(from, months)).toBe(expected);
  });

  it('adds years from a leap day to the last day of February', () => {
    expect(sut.addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(sut.addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it.each(['2023-02-29', '2024-13-01', '2024-1-1', 'yesterday', ''])('refuses %j', (value) => {
    expect(sut.isValid(value)).toBe(false);
    expect(() => sut.parse(value)).toThrow(RangeError);
  });

  it('adding and removing days round-trips, whatever the machine’s timezone', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -5000, max: 5000 }), (date, days) => {
        expect(sut.addDays(sut.addDays(date, days), -days)).toBe(date);
        expect(Math.sign(sut.compare(sut.addDays(date, days), date))).toBe(Math.sign(days));
      }),
    );
  });

  it('adding months never goes backwards and lands in the right month', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 240 }), (date, months) => {
        const result = sut.addMonths(date, months);
        const from = sut.parse(date);
        const to = sut.parse(result);
        expect(sut.compare(result, date)).toBeGreaterThanOrEqual(0);
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(months);
      }),
    );
  });
});
