import { loadLaunchPolicy } from './policy-loader.service';
import { scheduleObligations } from './schedule-obligations.util';

describe('scheduleObligations', () => {
  const sut = scheduleObligations;

  it('linxia: a self-assessment every July while the title is valid (5 years)', () => {
    const result = sut(loadLaunchPolicy('linxia'), {
      awardDate: '2024-03-01',
      tier: 'award',
      applicantKind: 'organisation',
    });

    expect(result.reports.map((report) => report.dueDate)).toEqual([
      '2024-07-31',
      '2025-07-31',
      '2026-07-31',
      '2027-07-31',
      '2028-07-31',
    ]);
    expect(result.reports[0]).toMatchObject({
      key: 'self-assessment',
      windowStart: '2024-07-01',
      sequence: 1,
      basis: '第三十二条',
    });
    expect(result.unscheduled).toEqual([
      expect.objectContaining({ key: 'quality-model-change', trigger: 'on_event', basis: '第三十二条' }),
    ]);
  });

  it('linxia: an award in July reports from the next July, while the title is valid on the due date', () => {
    const result = sut(loadLaunchPolicy('linxia'), { awardDate: '2024-07-15', tier: 'award' });

    expect(result.reports.map((report) => report.dueDate)).toEqual([
      '2025-07-31',
      '2026-07-31',
      '2027-07-31',
      '2028-07-31',
    ]);
  });

  it('linxia: individuals owe no self-assessment (the article names organisations)', () => {
    const result = sut(loadLaunchPolicy('linxia'), {
      awardDate: '2024-03-01',
      tier: 'award',
      applicantKind: 'individual',
    });

    expect(result).toEqual({ reports: [], unscheduled: [] });
  });

  it('inner-mongolia: an annual performance report for 3 years, due dates set by the office', () => {
    const result = sut(loadLaunchPolicy('inner-mongolia'), { awardDate: '2023-02-28', tier: 'award' });

    expect(result.reports.map((report) => [report.sequence, report.period, report.dueDate])).toEqual([
      [1, { start: '2023-02-28', end: '2024-02-28' }, null],
      [2, { start: '2024-02-28', end: '2025-02-28' }, null],
      [3, { start: '2025-02-28', end: '2026-02-28' }, null],
    ]);
    expect(result.reports.every((report) => report.basis === '第二十七条')).toBe(true);
    expect(result.unscheduled).toEqual([
      expect.objectContaining({ key: 'grant-performance-evaluation', trigger: 'on_request', basis: '第十九条' }),
    ]);
  });

  it.each(['ili', 'xinzhou-district', 'xinzhou-city'] as const)('%s: no reports', (key) => {
    expect(sut(loadLaunchPolicy(key), { awardDate: '2024-01-01', tier: 'award' })).toEqual({
      reports: [],
      unscheduled: [],
    });
  });
});
