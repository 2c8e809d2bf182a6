import { addIsoDuration, parseIsoDuration } from './iso-duration.util';

const add = (from: string, duration: string) => {
  const parsed = parseIsoDuration(duration);
  if (!parsed) throw new Error(`not a duration: ${duration}`);
  return addIsoDuration(new Date(from), parsed).toISOString();
};

describe('ISO 8601 durations of the rehearsal clock', () => {
  it('reads days, weeks and times exactly', () => {
    expect(add('2026-09-28T02:00:00Z', 'P7D')).toBe('2026-10-05T02:00:00.000Z');
    expect(add('2026-09-28T02:00:00Z', 'P2W')).toBe('2026-10-12T02:00:00.000Z');
    expect(add('2026-09-28T02:00:00Z', 'PT36H')).toBe('2026-09-29T14:00:00.000Z');
    expect(add('2026-09-28T02:00:00Z', 'P1DT1H30M0.5S')).toBe('2026-09-29T03:30:00.500Z');
    expect(add('2026-09-28T02:00:00Z', 'PT1S')).toBe('2026-09-28T02:00:01.000Z');
  });

  it('reads months and years on the Beijing calendar, clamped to the month’s last day', () => {
    // 31 January 10:00 in Beijing + one month = 28 February 10:00 (2027 is not a leap year).
    expect(add('2027-01-31T02:00:00Z', 'P1M')).toBe('2027-02-28T02:00:00.000Z');
    // 1 March 00:30 in Beijing is still 28 February in UTC: the month is Beijing's.
    expect(add('2027-02-28T16:30:00Z', 'P1M')).toBe('2027-03-31T16:30:00.000Z');
    expect(add('2028-02-29T02:00:00Z', 'P1Y')).toBe('2029-02-28T02:00:00.000Z');
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', 'P', 'PT', 'P1DT', '7D', 'P-1D', 'P1.5D', 'P1H', 'PT1D', 'p7d', 'P7D ', 'P1S', 'P1Y2Y']) {
      expect([bad, parseIsoDuration(bad)]).toEqual([bad, null]);
    }
  });
});
