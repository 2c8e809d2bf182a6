import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkQuota } from './check-quota.util';
import { checkReapplication } from './check-reapplication.util';
import { computeEntitlement } from './compute-entitlement.util';
import { evaluateConsequences } from './evaluate-consequences.util';
import { evaluateEligibility } from './evaluate-eligibility.util';
import { explainPolicy } from './explain-policy.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import { scheduleObligations } from './schedule-obligations.util';
import { summarizePolicy } from './summarize-policy.util';

/**
 * A sixth, made-up jurisdiction (某某市市长质量奖) onboarded with a policy document alone: calendar-day
 * notices, an in-principle nomination quota, money for organisations and individuals, bans in cycles.
 */

const fixture = join(__dirname, '..', 'test-fixtures', 'sixth-jurisdiction.json');

function loadSixth(): Policy {
  const result = parsePolicy(JSON.parse(readFileSync(fixture, 'utf8')));
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.path}: ${problem.reason}`).join('\n'));
  return result.policy;
}

describe('a sixth jurisdiction, from its policy document alone', () => {
  const sut = loadSixth();

  it('validates', () => {
    expect(sut.key).toBe('moumou-city');
  });

  it('summarises with calendar-day notices', () => {
    const summary = summarizePolicy(sut);

    expect(summary.cycleYears).toBe(2);
    expect(summary.notices.map(({ stage, count, unit }) => [stage, count, unit])).toEqual([
      ['internal_publicity', 7, 'calendar_days'],
      ['acceptance', 10, 'calendar_days'],
      ['proposed_winners', 15, 'calendar_days'],
    ]);
    expect(summary.tiers.map(({ tier, quota, moneyFen }) => [tier, quota, moneyFen])).toEqual([
      ['award', 4, { organisation: 30_000_000, individual: 5_000_000 }],
      ['nomination', 6, { organisation: 5_000_000, individual: 1_000_000 }],
    ]);
    expect(summary.objectionExamination).toMatchObject({ count: 10, unit: 'working_days', basis: '第十七条' });
  });

  it('evaluates eligibility, including the 四新 reduction and an unadmitted legal form', () => {
    const facts = {
      kind: 'organisation' as const,
      legalForm: 'legal_person' as const,
      organisationType: 'enterprise' as const,
      registeredInJurisdiction: true,
      yearsOperating: 3,
      inFourNewField: true,
      incidents: [{ kind: 'major_accident' as const, date: '2022-01-01' }],
      lossYears: [2022],
      decisions: { leading: { outcome: 'pass' as const, decidedBy: 'office', decidedAt: '2025-05-01', reason: 'ok' } },
    };

    expect(evaluateEligibility(sut, facts, { asOf: '2025-06-01' }).outcome).toBe('pass');
    expect(evaluateEligibility(sut, { ...facts, inFourNewField: false }, { asOf: '2025-06-01' }).outcome).toBe('fail');
    expect(evaluateEligibility(sut, { ...facts, legalForm: 'internal_unit' }, { asOf: '2025-06-01' }).outcome).toBe(
      'fail',
    );
    expect(evaluateEligibility(sut, { ...facts, lossYears: [2024] }, { asOf: '2025-06-01' }).findings).toContainEqual(
      expect.objectContaining({ ruleId: 'no-losses', outcome: 'fail', basis: '第五条（三）' }),
    );
  });

  it('checks quotas: hard for the award, in principle for the nomination', () => {
    expect(checkQuota(sut, 'award', 5).outcome).toBe('exceeds_hard_limit');
    expect(checkQuota(sut, 'nomination', 7)).toMatchObject({
      outcome: 'exceeds_in_principle',
      requiresRecordedReason: true,
    });
  });

  it('counts bans and waiting periods in cycles of 2 years', () => {
    // fraud found in 2026: 4 cycles from the year of revocation → allowed from 2034
    const fraud = evaluateConsequences(sut, { kind: 'fraud_or_bribery', date: '2026-04-01', awardDate: '2025-12-01' });
    const ban = fraud.consequences.find((consequence) => consequence.kind === 'ban')?.ban;
    expect(ban).toMatchObject({ unit: 'cycles', count: 4, startYear: 2026, allowedFromYear: 2034 });
    expect(fraud.consequences.map((consequence) => consequence.kind)).toEqual(
      expect.arrayContaining(['revoke', 'clawback', 'credit_record', 'needs_approval']),
    );

    const bans = [{ startYear: 2026, length: { unit: 'cycles' as const, count: 4 }, basis: '第二十六条' }];
    expect(checkReapplication(sut, { bans }, { number: 5, year: 2033 })).toMatchObject({
      outcome: 'refused',
      allowedFrom: { cycle: 6, year: 2035 },
    });
    expect(
      checkReapplication(sut, { awards: [{ tier: 'award', cycle: 1, year: 2025 }] }, { number: 3, year: 2029 }).outcome,
    ).toBe('refused');
    expect(
      checkReapplication(sut, { awards: [{ tier: 'award', cycle: 1, year: 2025 }] }, { number: 4, year: 2031 }).outcome,
    ).toBe('allowed');
  });

  it('applies the post-award rule to the award tier only, within 2 years', () => {
    expect(
      evaluateConsequences(sut, { kind: 'major_accident', date: '2027-01-01', awardDate: '2025-12-01', tier: 'award' })
        .outcome,
    ).toBe('consequences');
    expect(
      evaluateConsequences(sut, {
        kind: 'major_accident',
        date: '2027-01-01',
        awardDate: '2025-12-01',
        tier: 'nomination',
      }).outcome,
    ).toBe('none');
    expect(
      evaluateConsequences(sut, { kind: 'major_accident', date: '2027-12-02', awardDate: '2025-12-01', tier: 'award' })
        .outcome,
    ).toBe('none');
  });

  it('schedules its reports', () => {
    const schedule = scheduleObligations(sut, {
      awardDate: '2025-12-01',
      tier: 'award',
      applicantKind: 'organisation',
    });

    expect(schedule.reports.map((report) => [report.key, report.dueDate])).toEqual([
      ['annual-report', '2026-03-31'],
      ['annual-report', '2027-03-31'],
      ['prize-use-report', '2026-12-31'],
      ['prize-use-report', '2027-12-31'],
    ]);
  });

  it('pays individuals their own amount', () => {
    expect(computeEntitlement(sut, { tier: 'award', applicantKind: 'individual', previousWins: 0 })).toMatchObject({
      fen: 5_000_000,
      basis: '第二十条',
    });
  });

  it('leaves the individual’s nomination prize to a decision within its cap, the organisation’s exact (第二十条)', () => {
    expect(computeEntitlement(sut, { tier: 'nomination', applicantKind: 'individual', previousWins: 0 })).toMatchObject(
      { fen: null, capFen: 1_000_000, basis: '第二十条' },
    );
    expect(
      computeEntitlement(sut, { tier: 'nomination', applicantKind: 'organisation', previousWins: 0 }),
    ).toMatchObject({ fen: 5_000_000, basis: '第二十条' });
  });

  it('explains itself', () => {
    const text = explainPolicy(sut);

    expect(text).toContain('某某市市长质量奖');
    expect(text).toContain('不少于7天 / at least 7 calendar days');
    expect(text).toContain('¥300,000.00');
  });
});
