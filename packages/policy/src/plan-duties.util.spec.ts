import { planDuties } from './plan-duties.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('planDuties', () => {
  it('linxia: a July self-assessment each year of the title, reminded 30 and 7 days before, overdue on 1 August', () => {
    const plan = planDuties(loadLaunchPolicy('linxia'), {
      awardDate: '2026-03-01',
      tier: 'award',
      applicantKind: 'organisation',
      today: '2026-03-01',
    });
    const reports = plan.duties.filter((duty) => duty.kind === 'annual_report');
    expect(reports.map((duty) => duty.dueDate)).toEqual([
      '2026-07-31',
      '2027-07-31',
      '2028-07-31',
      '2029-07-31',
      '2030-07-31',
    ]);
    expect(reports[0]).toMatchObject({
      key: 'self-assessment',
      sequence: 1,
      remindOn: ['2026-07-01', '2026-07-24'],
      overdueFrom: '2026-08-01',
      basis: '第三十二条',
    });
    expect(plan.duties.find((duty) => duty.kind === 'event_notice')).toMatchObject({
      key: 'quality-model-change',
      dueDate: null,
      remindOn: [],
      basis: '第三十二条',
    });
    // linxia lists no refusal of duties among its revocation grounds.
    expect(plan.refusalGround).toBeNull();
  });

  it('leaves out reminder days already past when the plan is made', () => {
    const plan = planDuties(loadLaunchPolicy('linxia'), {
      awardDate: '2026-03-01',
      tier: 'award',
      applicantKind: 'organisation',
      today: '2026-07-10',
    });
    expect(plan.duties[0]?.remindOn).toEqual(['2026-07-24']);
  });

  it('inner-mongolia: 3 performance reports with the date left to the office, and the grant evaluation on request', () => {
    const plan = planDuties(loadLaunchPolicy('inner-mongolia'), {
      awardDate: '2026-05-10',
      tier: 'award',
      applicantKind: 'organisation',
      today: '2026-05-10',
    });
    const reports = plan.duties.filter((duty) => duty.kind === 'annual_report');
    expect(reports.map((duty) => [duty.sequence, duty.dueDate, duty.period?.end, duty.overdueFrom])).toEqual([
      [1, null, '2027-05-10', null],
      [2, null, '2028-05-10', null],
      [3, null, '2029-05-10', null],
    ]);
    expect(reports[0]?.basis).toBe('第二十七条');
    expect(plan.duties.find((duty) => duty.kind === 'requested_evaluation')).toMatchObject({
      key: 'grant-performance-evaluation',
      basis: '第十九条',
    });
  });

  it('xinzhou-city: no scheduled duty, but refusing duties is a revocation ground (第二十八条)', () => {
    const plan = planDuties(loadLaunchPolicy('xinzhou-city'), {
      awardDate: '2026-05-10',
      tier: 'award',
      applicantKind: 'organisation',
      today: '2026-05-10',
    });
    expect(plan.duties).toEqual([]);
    expect(plan.refusalGround).toEqual({ ruleId: 'revocation', event: 'refusing_duties', basis: '第二十八条' });
  });

  it("individual winners owe none of linxia's organisation duties", () => {
    const plan = planDuties(loadLaunchPolicy('linxia'), {
      awardDate: '2026-03-01',
      tier: 'award',
      applicantKind: 'individual',
      today: '2026-03-01',
    });
    expect(plan.duties).toEqual([]);
  });
});
