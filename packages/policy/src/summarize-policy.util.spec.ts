import { loadLaunchPolicy } from './policy-loader.service';
import { summarizePolicy } from './summarize-policy.util';

describe('summarizePolicy', () => {
  const sut = summarizePolicy;

  it('xinzhou-city at a glance', () => {
    const result = sut(loadLaunchPolicy('xinzhou-city'));

    expect(result.cycleYears).toBe(3);
    expect(result.cycleBasis).toBe('第四条');
    expect(result.applicantKinds.map((entry) => [entry.kind, entry.basis])).toEqual([
      ['organisation', '第十条'],
      ['individual', '第十一条'],
    ]);
    expect(result.tiers.map(({ tier, quota, moneyFen, basis }) => ({ tier, quota, moneyFen, basis }))).toEqual([
      {
        tier: 'award',
        quota: 3,
        moneyFen: { organisation: 20_000_000, individual: 3_000_000 },
        basis: '第四条; 第二十一条',
      },
      { tier: 'nomination', quota: 10, moneyFen: { organisation: 0, individual: 0 }, basis: '第四条; 第二十一条' },
    ]);
    expect(result.notices.map(({ stage, count, unit, basis }) => ({ stage, count, unit, basis }))).toEqual([
      { stage: 'internal_publicity', count: 5, unit: 'working_days', basis: '第十四条' },
      { stage: 'acceptance', count: null, unit: null, basis: '第十六条' },
      { stage: 'candidates', count: 5, unit: 'working_days', basis: '第十八条' },
      { stage: 'proposed_winners', count: 5, unit: 'working_days', basis: '第十九条' },
    ]);
    expect(result.expires).toBe('2026-11-30');
  });

  it('ili: objections examined within 3 working days; no money stated', () => {
    const result = sut(loadLaunchPolicy('ili'));

    expect(result.objectionExamination).toEqual({ count: 3, unit: 'working_days', minimum: false, basis: '第十九条' });
    expect(result.tiers[0]?.moneyFen).toEqual({ organisation: null, individual: null });
  });

  it('xinzhou-district notices in calendar days', () => {
    expect(sut(loadLaunchPolicy('xinzhou-district')).notices).toEqual([
      expect.objectContaining({
        stage: 'candidates',
        count: 7,
        unit: 'calendar_days',
        minimum: true,
        basis: '第十四条',
      }),
    ]);
  });

  it('carries per-kind quotas, caps, the money in principle and the sections not yet transcribed', () => {
    const doc = structuredClone(loadLaunchPolicy('xinzhou-city'));
    const award = doc.tiers[0];
    if (!award) throw new Error('no award tier');
    const edited = {
      ...doc,
      tiers: [
        {
          ...award,
          quota: { ...award.quota, byKind: { individual: { max: 1, binding: 'in_principle' as const } } },
          money: { ...award.money, amountIs: { organisation: 'cap' as const } },
        },
        ...doc.tiers.slice(1),
      ],
      untranscribed: [{ section: 'tiers.validity' as const, basis: '第二十二条' }],
    };
    const result = sut(edited);
    expect(result.tiers[0]).toMatchObject({
      quotaByKind: [{ kind: 'individual', max: 1, binding: 'in_principle', vacanciesAllowed: true, basis: '第四条' }],
      moneyAmountIs: { organisation: 'cap', individual: 'exact' },
      moneyInPrinciple: false,
    });
    expect(result.tiers[1]?.quotaByKind).toEqual([]);
    expect(result.untranscribed).toEqual([{ section: 'tiers.validity', basis: '第二十二条', note: null }]);
    expect(sut(loadLaunchPolicy('ili')).untranscribed).toEqual([]);
  });
});
