import { addMonths, checkClawbackWindow } from './clawback-window.util';

describe('clawback window (xinzhou-district 第十七条: half a year after the award)', () => {
  const half = { months: 6, from: 'award' as const };

  it('adds months, clamping the day to the month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('is within on the last day and outside the day after', () => {
    const base = { awardedOn: '2026-01-15', firstPaidOn: null };
    expect(checkClawbackWindow(half, { ...base, eventOn: '2026-07-15' })).toEqual({
      within: true,
      lastDay: '2026-07-15',
    });
    expect(checkClawbackWindow(half, { ...base, eventOn: '2026-07-16' })).toEqual({
      within: false,
      lastDay: '2026-07-15',
      start: '2026-01-15',
    });
  });

  it('runs from the first payment when the policy says so; no window: always within', () => {
    const dates = {
      awardedOn: '2026-01-15',
      firstPaidOn: '2026-03-01',
      eventOn: '2026-08-20',
    };
    expect(checkClawbackWindow({ months: 6, from: 'payment' }, dates).within).toBe(true);
    expect(checkClawbackWindow(null, dates)).toEqual({
      within: true,
      lastDay: null,
    });
  });
});
