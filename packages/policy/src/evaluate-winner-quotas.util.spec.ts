import { evaluateWinnerQuotas } from './evaluate-winner-quotas.util';
import { loadLaunchPolicy } from './policy-loader.service';
import { titleValidity } from './title-validity.util';

const awards = (n: number) => Array.from({ length: n }, () => ({ tier: 'award' as const }));

describe('evaluateWinnerQuotas', () => {
  it('accepts fewer winners than places where vacancies are allowed (宁缺毋滥)', () => {
    const result = evaluateWinnerQuotas(loadLaunchPolicy('xinzhou-district'), awards(1), []);
    expect(result.problems).toEqual([]);
    expect(result.tiers.find((t) => t.tier === 'award')).toMatchObject({ proposed: 1, max: 3, vacancies: 2 });
  });

  it('refuses a hard quota exceeded, naming the winner field, even with a reason', () => {
    const exceedance = { tier: 'award' as const, decidedBy: '区政府', reason: '成绩突出' };
    const result = evaluateWinnerQuotas(loadLaunchPolicy('xinzhou-district'), awards(4), [exceedance]);
    expect(result.problems.map((p) => p.field)).toEqual(['winners[0].tier']);
    expect(result.problems[0]?.reason.zh).toContain('第三条');
  });

  it('lets an in-principle quota be exceeded only with the deciding body and its reason (linxia 第四条)', () => {
    const policy = loadLaunchPolicy('linxia');
    expect(evaluateWinnerQuotas(policy, awards(3), []).problems).toEqual([
      expect.objectContaining({ field: 'quotaExceedances' }),
    ]);
    const exceedance = { tier: 'award' as const, decidedBy: '县质量强县工作领导小组', reason: '三家均达到标准' };
    const result = evaluateWinnerQuotas(policy, awards(3), [exceedance]);
    expect(result.problems).toEqual([]);
    expect(result.tiers.find((t) => t.tier === 'award')).toMatchObject({ outcome: 'exceeds_in_principle', exceedance });
    const blank = evaluateWinnerQuotas(policy, awards(3), [{ ...exceedance, reason: ' ' }]);
    expect(blank.problems.map((p) => p.field)).toEqual(['quotaExceedances[0].reason']);
  });

  it('refuses a tier the policy does not offer', () => {
    const result = evaluateWinnerQuotas(loadLaunchPolicy('inner-mongolia'), [{ tier: 'nomination' }], []);
    expect(result.problems.map((p) => p.field)).toEqual(['winners[0].tier']);
  });
});

describe('titleValidity', () => {
  it.each([
    ['linxia', 'award', '2027-03-15', '2032-03-15', 're_evaluation', '第五条'],
    ['xinzhou-district', 'award', '2027-02-28', '2030-02-28', 'lapses', '第五条'],
    ['xinzhou-district', 'nomination', '2028-02-29', '2029-02-28', 'lapses', '第五条'],
    ['ili', 'award', '2027-06-01', null, null, '第四条'],
  ] as const)('%s %s decided %s holds until %s', (key, tier, decidedOn, validUntil, onExpiry, basis) => {
    expect(titleValidity(loadLaunchPolicy(key), tier, decidedOn)).toEqual({
      validFrom: decidedOn,
      validUntil,
      onExpiry,
      basis,
    });
  });
});
