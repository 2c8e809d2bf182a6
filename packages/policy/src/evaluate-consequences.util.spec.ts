import { evaluateConsequences } from './evaluate-consequences.util';
import { loadLaunchPolicy } from './policy-loader.service';

const ili = loadLaunchPolicy('ili');
const linxia = loadLaunchPolicy('linxia');
const innerMongolia = loadLaunchPolicy('inner-mongolia');
const xinzhouDistrict = loadLaunchPolicy('xinzhou-district');
const xinzhouCity = loadLaunchPolicy('xinzhou-city');

function kinds(result: ReturnType<typeof evaluateConsequences>): string[] {
  return result.consequences.map((consequence) => consequence.kind).sort();
}

describe('evaluateConsequences', () => {
  const sut = evaluateConsequences;

  it('ili false materials when applying: a 5-year ban only', () => {
    const result = sut(ili, { kind: 'false_materials', date: '2025-03-10' });

    expect(result.outcome).toBe('consequences');
    expect(result.consequences).toEqual([
      {
        kind: 'ban',
        basis: '第二十八条第一款',
        ruleId: 'false-materials',
        ban: { unit: 'years', count: 5, from: 'decision_year', startYear: 2025, allowedFromYear: 2030 },
      },
    ]);
  });

  it('ili fraud: revoke, recover, 10 years, credit record, publish', () => {
    const result = sut(ili, { kind: 'fraud_or_bribery', date: '2027-01-05', awardDate: '2025-02-01' });

    expect(kinds(result)).toEqual(['ban', 'credit_record', 'publish', 'recover_certificate_and_plaque', 'revoke']);
    expect(result.consequences.find((c) => c.kind === 'ban')?.ban).toMatchObject({ count: 10, allowedFromYear: 2037 });
    expect(result.consequences.every((c) => c.basis === '第二十八条第二款')).toBe(true);
  });

  it('ili accident within 5 years of the award: revoke with the government’s approval', () => {
    const result = sut(ili, { kind: 'major_accident', date: '2029-12-20', awardDate: '2024-12-20' });

    expect(kinds(result)).toEqual(['needs_approval', 'publish', 'recover_certificate_and_plaque', 'revoke']);
    expect(result.consequences.find((c) => c.kind === 'needs_approval')?.by?.zh).toBe('自治州人民政府');
  });

  it('ili accident after 5 years: none', () => {
    const result = sut(ili, { kind: 'major_accident', date: '2029-12-21', awardDate: '2024-12-20' });

    expect(result).toMatchObject({
      outcome: 'none',
      consequences: [],
      rules: [{ ruleId: 'post-award-events', applies: false }],
    });
  });

  it('an accident with no award: none (the rule applies to winners only)', () => {
    expect(sut(ili, { kind: 'major_accident', date: '2026-01-01' }).outcome).toBe('none');
  });

  it.each([
    ['the award date', '2024-03-15', 'consequences'],
    ['5 months later', '2024-08-15', 'consequences'],
    ['the last day of half a year', '2024-09-15', 'consequences'],
    ['the day after half a year', '2024-09-16', 'none'],
    ['a year later', '2025-03-15', 'none'],
    ['before the award', '2024-03-14', 'none'],
  ] as const)('xinzhou-district: a failed spot check on %s (%s) → %s', (_name, date, outcome) => {
    const result = sut(xinzhouDistrict, { kind: 'failed_spot_check', date, awardDate: '2024-03-15' });

    expect(result.outcome).toBe(outcome);
  });

  it('xinzhou-district half a year ends on the month’s last day when there is no corresponding day', () => {
    expect(
      sut(xinzhouDistrict, { kind: 'severe_operating_loss', date: '2024-02-29', awardDate: '2023-08-31' }).outcome,
    ).toBe('consequences');
    expect(
      sut(xinzhouDistrict, { kind: 'severe_operating_loss', date: '2024-03-01', awardDate: '2023-08-31' }).outcome,
    ).toBe('none');
  });

  it('xinzhou-district within the window: revoke, recover, claw back, publish, 5 years', () => {
    const result = sut(xinzhouDistrict, { kind: 'export_quality_notice', date: '2024-05-01', awardDate: '2024-03-15' });

    expect(kinds(result)).toEqual([
      'ban',
      'clawback',
      'needs_approval',
      'publish',
      'recover_certificate_and_plaque',
      'revoke',
    ]);
    expect(result.consequences.every((c) => c.basis === '第十七条')).toBe(true);
  });

  it('xinzhou-city at any time: 3 cycles (9 years) from the year of revocation', () => {
    const result = sut(xinzhouCity, {
      kind: 'title_misuse',
      date: '2034-06-01',
      awardDate: '2021-12-20',
      decisionDate: '2035-02-01',
    });

    expect(kinds(result)).toEqual([
      'ban',
      'clawback',
      'needs_approval',
      'publish',
      'recover_certificate_and_plaque',
      'revoke',
    ]);
    expect(result.consequences.find((c) => c.kind === 'ban')?.ban).toEqual({
      unit: 'cycles',
      count: 3,
      from: 'revocation_year',
      startYear: 2035,
      allowedFromYear: 2044,
    });
  });

  it('inner-mongolia accident within 3 years: revoke and announce, no clawback', () => {
    const result = sut(innerMongolia, {
      kind: 'accident',
      severity: 'larger',
      area: 'quality',
      date: '2025-06-01',
      awardDate: '2023-03-01',
    });

    expect(kinds(result)).toEqual(['needs_approval', 'publish', 'revoke']);
    expect(result.consequences[0]?.basis).toBe('第二十四条');
  });

  it('inner-mongolia fraud: the grant is clawed back', () => {
    const result = sut(innerMongolia, { kind: 'fraud_or_bribery', date: '2030-06-01', awardDate: '2023-03-01' });

    expect(kinds(result)).toContain('clawback');
    expect(result.consequences.find((c) => c.kind === 'clawback')?.basis).toBe('第二十三条');
  });

  it('linxia post-award events are investigated by the committee and ban 5 years', () => {
    const result = sut(linxia, { kind: 'severe_operating_loss', date: '2026-01-01', awardDate: '2024-01-10' });

    expect(kinds(result)).toEqual([
      'ban',
      'investigation',
      'needs_approval',
      'publish',
      'recover_certificate_and_plaque',
      'revoke',
    ]);
    expect(result.consequences.find((c) => c.kind === 'investigation')?.by?.zh).toBe('评委会');
  });

  it('an event the regulation does not name: none, the office decides', () => {
    const result = sut(xinzhouDistrict, { kind: 'title_misuse', date: '2024-05-01', awardDate: '2024-03-15' });

    expect(result).toMatchObject({ outcome: 'none', rules: [] });
    expect(result.reason.en).toContain('office decides');
  });
});
