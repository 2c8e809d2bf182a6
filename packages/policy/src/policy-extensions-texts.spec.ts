import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReapplication } from './check-reapplication.util';
import { computeEntitlement } from './compute-entitlement.util';
import { evaluateConsequences } from './evaluate-consequences.util';
import { evaluateEligibility } from './evaluate-eligibility.util';
import { explainPolicy } from './explain-policy.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import { isBasis } from './policy-basics.schema';
import { loadLaunchPolicy } from './policy-loader.service';
import { runPolicyCli } from './run-policy-cli.util';

/** Employer conditions, citations of implementing documents, month-only dates, untranscribed parts, 原则上, the CLI. */

const raw = readFileSync(join(__dirname, '..', 'test-fixtures', 'sixth-jurisdiction.json'), 'utf8');
const sixth = JSON.parse(raw);

// biome-ignore lint/suspicious/noExplicitAny: a raw document edited in place
type Doc = any;

function parse(edit: (doc: Doc) => void): ReturnType<typeof parsePolicy> {
  const doc = structuredClone(sixth);
  edit(doc);
  return parsePolicy(doc);
}

function variant(edit: (doc: Doc) => void): Policy {
  const result = parse(edit);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.policy;
}

describe("conditions on an individual applicant's employer", () => {
  const sut = variant((doc) => {
    doc.eligibility = [
      {
        id: 'employer-no-major-accidents',
        kind: 'no_incidents',
        subject: 'employer',
        appliesTo: ['individual'],
        incidents: ['accident'],
        accidents: [{ areas: null, atLeast: 'major', basis: '第六条（三）' }],
        lookbackYears: 3,
        description: { zh: '所在组织近3年无重大事故', en: 'The employer had no major accident in 3 years' },
        basis: '第六条（三）',
      },
    ];
  });
  const person = { kind: 'individual' as const, decisions: {} };
  const employerRule = (f: { ruleId: string }) => f.ruleId === 'employer-no-major-accidents';

  it("fails on the employer's major accident within 3 years, not on the applicant's own record", () => {
    const accident = {
      kind: 'accident' as const,
      date: '2024-02-01',
      severity: 'major' as const,
      area: 'safety' as const,
    };

    expect(
      evaluateEligibility(sut, { ...person, employerIncidents: [accident] }, { asOf: '2025-06-01' }).findings.find(
        employerRule,
      ),
    ).toMatchObject({ outcome: 'fail', basis: '第六条（三）' });
    expect(
      evaluateEligibility(sut, { ...person, incidents: [accident], employerIncidents: [] }, { asOf: '2025-06-01' })
        .outcome,
    ).toBe('pass');
  });

  it("asks for the employer's record when it is missing", () => {
    expect(
      evaluateEligibility(sut, { ...person, incidents: [] }, { asOf: '2025-06-01' }).findings.find(employerRule),
    ).toMatchObject({
      outcome: 'missing',
      missingFacts: ['employerIncidents'],
    });
  });

  it('applies to individuals only', () => {
    const result = parse((doc) => {
      doc.eligibility[2].subject = 'employer';
    });

    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['eligibility[2].appliesTo']);
  });
});

describe('citations and dates', () => {
  it('accepts implementing documents as well as articles', () => {
    expect(isBasis('申报通知')).toBe(true);
    expect(isBasis('评价标准（另行制定）')).toBe(true);
    expect(isBasis('实施细则第五条')).toBe(true);
    expect(isBasis('《某某市市长质量奖实施细则》第五条; 第九条')).toBe(true);
    expect(isBasis('第九条')).toBe(true);
    expect(isBasis('the notice')).toBe(false);
    expect(isBasis('《》')).toBe(false);
  });

  it('accepts an issue month where the text gives no day, and a month-only in-force date with its reading', () => {
    const sut = variant((doc) => {
      doc.regulation.issued = '2025-03';
      doc.regulation.inForce = {
        ...doc.regulation.inForce,
        textGives: 'month',
        note: '"自2025年4月起施行": read as 2025-04-01',
      };
    });

    expect(explainPolicy(sut)).toContain('印发 Issued: 2025-03');
    expect(explainPolicy(sut)).toContain('原文只写月份');
  });

  it('asks for the reading of a month-only date, and refuses a partial in-force date', () => {
    const noReading = parse((doc) => {
      doc.regulation.inForce = { ...doc.regulation.inForce, textGives: 'month', note: undefined };
    });
    const partial = parse((doc) => {
      doc.regulation.inForce.date = '2025-04';
    });

    expect(noReading.ok ? [] : noReading.problems.map((p) => p.path)).toEqual(['regulation.inForce.note']);
    expect(partial.ok ? [] : partial.problems.map((p) => p.reason)).toContain(
      'a full ISO date YYYY-MM-DD (e.g. "2025-04-01")',
    );
  });
});

