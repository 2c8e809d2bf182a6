import { declaredFactsSchema } from '@laurel/contracts';
import { loadLaunchPolicy, type Policy } from '@laurel/policy';
import type { ApplicantRow } from '../applicant/applicant.repository';
import { ApplicationEligibility } from './application-eligibility.service';

/**
 * An individual's employer's record (所在组织近3年无重大事故): the applicant declares the employer's incidents with its
 * facts, and the eligibility check passes them to the policy's rule on the employer.
 */
describe("eligibility on an individual applicant's employer", () => {
  const policy: Policy = structuredClone(loadLaunchPolicy('xinzhou-city'));
  policy.eligibility.push({
    id: 'employer-no-major-accidents',
    kind: 'no_incidents',
    subject: 'employer',
    appliesTo: ['individual'],
    incidents: ['accident'],
    accidents: [{ areas: null, atLeast: 'major', basis: '申报通知' }],
    lookbackYears: 3,
    description: { zh: '所在组织近3年无重大事故', en: 'The employer had no major accident in 3 years' },
    basis: '申报通知',
  });
  const clock = { now: () => new Date('2026-06-01T02:00:00Z') };
  const sut = new ApplicationEligibility(null as never, null as never, null as never, null as never, clock as never);
  const person = {
    kind: 'individual',
    legalForm: null,
    organisationType: null,
    fourNewField: null,
    yearsInQualityWork: 10,
  };

  it("fails on the employer's major accident declared with the facts, citing the basis", () => {
    const declared = declaredFactsSchema.parse({
      employerIncidents: [{ kind: 'accident', date: '2025-03-01', severity: 'major', area: 'safety' }],
    });

    const result = sut.evaluate(policy, person as unknown as ApplicantRow, declared, {});

    expect(result.findings.find((f) => f.ruleId === 'employer-no-major-accidents')).toMatchObject({
      outcome: 'fail',
      basis: '申报通知',
    });
  });

  it("asks for the employer's record when it is not declared", () => {
    const result = sut.evaluate(policy, person as unknown as ApplicantRow, {}, {});

    expect(result.findings.find((f) => f.ruleId === 'employer-no-major-accidents')?.outcome).toBe('missing');
  });
});
