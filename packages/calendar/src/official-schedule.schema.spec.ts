import { madeUp2027Schedule } from '../test/fixtures/made-up-2027-schedule.fixture';
import { builtInSchedules } from './built-in-schedules.util';
import { officialScheduleWarnings, officialScheduleSchema as sut } from './official-schedule.schema';

const issuesOf = (input: unknown): { path: string; message: string }[] => {
  const result = sut.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('officialScheduleSchema', () => {
  it('accepts a plausible schedule', () => {
    expect(sut.parse(madeUp2027Schedule)).toEqual(madeUp2027Schedule);
    expect(officialScheduleWarnings(madeUp2027Schedule)).toEqual([]);
  });

  it('accepts every schedule built into chinese-days (a check of the package data)', () => {
    const schedules = builtInSchedules();
    expect(schedules.map((s) => s.year)).toEqual(Array.from({ length: 2026 - 2004 + 1 }, (_, i) => 2004 + i));
    for (const schedule of schedules) expect(issuesOf(schedule)).toEqual([]);
  });

  it('refuses dates outside the year', () => {
    const issues = issuesOf({
      ...madeUp2027Schedule,
      holidays: [...madeUp2027Schedule.holidays, { date: '2028-01-01', name: '元旦' }],
      workdays: ['2026-12-27'],
    });
    expect(issues).toEqual([
      { path: `holidays.${madeUp2027Schedule.holidays.length}.date`, message: 'is not in 2027' },
      { path: 'workdays.0', message: 'is not in 2027' },
    ]);
  });

  it('refuses a date that is both a holiday and a workday, or listed twice', () => {
    expect(issuesOf({ ...madeUp2027Schedule, workdays: ['2027-10-01'] })).toEqual([
      { path: 'workdays.0', message: 'is also listed as a holiday' },
    ]);
    expect(issuesOf({ ...madeUp2027Schedule, workdays: ['2027-10-09', '2027-10-09'] })).toEqual([
      { path: 'workdays.1', message: 'is listed twice' },
    ]);
    expect(
      issuesOf({
        ...madeUp2027Schedule,
        holidays: [...madeUp2027Schedule.holidays, { date: '2027-10-01', name: 'x' }],
      }),
    ).toHaveLength(1);
  });

  it('refuses dates not strictly YYYY-MM-DD or not real', () => {
    for (const date of ['2027-2-5', '2027-02-29', '2027-02-05T00:00:00+08:00', '2027/02/05']) {
      const issues = issuesOf({ ...madeUp2027Schedule, workdays: [date] });
      expect(issues.map((i) => i.path)).toContain('workdays.0');
    }
  });

  it('refuses a schedule without holidays, without a source, with unknown fields or a bad year', () => {
    expect(issuesOf({ ...madeUp2027Schedule, holidays: [] }).map((i) => i.path)).toEqual(['holidays']);
    expect(issuesOf({ ...madeUp2027Schedule, source: '  ' }).map((i) => i.path)).toEqual(['source']);
    expect(issuesOf({ ...madeUp2027Schedule, extra: true })).toHaveLength(1);
    expect(issuesOf({ ...madeUp2027Schedule, year: 2027.5 }).map((i) => i.path)).toContain('year');
  });

  it('accepts but flags a shifted working day that is already a weekday; holidays on weekends are normal', () => {
    const schedule = sut.parse({
      ...madeUp2027Schedule,
      workdays: [...madeUp2027Schedule.workdays, '2027-10-08'],
    });
    expect(schedule.workdays).toContain('2027-10-08');
    expect(officialScheduleWarnings(schedule)).toEqual([
      'workday 2027-10-08 is already a weekday: listing it as a shifted working day changes nothing',
    ]);
  });
});