describe('a rule not yet transcribed, apart from a silent text', () => {
  const sut = variant((doc) => {
    doc.consequences = [];
    doc.tiers[1].money = {
      form: 'unspecified',
      fen: { organisation: null, individual: null },
      repeatWinner: null,
      basis: null,
    };
    doc.untranscribed = [
      { section: 'consequences', basis: '第二十五条; 第二十六条', note: 'next step' },
      { section: 'tiers.money' },
    ];
  });

  it('says "not yet transcribed", never "the text says nothing"', () => {
    const text = explainPolicy(sut);

    expect(text).toContain('后果 Consequences:\n  - 尚未录入 / not yet transcribed（第二十五条; 第二十六条）');
    expect(text).not.toContain('未规定 / none stated');
    expect(text).not.toContain('未规定金额');
    expect(text).toContain('  - consequences（第二十五条; 第二十六条）: next step');
  });

  it('leaves what the evaluators cannot know to the office, flagged as untranscribed', () => {
    const consequences = evaluateConsequences(sut, { kind: 'fraud_or_bribery', date: '2026-01-01' });
    const money = computeEntitlement(sut, { tier: 'nomination', applicantKind: 'organisation', previousWins: 0 });

    expect(consequences).toMatchObject({ outcome: 'none', untranscribed: true });
    expect(consequences.reason.zh).toContain('尚未录入');
    expect(money.reason.zh).toContain('尚未录入');
  });

  it('keeps the launch policies free of it: a silent text stays silent', () => {
    expect(
      evaluateConsequences(loadLaunchPolicy('ili'), { kind: 'title_misuse', date: '2026-01-01' }).untranscribed,
    ).toBeUndefined();
  });
});

describe('原则上 beyond quotas', () => {
  const sut = variant((doc) => {
    doc.cycle.inPrinciple = true;
    doc.procedure.notices[2].period.inPrinciple = true;
    doc.tiers[0].reapplication.inPrinciple = true;
  });

  it('turns a waiting period in principle into a decision, not a refusal', () => {
    const result = checkReapplication(
      sut,
      { awards: [{ tier: 'award', cycle: 1, year: 2025 }] },
      { number: 2, year: 2027 },
    );

    expect(result.outcome).toBe('needs_decision');
    expect(result.findings[0]?.reason.zh).toContain('原则上');
  });

  it('explains each', () => {
    const text = explainPolicy(sut);

    expect(text).toContain('原则上每2年一届');
    expect(text).toContain('原则上15天');
    expect(text).toContain('原则上不得再次申报');
  });
});

describe('the CLI', () => {
  function io(files: Record<string, string>) {
    const out: string[] = [];
    const err: string[] = [];
    const fake = {
      out: (text: string) => out.push(text),
      err: (text: string) => err.push(text),
      readFile: (path: string) => {
        const content = files[path];
        if (content === undefined) throw new Error(`ENOENT: ${path}`);
        return content;
      },
      loadLaunchPolicy,
      resolvePath: (path: string) => `/caller/${path}`,
    };
    return { out, err, fake };
  }

  it('names the expected form with each problem', () => {
    const doc = structuredClone(sixth);
    doc.tiers[0].money.fen.organisation = 3.5;
    doc.tiers[0].basis = 'article 4';
    doc.regulation.issued = '1 March 2025';
    delete doc.tiers[0].validity;
    const run = io({ '/caller/p.json': JSON.stringify(doc) });

    expect(runPolicyCli(['validate', 'p.json'], run.fake)).toBe(1);
    const text = run.err.join('');
    expect(text).toContain('integer fen: 1 yuan = 100 fen, e.g. 20万元 → 20000000');
    expect(text).toContain('"申报通知"');
    expect(text).toContain('YYYY-MM where the text gives no day');
    expect(text).toContain('tiers[0].validity: required');
    expect(text).toContain('null: the title has no validity period');
  });

  it('warns when an amount looks like yuan', () => {
    const doc = structuredClone(sixth);
    doc.tiers[0].money.fen.organisation = 300000;
    const run = io({ '/caller/p.json': JSON.stringify(doc) });

    expect(runPolicyCli(['validate', 'p.json'], run.fake)).toBe(0);
    expect(run.err.join('')).toContain('warning tiers[0].money.fen.organisation: 300000 fen is only ¥3,000.00');
  });

  it('explains a file as readily as a key, with the notes and readings recorded', () => {
    const doc = structuredClone(sixth);
    doc.notes = ['"市质量强市办" read as the office'];
    doc.tiers[0].quota.note = '"宁缺毋滥"';
    const run = io({ '/caller/p.json': JSON.stringify(doc) });

    expect(runPolicyCli(['explain', 'p.json'], run.fake)).toBe(0);
    const text = run.out.join('');
    expect(text).toContain('说明与读法 Notes and readings:\n  - A made-up jurisdiction');
    expect(text).toContain('  - "市质量强市办" read as the office');
    expect(text).toContain('      注 Note: "宁缺毋滥"');
  });
});
