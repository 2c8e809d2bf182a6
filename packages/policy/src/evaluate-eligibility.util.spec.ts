import type { ApplicantFacts } from './eligibility-facts';
import { evaluateEligibility } from './evaluate-eligibility.util';
import { loadLaunchPolicy } from './policy-loader.service';

const ili = loadLaunchPolicy('ili');
const xinzhouCity = loadLaunchPolicy('xinzhou-city');
const xinzhouDistrict = loadLaunchPolicy('xinzhou-district');
const innerMongolia = loadLaunchPolicy('inner-mongolia');
const linxia = loadLaunchPolicy('linxia');

const asOf = '2025-06-30';

const soundOrganisation: ApplicantFacts = {
  kind: 'organisation',
  legalForm: 'legal_person',
  organisationType: 'enterprise',
  registeredInJurisdiction: true,
  yearsOperating: 8,
  inFourNewField: false,
  qualitySystemYears: 4,
  incidents: [],
  lossYears: [],
  spotChecksPassedConsecutiveYears: 5,
};

function finding(result: ReturnType<typeof evaluateEligibility>, ruleId: string) {
  const found = result.findings.find((candidate) => candidate.ruleId === ruleId);
  if (!found) throw new Error(`no finding ${ruleId}`);
  return found;
}

describe('evaluateEligibility', () => {
  const sut = evaluateEligibility;

  it('leaves attestations to a person: a sound organisation needs decisions, nothing fails', () => {
    const result = sut(ili, soundOrganisation, { asOf });

    expect(result.outcome).toBe('needs_decision');
    expect(finding(result, 'party-line')).toMatchObject({ outcome: 'needs_decision', basis: '第八条（一）' });
    expect(finding(result, 'years-operating')).toMatchObject({ outcome: 'pass', basis: '第八条（二）' });
    expect(result.findings.every((item) => item.reason.zh.length > 0 && item.reason.en.length > 0)).toBe(true);
  });

  it('passes when every attestation has a recorded decision', () => {
    const attestations = ili.eligibility.filter((rule) => rule.kind === 'attestation').map((rule) => rule.id);
    const decisions = Object.fromEntries(
      attestations.map((id) => [
        id,
        { outcome: 'pass' as const, decidedBy: 'office:li', decidedAt: '2025-06-01', reason: 'checked' },
      ]),
    );

    const result = sut(ili, { ...soundOrganisation, decisions }, { asOf });

    expect(result.outcome).toBe('pass');
    expect(finding(result, 'party-line').decision?.decidedBy).toBe('office:li');
  });

  it.each([
    ['ili: 4 years, not 四新', ili, { yearsOperating: 4, inFourNewField: false }, 'fail'],
    ['ili: 4 years in a 四新 field', ili, { yearsOperating: 4, inFourNewField: true }, 'pass'],
    ['ili: 3 years in a 四新 field', ili, { yearsOperating: 3, inFourNewField: true }, 'pass'],
    ['ili: 2 years in a 四新 field', ili, { yearsOperating: 2, inFourNewField: true }, 'fail'],
    ['ili: 4 years, 四新 unknown', ili, { yearsOperating: 4, inFourNewField: undefined }, 'missing'],
    ['ili: 5 years', ili, { yearsOperating: 5 }, 'pass'],
    ['linxia: 4 years', linxia, { yearsOperating: 4 }, 'fail'],
    ['xinzhou-district: 3 years', xinzhouDistrict, { yearsOperating: 3 }, 'pass'],
    ['xinzhou-city: 3 years', xinzhouCity, { yearsOperating: 3 }, 'pass'],
    ['xinzhou-city: 2 years, the leading group may waive', xinzhouCity, { yearsOperating: 2 }, 'needs_decision'],
    ['years unknown', ili, { yearsOperating: undefined }, 'missing'],
  ] as const)('years operating — %s → %s', (_name, policy, facts, expected) => {
    const result = sut(policy, { ...soundOrganisation, ...facts }, { asOf });

    expect(finding(result, 'years-operating').outcome).toBe(expected);
  });

  it("xinzhou-city: a shortfall in years goes to the leading group with the waiver's basis", () => {
    const result = sut(xinzhouCity, { ...soundOrganisation, yearsOperating: 2 }, { asOf });

    expect(finding(result, 'years-operating')).toMatchObject({
      outcome: 'needs_decision',
      basis: '第十条',
      decidedBy: { zh: '领导小组', en: 'The leading group' },
    });
    expect(finding(result, 'years-operating').reason.zh).toContain('可放宽年限');
  });

  it("xinzhou-city: the leading group's recorded waiver settles it", () => {
    const decisions = {
      'years-operating': {
        outcome: 'pass' as const,
        decidedBy: 'leading-group',
        decidedAt: '2025-05-01',
        reason: '突出贡献',
      },
    };

    const result = sut(xinzhouCity, { ...soundOrganisation, yearsOperating: 2, decisions }, { asOf });

    expect(finding(result, 'years-operating')).toMatchObject({
      outcome: 'pass',
      decision: decisions['years-operating'],
    });
  });

  it('a recorded decision cannot override a rule the policy decides', () => {
    const decisions = {
      'years-operating': { outcome: 'pass' as const, decidedBy: 'office', decidedAt: '2025-05-01', reason: 'please' },
    };

    const result = sut(linxia, { ...soundOrganisation, yearsOperating: 2, decisions }, { asOf });

    expect(finding(result, 'years-operating').outcome).toBe('fail');
    expect(result.outcome).toBe('fail');
  });

  it('refuses a kind of applicant the policy does not admit, with the article', () => {
    const result = sut(ili, { kind: 'individual' }, { asOf });

    expect(result.outcome).toBe('fail');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ ruleId: 'applicant-kind', outcome: 'fail', basis: '第二条' });
  });

  it('refuses a legal form the policy does not admit', () => {
    const result = sut(innerMongolia, { ...soundOrganisation, legalForm: 'branch' }, { asOf });

    expect(finding(result, 'legal-form')).toMatchObject({ outcome: 'fail', basis: '第二条; 第十条（一）' });
  });

  it('admits an ili branch', () => {
    const result = sut(ili, { ...soundOrganisation, legalForm: 'branch' }, { asOf });

    expect(finding(result, 'legal-form').outcome).toBe('pass');
  });

  it('names the legal form and the kind of organisation in Chinese, never by their enum values', () => {
    const result = sut(ili, { ...soundOrganisation, legalForm: 'branch' }, { asOf });

    expect(finding(result, 'legal-form').reason).toEqual({
      zh: '组织形式符合：分支机构',
      en: 'legal form admitted: branch',
    });
    for (const item of result.findings) expect(item.reason.zh).not.toMatch(/[a-z]_[a-z]/);
  });

  it.each([
    ['a major accident 2 years ago', [{ kind: 'major_accident', date: '2023-07-01' }], 'fail'],
    ['a major accident just inside 3 years', [{ kind: 'major_accident', date: '2022-06-30' }], 'fail'],
    ['a major accident just over 3 years ago', [{ kind: 'major_accident', date: '2022-06-29' }], 'pass'],
    ['a discredit record last year', [{ kind: 'discredit_record', date: '2024-01-01' }], 'fail'],
    ['a larger (较大) accident', [{ kind: 'accident', severity: 'larger', date: '2024-01-01' }], 'pass'],
    ['an accident of no stated grade', [{ kind: 'accident', date: '2024-01-01' }], 'missing'],
    ['a major accident with its grade', [{ kind: 'accident', severity: 'major', date: '2024-01-01' }], 'fail'],
    ['nothing', [], 'pass'],
  ] as const)('ili look-back of 3 years — %s → %s', (_name, incidents, expected) => {
    const result = sut(ili, { ...soundOrganisation, incidents }, { asOf });

    expect(finding(result, 'no-major-incidents').outcome).toBe(expected);
  });

  it('inner-mongolia counts any accident, major or not', () => {
    const result = sut(
      innerMongolia,
      { ...soundOrganisation, incidents: [{ kind: 'major_accident', date: '2024-01-01' }] },
      { asOf },
    );

    expect(finding(result, 'no-incidents')).toMatchObject({ outcome: 'fail', basis: '第十条（五）' });
  });

  it('an incident under a rule with no stated window goes to a person', () => {
    const result = sut(
      xinzhouDistrict,
      { ...soundOrganisation, incidents: [{ kind: 'liability_accident', date: '2010-01-01' }] },
      { asOf },
    );

    expect(finding(result, 'no-liability-accidents').outcome).toBe('needs_decision');
  });

  it('missing facts are reported as missing, naming the fact', () => {
    const result = sut(xinzhouDistrict, { kind: 'organisation', legalForm: 'legal_person' }, { asOf });

    expect(result.outcome).toBe('missing');
    expect(finding(result, 'no-losses').missingFacts).toEqual(['lossYears']);
    expect(finding(result, 'no-losses').reason).toEqual({
      zh: '缺少申报信息：亏损年度',
      en: 'missing facts: lossYears',
    });
    expect(finding(result, 'spot-checks').missingFacts).toEqual(['spotChecksPassedConsecutiveYears']);
  });

  it.each([
    [[2024], 'fail'],
    [[2022], 'fail'],
    [[2021], 'pass'],
    [[2025], 'pass'],
  ] as const)('xinzhou-district: losses in %j (last 3 closed years are 2022–2024) → %s', (lossYears, expected) => {
    const result = sut(xinzhouDistrict, { ...soundOrganisation, lossYears }, { asOf });

    expect(finding(result, 'no-losses').outcome).toBe(expected);
  });

  it('xinzhou-district: 2 years of passing spot checks fails', () => {
    const result = sut(xinzhouDistrict, { ...soundOrganisation, spotChecksPassedConsecutiveYears: 2 }, { asOf });

    expect(finding(result, 'spot-checks')).toMatchObject({ outcome: 'fail', basis: '第九条（三）' });
  });

  it('inner-mongolia: a quality system running 1 year fails', () => {
    const result = sut(innerMongolia, { ...soundOrganisation, qualitySystemYears: 1 }, { asOf });

    expect(finding(result, 'quality-system-years')).toMatchObject({ outcome: 'fail', basis: '第十条（二）' });
  });

  it('xinzhou-city individuals: 2 years in quality work fails; organisation rules do not apply', () => {
    const result = sut(xinzhouCity, { kind: 'individual', yearsInQualityWork: 2, incidents: [] }, { asOf });

    expect(finding(result, 'years-in-quality-work')).toMatchObject({ outcome: 'fail', basis: '第十一条' });
    expect(result.findings.some((item) => item.ruleId === 'years-operating')).toBe(false);
  });

  it('linxia individuals: supporting the Party line is a person’s decision', () => {
    const result = sut(linxia, { kind: 'individual', incidents: [] }, { asOf });

    expect(finding(result, 'party-line')).toMatchObject({ outcome: 'needs_decision', basis: '第十一条（一）' });
    expect(result.outcome).toBe('needs_decision');
  });
});
