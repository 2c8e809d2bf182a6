import { loadLaunchPolicy } from './policy-loader.service';
import { titleUseRules } from './title-use.util';

describe('titleUseRules', () => {
  it('ili 第二十七条: state the year; not for products, promotion, sale or profit', () => {
    expect(titleUseRules(loadLaunchPolicy('ili'), 2026)).toEqual({
      lines: [
        '使用称号进行宣传时，须注明获奖年份（2026年度）',
        '不得用于产品、服务的标识',
        '不得用于产品、服务的质量宣传',
        '不得出售、出租证书、奖牌',
        '不得用于其他营利性活动',
      ],
      basis: '第二十七条',
    });
  });

  it('inner-mongolia 第二十五条 names packaging; xinzhou-district states no rules', () => {
    expect(titleUseRules(loadLaunchPolicy('inner-mongolia'), 2026).lines).toContain('不得用于产品包装');
    expect(titleUseRules(loadLaunchPolicy('xinzhou-district'), 2026)).toEqual({ lines: [], basis: null });
  });
});
