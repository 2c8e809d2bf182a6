import { loadLaunchPolicy } from './policy-loader.service';
import { titleValidity } from './title-validity.util';

describe('titleValidity', () => {
  it('linxia 第五条: 5 years, re-evaluated at expiry', () => {
    expect(titleValidity(loadLaunchPolicy('linxia'), 'award', '2026-03-01')).toEqual({
      validUntil: '2031-02-28',
      years: 5,
      onExpiry: 're_evaluation',
      basis: '第五条',
    });
  });

  it('xinzhou-district 第五条: the award 3 years, the nomination 1, both lapse', () => {
    const policy = loadLaunchPolicy('xinzhou-district');
    expect(titleValidity(policy, 'award', '2026-12-20')).toMatchObject({
      validUntil: '2029-12-19',
      onExpiry: 'lapses',
    });
    expect(titleValidity(policy, 'nomination', '2026-12-20')).toMatchObject({ validUntil: '2027-12-19', years: 1 });
  });

  it('no validity where the regulation gives none (ili)', () => {
    expect(titleValidity(loadLaunchPolicy('ili'), 'award', '2026-03-01')).toBeNull();
  });
});
