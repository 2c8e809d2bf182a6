import { deciderRoleOf } from './decider-role-of.util';
import { explainPolicy } from './explain-policy.util';
import { launchPolicyKeys } from './launch-policy-keys.util';
import { officeMayGrant } from './office-may-grant.util';
import { loadLaunchPolicy } from './policy-loader.service';
import { anonymousReportsTaken, reportReceiverRole } from './report-rules.util';

describe('who decides, receives and may be appointed, by policy', () => {
  it.each([
    ['ili', 'years-operating', 'office'],
    ['inner-mongolia', 'years-operating', 'office'],
    ['linxia', 'years-operating', 'office'],
    // xinzhou-city 第十条: 经领导小组批准可放宽年限
    ['xinzhou-city', 'years-operating', 'leading_group'],
    ['xinzhou-city', 'no-violations', 'office'],
    ['xinzhou-district', 'years-operating', 'office'],
    ['xinzhou-city', 'reapplication', 'office'],
  ] as const)('deciderRoleOf(%s, %s) → %s', (key, ruleId, role) => {
    expect(deciderRoleOf(loadLaunchPolicy(key), ruleId)).toBe(role);
  });

  it.each([
    // linxia 第二十四条: 可以向评委办举报; xinzhou-city 第二十七条: 向监督组投诉或举报
    ['linxia', 'office', true],
    ['xinzhou-city', 'supervisor', true],
    // no body for reports: the office
    ['ili', 'office', true],
    ['inner-mongolia', 'office', true],
    ['xinzhou-district', 'office', true],
  ] as const)('%s: reports go to %s; anonymous reports taken: %s', (key, role, anonymous) => {
    const policy = loadLaunchPolicy(key);
    expect(reportReceiverRole(policy.reports)).toBe(role);
    expect(anonymousReportsTaken(policy.reports)).toBe(anonymous);
  });

  it('no receiver named: the office, not a supervision group the regulation does not set up', () => {
    expect(reportReceiverRole({})).toBe('office');
    expect(anonymousReportsTaken({ anonymousAllowed: null })).toBe(true);
    expect(anonymousReportsTaken({ anonymousAllowed: false })).toBe(false);
  });

  it('inner-mongolia and xinzhou-district name the office for objections, as their texts set up no body', () => {
    for (const key of ['inner-mongolia', 'xinzhou-district'] as const) {
      expect(loadLaunchPolicy(key).objections.receiverRole).toBe('office');
    }
  });

  it('xinzhou-city 第十七条、第二十七条: the office cannot appoint the supervision group or the leading group', () => {
    const policy = loadLaunchPolicy('xinzhou-city');

    expect(officeMayGrant(policy, 'supervisor')).toMatchObject({
      allowed: false,
      body: { basis: '第十七条; 第二十七条' },
    });
    expect(officeMayGrant(policy, 'leading_group')).toMatchObject({
      allowed: false,
      body: { basis: '第六条; 第十条' },
    });
    expect(officeMayGrant(policy, 'recommender')).toEqual({ allowed: true });
    expect(officeMayGrant(policy, 'office')).toEqual({ allowed: true });
  });

  it.each(launchPolicyKeys.filter((key) => key !== 'xinzhou-city'))('%s: the office may appoint every role', (key) => {
    const policy = loadLaunchPolicy(key);
    for (const role of ['office', 'supervisor', 'leading_group', 'recommender']) {
      expect(officeMayGrant(policy, role)).toEqual({ allowed: true });
    }
  });

  it('policy explain states accident grades, who waives, who receives reports and which bodies are independent', () => {
    expect(explainPolicy(loadLaunchPolicy('inner-mongolia'))).toContain(
      '事故计入 Accidents counted: 较大以上质量、安全事故 / quality or safety accidents graded larger or worse（第二十四条）',
    );
    expect(explainPolicy(loadLaunchPolicy('xinzhou-district'))).toContain(
      '安全生产事故（不论等级） / work safety accidents, whatever their grade（第十七条（二））',
    );
    const xinzhouCity = explainPolicy(loadLaunchPolicy('xinzhou-city'));
    expect(xinzhouCity).toContain('may waive (role leading_group)（第十条）');
    expect(xinzhouCity).toContain('监督组 / The supervision group (role supervisor)，独立于办公室');
    expect(explainPolicy(loadLaunchPolicy('linxia'))).toContain(
      '匿名举报 Anonymous: 未规定，予以受理，由受理机构处理 / not stated: taken, the receiver decides',
    );
    expect(explainPolicy(loadLaunchPolicy('inner-mongolia'))).toContain(
      '举报 Reports: 未规定，由办公室受理 / not provided for: the office receives them (role office)',
    );
  });
});
