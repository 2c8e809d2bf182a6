import type { Accident } from './accident-threshold.util';
import type { ApplicantFacts } from './eligibility-facts';
import { evaluateConsequences } from './evaluate-consequences.util';
import { evaluateEligibility } from './evaluate-eligibility.util';
import type { IncidentKind, LaunchPolicyKey } from './index';
import { loadLaunchPolicy } from './policy-loader.service';

/**
 * Each regulation's accident rules count accidents from the grade their text names (一般 general, 较大 larger,
 * 重大 major, 特别重大 especially major): below it an accident neither bars an applicant nor revokes an award.
 */
const asOf = '2025-06-30';
const organisation: ApplicantFacts = {
  kind: 'organisation',
  legalForm: 'legal_person',
  organisationType: 'enterprise',
  registeredInJurisdiction: true,
  yearsOperating: 8,
  incidents: [],
};

function eligibilityOutcome(key: LaunchPolicyKey, ruleId: string, kind: IncidentKind, accident: Accident) {
  const policy = loadLaunchPolicy(key);
  const result = evaluateEligibility(
    policy,
    { ...organisation, incidents: [{ kind, date: '2024-03-01', ...accident }] },
    {
      asOf,
    },
  );
  const finding = result.findings.find((candidate) => candidate.ruleId === ruleId);
  if (!finding) throw new Error(`${key}: no finding ${ruleId}`);
  return { outcome: finding.outcome, basis: finding.basis };
}

describe('accident thresholds, eligibility ("no accident within N years")', () => {
  it.each([
    // ili 第八条（三）: 重大质量、安全、环保等事故
    ['ili', 'no-major-incidents', 'larger', 'quality', 'pass', '第八条（三）'],
    ['ili', 'no-major-incidents', 'major', 'environment', 'fail', '第八条（三）'],
    ['ili', 'no-major-incidents', 'especially_major', 'safety', 'fail', '第八条（三）'],
    // inner-mongolia 第十条（五）: 质量、安全、环境污染、公共卫生等事故 — any grade
    ['inner-mongolia', 'no-incidents', 'general', 'public_health', 'fail', '第十条（五）'],
    ['inner-mongolia', 'no-incidents', 'larger', 'quality', 'fail', '第十条（五）'],
    // linxia 第十条（六）: 重大质量、安全、环保、公共卫生等事故
    ['linxia', 'no-major-incidents', 'larger', 'public_health', 'pass', '第十条（六）'],
    ['linxia', 'no-major-incidents', 'major', 'quality', 'fail', '第十条（六）'],
    // xinzhou-city 第十条: 近3年内无重大质量、安全、环保等事故
    ['xinzhou-city', 'no-major-accidents', 'general', 'safety', 'pass', '第十条'],
    ['xinzhou-city', 'no-major-accidents', 'major', 'safety', 'fail', '第十条'],
  ] as const)('%s %s: a %s %s accident → %s (%s)', (key, ruleId, severity, area, expected, basis) => {
    expect(eligibilityOutcome(key, ruleId, 'accident', { severity, area })).toEqual({ outcome: expected, basis });
  });

  it('xinzhou-district 第九条（三）: any liability accident, whatever its grade, goes to a person (no window stated)', () => {
    expect(eligibilityOutcome('xinzhou-district', 'no-liability-accidents', 'liability_accident', {})).toEqual({
      outcome: 'needs_decision',
      basis: '第九条（三）',
    });
  });

  it('ili 第八条（三）: an accident whose grade is not given is a missing fact, not a pass', () => {
    expect(eligibilityOutcome('ili', 'no-major-incidents', 'accident', { area: 'quality' }).outcome).toBe('missing');
  });

  it('a document written before grades: major_accident still counts from 重大', () => {
    expect(eligibilityOutcome('linxia', 'no-major-incidents', 'major_accident', {}).outcome).toBe('fail');
  });
});

