import { detectConflicts } from './detect-conflicts.util';

const APPLICANT = '91110000600037341L';
const OTHER = '91650000MA77XXXX01';
const PARENT = '91110000100000000A';
const options = { policyKey: 'ili', today: '2026-12-07', pastEmployerWindowYears: 3 };

describe('detectConflicts (回避, ili 第三十一条)', () => {
  it('flags the applicant being the expert’s employer, citing the tenant’s article', () => {
    expect(
      detectConflicts({ currentEmployer: { creditCode: APPLICANT.toLowerCase() } }, { creditCode: APPLICANT }, options),
    ).toEqual([{ kind: 'applicant_is_employer', evidence: APPLICANT, basis: 'ili 第三十一条' }]);
  });

  it('flags an individual applicant working for the expert’s employer', () => {
    expect(
      detectConflicts(
        { currentEmployer: { creditCode: OTHER } },
        { creditCode: null, employerCreditCode: OTHER },
        options,
      ),
    ).toEqual([expect.objectContaining({ kind: 'same_current_employer', evidence: OTHER })]);
  });

  it('flags a past employer only within the office’s window', () => {
    const left = (to: string) => ({ pastEmployers: [{ creditCode: APPLICANT, from: '2010-01-01', to }] });
    expect(detectConflicts(left('2024-06-30'), { creditCode: APPLICANT }, options).map((f) => f.kind)).toEqual([
      'recent_past_employer',
    ]);
    expect(detectConflicts(left('2023-12-06'), { creditCode: APPLICANT }, options)).toEqual([]);
    expect(
      detectConflicts(left('2023-12-06'), { creditCode: APPLICANT }, { ...options, pastEmployerWindowYears: 5 }),
    ).toHaveLength(1);
  });

  it('flags consultancy, shareholding, declared relations and one group', () => {
    const found = detectConflicts(
      {
        currentEmployer: { creditCode: OTHER, parentCreditCode: PARENT },
        engagements: [{ creditCode: APPLICANT, kind: 'coaching', from: '2025-01-01' }],
        shareholdings: [{ creditCode: APPLICANT }],
        declaredRelations: [{ creditCode: APPLICANT, relation: '配偶任该公司总经理' }],
      },
      { creditCode: APPLICANT, parentCreditCode: PARENT },
      { ...options, policyKey: 'linxia' },
    );
    expect(found.map((f) => f.kind).sort()).toEqual(['consultancy', 'declared', 'same_group', 'shareholding']);
    expect(new Set(found.map((f) => f.basis))).toEqual(new Set(['linxia 第四十条']));
  });

  it('flags an e-mail domain only outside webmail', () => {
    expect(
      detectConflicts({ email: 'wang@acme.com.cn' }, { creditCode: null, emailDomain: 'ACME.com.cn' }, options),
    ).toEqual([expect.objectContaining({ kind: 'same_email_domain', evidence: 'acme.com.cn' })]);
    for (const webmail of ['qq.com', '163.com', '126.com', 'sina.com', 'gmail.com', 'outlook.com']) {
      expect(detectConflicts({ email: `a@${webmail}` }, { creditCode: null, emailDomain: webmail }, options)).toEqual(
        [],
      );
    }
  });

  it('finds nothing for an unrelated applicant, and cites a recorded decision where the text is silent', () => {
    expect(detectConflicts({ currentEmployer: { creditCode: OTHER } }, { creditCode: APPLICANT }, options)).toEqual([]);
    const [finding] = detectConflicts(
      { currentEmployer: { creditCode: APPLICANT } },
      { creditCode: APPLICANT },
      { ...options, policyKey: 'xinzhou-district' },
    );
    expect(finding?.basis).toMatch(/xinzhou-district/);
  });
});
