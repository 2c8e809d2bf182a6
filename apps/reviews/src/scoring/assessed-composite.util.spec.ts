import { type LaunchPolicyKey, loadLaunchPolicy } from '@laurel/policy';
import { assessedCompositeOf } from './assessed-composite.util';

describe('assessedCompositeOf', () => {
  const of = (key: LaunchPolicyKey) => assessedCompositeOf(loadLaunchPolicy(key));

  it('finds ili 第十六条: the office’s composite report on the defense and on-site results', () => {
    const rule = of('ili');
    expect(rule?.stage.key).toBe('composite');
    expect(rule?.feeding.map((s) => s.key)).toEqual(['defense', 'onsite']);
    expect(rule?.basis).toBe('ili 第十六条');
  });

  it('finds xinzhou-district 第十三条: the composite assessment report after the on-site verification', () => {
    const rule = of('xinzhou-district');
    expect(rule?.feeding.map((s) => s.key)).toEqual(['onsite']);
    expect(rule?.basis).toBe('xinzhou-district 第十三条');
  });

  it('has none where the platform combines scores (linxia 第二十条) or the policy has no composite stage', () => {
    expect(of('linxia')).toBeNull();
    expect(of('inner-mongolia')).toBeNull();
    expect(of('xinzhou-city')).toBeNull();
  });
});