function revokes(key: LaunchPolicyKey, accident: Accident, date: string, awardDate: string) {
  const result = evaluateConsequences(loadLaunchPolicy(key), { kind: 'accident', date, awardDate, ...accident });
  const revoke = result.consequences.find((consequence) => consequence.kind === 'revoke');
  return revoke ? revoke.basis : null;
}

describe('accident thresholds, consequences (revocation after the award)', () => {
  it.each([
    // ili 第二十九条: 获奖之日起5年内发生重大质量、安全、环保等事故
    ['ili', { severity: 'larger', area: 'quality' }, null],
    ['ili', { severity: 'major', area: 'environment' }, '第二十九条'],
    // inner-mongolia 第二十四条: 获得奖励后3年内发生较大质量和安全事故
    ['inner-mongolia', { severity: 'general', area: 'quality' }, null],
    ['inner-mongolia', { severity: 'larger', area: 'quality' }, '第二十四条'],
    ['inner-mongolia', { severity: 'major', area: 'safety' }, '第二十四条'],
    ['inner-mongolia', { severity: 'larger', area: 'work_safety' }, '第二十四条'],
    ['inner-mongolia', { severity: 'especially_major', area: 'environment' }, null],
    // linxia 第三十九条（一）: 发生重大质量、安全、环保、公共卫生等事故
    ['linxia', { severity: 'larger', area: 'safety' }, null],
    ['linxia', { severity: 'major', area: 'public_health' }, '第三十九条'],
    // xinzhou-city 第二十八条: 发生重大质量、安全、环保等事故
    ['xinzhou-city', { severity: 'larger', area: 'environment' }, null],
    ['xinzhou-city', { severity: 'major', area: 'quality' }, '第二十八条'],
    // xinzhou-district 第十七条（二）: 重大质量、安全、环保、卫生等事故，较大以上安全生产事故或发生安全生产事故
    ['xinzhou-district', { severity: 'larger', area: 'quality' }, null],
    ['xinzhou-district', { severity: 'major', area: 'quality' }, '第十七条'],
    ['xinzhou-district', { severity: 'general', area: 'work_safety' }, '第十七条'],
    ['xinzhou-district', { severity: 'larger', area: 'work_safety' }, '第十七条'],
  ] as const)('%s: %o → revoked under %s', (key, accident, basis) => {
    const awardDate = '2025-01-10';
    expect(revokes(key, accident, '2025-03-01', awardDate)).toBe(basis);
  });

  it('inner-mongolia 第二十四条: the rule names the grade it was not met by', () => {
    const result = evaluateConsequences(loadLaunchPolicy('inner-mongolia'), {
      kind: 'accident',
      severity: 'general',
      area: 'quality',
      date: '2025-03-01',
      awardDate: '2024-01-01',
    });

    expect(result.outcome).toBe('none');
    expect(result.rules).toEqual([
      expect.objectContaining({
        basis: '第二十四条',
        applies: false,
        reason: expect.objectContaining({ zh: expect.stringContaining('较大以上质量、安全事故') }),
      }),
    ]);
  });

  it('inner-mongolia 第二十四条: an accident of no stated area does not revoke by a guess', () => {
    expect(revokes('inner-mongolia', { severity: 'major' }, '2025-03-01', '2025-01-10')).toBeNull();
  });

  it('every launch rule that names accidents states its grades, each with an article', () => {
    for (const key of ['ili', 'inner-mongolia', 'linxia', 'xinzhou-city', 'xinzhou-district'] as const) {
      const policy = loadLaunchPolicy(key);
      const rules = [
        ...policy.eligibility.flatMap((rule) => (rule.kind === 'no_incidents' ? [rule] : [])),
        ...policy.consequences,
      ].filter((rule) =>
        ('incidents' in rule ? rule.incidents : rule.events).some((kind: string) => kind.includes('accident')),
      );
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules) {
        expect([key, rule.id, rule.accidents?.length ?? 0]).not.toEqual([key, rule.id, 0]);
        expect([key, rule.id, 'incidents' in rule ? rule.incidents : rule.events]).not.toContainEqual(
          expect.arrayContaining(['major_accident']),
        );
      }
    }
  });
});
