import { loadLaunchPolicy } from '@laurel/policy';
import { daysLeft, planExpiryWarnings, regulationRefusal } from './regulation-dates.util';

describe('regulation dates', () => {
  const xinzhou = loadLaunchPolicy('xinzhou-city');

  it('plans warnings 30 and 7 days before the last day in force and on expiry, at 00:00 Asia/Shanghai', () => {
    const sut = planExpiryWarnings(xinzhou, new Date('2026-01-01T00:00:00Z'));
    expect(sut.map((w) => [w.kind, w.daysBefore, w.dueAt.toISOString(), w.basis])).toEqual([
      ['expiring', 30, '2026-10-30T16:00:00.000Z', '第三十四条'],
      ['expiring', 7, '2026-11-22T16:00:00.000Z', '第三十四条'],
      ['expired', 0, '2026-11-30T16:00:00.000Z', '第三十四条'],
    ]);
  });

  it('of the warnings already due, keeps only the latest', () => {
    // 2026-11-21: the 30-day mark has passed; that warning goes out at once, the others when due.
    const sut = planExpiryWarnings(xinzhou, new Date('2026-11-21T02:00:00Z'));
    expect(sut.map((w) => [w.kind, w.daysBefore])).toEqual([
      ['expiring', 30],
      ['expiring', 7],
      ['expired', 0],
    ]);
    const late = planExpiryWarnings(xinzhou, new Date('2026-11-25T02:00:00Z'));
    expect(late.map((w) => [w.kind, w.daysBefore])).toEqual([
      ['expiring', 7],
      ['expired', 0],
    ]);
    const after = planExpiryWarnings(xinzhou, new Date('2027-01-01T00:00:00Z'));
    expect(after.map((w) => w.kind)).toEqual(['expired']);
  });

  it('plans nothing for a regulation without expiry', () => {
    expect(planExpiryWarnings(loadLaunchPolicy('ili'), new Date('2026-11-21T02:00:00Z'))).toEqual([]);
  });

  it('refuses cycles before the regulation is in force and after its last day, with the article', () => {
    const ili = loadLaunchPolicy('ili');
    expect(regulationRefusal(ili, '2024-12-13')).toMatchObject({ code: 'conflict', basis: '第三十二条' });
    expect(regulationRefusal(ili, '2024-12-14')).toBeNull();
    expect(regulationRefusal(xinzhou, '2026-11-30')).toBeNull();
    expect(regulationRefusal(xinzhou, '2026-12-01')).toMatchObject({ code: 'conflict', basis: '第三十四条' });
  });

  it('counts the days left to the last day in force', () => {
    expect(daysLeft('2026-11-21', '2026-11-30')).toBe(9);
    expect(daysLeft('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysLeft('2026-12-02', '2026-11-30')).toBe(0);
  });
});
