import { type LaunchPolicyKey, loadLaunchPolicy } from '@laurel/policy';
import { planOf } from './procedure-plan.util';

const steps = (key: LaunchPolicyKey) =>
  planOf(loadLaunchPolicy(key)).map(
    (s) => `${s.stage}:${s.kind}:${s.notice ? `${s.notice.count ?? 'office'} ${s.notice.unit ?? ''}`.trim() : '-'}`,
  );

describe('planOf: the steps up to acceptance, exactly as each policy has them', () => {
  it.each([
    [
      'ili',
      [
        'internal_publicity:internal_publicity:5 working_days',
        'recommendation:recommendation:5 working_days',
        'acceptance:acceptance:5 working_days',
      ],
    ],
    [
      'linxia',
      [
        'internal_publicity:internal_publicity:5 working_days',
        'recommendation:recommendation:5 working_days',
        'acceptance:acceptance:5 working_days',
      ],
    ],
    ['inner-mongolia', ['submission:submission:-', 'recommendation:recommendation:-', 'acceptance:acceptance:office']],
    ['xinzhou-district', ['recommendation:recommendation:-', 'qualification:formal_review:-']],
    [
      'xinzhou-city',
      [
        'internal_publicity:internal_publicity:5 working_days',
        'recommendation:recommendation:-',
        'acceptance:acceptance:office',
      ],
    ],
  ] as const)('%s', (key, expected) => {
    expect(steps(key)).toEqual(expected);
  });

  it('cites each step with the jurisdiction', () => {
    expect(planOf(loadLaunchPolicy('ili'))[0]?.basis).toBe('ili 第十条');
  });
});
