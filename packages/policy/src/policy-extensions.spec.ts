import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReapplication } from './check-reapplication.util';
import { checkAwardAmount, computeEntitlement } from './compute-entitlement.util';
import { evaluateConsequences } from './evaluate-consequences.util';
import { evaluateEligibility } from './evaluate-eligibility.util';
import { evaluateWinnerQuotas } from './evaluate-winner-quotas.util';
import { explainPolicy } from './explain-policy.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';

/** The fields issue 17 found missing, on the made-up sixth jurisdiction changed field by field. */

const sixth = JSON.parse(readFileSync(join(__dirname, '..', 'test-fixtures', 'sixth-jurisdiction.json'), 'utf8'));

// biome-ignore lint/suspicious/noExplicitAny: a raw document edited in place
type Doc = any;

function variant(edit: (doc: Doc) => void): Policy {
  const doc = structuredClone(sixth);
  edit(doc);
  const result = parsePolicy(doc);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
  return result.policy;
}

function problems(edit: (doc: Doc) => void): string[] {
  const doc = structuredClone(sixth);
  edit(doc);
  const result = parsePolicy(doc);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.reason}`);
}

describe('separate quotas for organisations and individuals', () => {
  const sut = variant((doc) => {
    doc.tiers[0].quota = {
      max: 4,
      binding: 'hard',
      vacanciesAllowed: true,
      byKind: { organisation: { max: 3 }, individual: { max: 1, binding: 'in_principle' } },
      basis: '第四条',
    };
  });

  it('counts each kind against its own quota', () => {
    const result = evaluateWinnerQuotas(
      sut,
      [
        { tier: 'award', applicantKind: 'organisation' },
        { tier: 'award', applicantKind: 'individual' },
      ],
      [],
    );

    expect(result.problems).toEqual([]);
    expect(result.kinds.map((k) => [k.applicantKind, k.outcome, k.vacancies])).toEqual([
      ['organisation', 'ok', 2],
      ['individual', 'ok', 0],
    ]);
  });

  it('refuses a fourth organisation though the tier has room, and asks a reason for a second individual', () => {
    const four = ['organisation', 'organisation', 'organisation', 'organisation'] as const;
    const refused = evaluateWinnerQuotas(
      sut,
      four.map((applicantKind) => ({ tier: 'award' as const, applicantKind })),
      [],
    );
    const twoPeople = evaluateWinnerQuotas(
      sut,
      [
        { tier: 'award', applicantKind: 'individual' },
        { tier: 'award', applicantKind: 'individual' },
      ],
      [],
    );
    const recorded = evaluateWinnerQuotas(
      sut,
      [
        { tier: 'award', applicantKind: 'individual' },
        { tier: 'award', applicantKind: 'individual' },
      ],
      [{ tier: 'award', applicantKind: 'individual', decidedBy: '市政府', reason: '两人并列' }],
    );

    expect(refused.problems.map((p) => p.field)).toEqual(['winners[0].tier']);
    expect(refused.problems[0]?.reason.zh).toContain('组织拟授4个，名额不超过3个（第四条）');
    expect(twoPeople.problems.map((p) => p.field)).toEqual(['quotaExceedances']);
    expect(recorded.problems).toEqual([]);
    expect(recorded.kinds[1]?.exceedance?.decidedBy).toBe('市政府');
  });

  it('needs the kind of each winner of such a tier', () => {
    expect(evaluateWinnerQuotas(sut, [{ tier: 'award' }], []).problems.map((p) => p.field)).toEqual([
      'winners[0].applicantKind',
    ]);
  });

  it('refuses a kind quota above the tier quota, and one for a kind not admitted', () => {
    expect(
      problems((doc) => {
        doc.tiers[0].quota.byKind = { organisation: { max: 9 } };
      }),
    ).toEqual(["tiers[0].quota.byKind.organisation.max: 9 is above the tier's quota of 4 for all kinds together"]);
  });

  it('explains both quotas', () => {
    expect(explainPolicy(sut)).toContain('组织不超过3个 / organisations at most 3');
    expect(explainPolicy(sut)).toContain('个人原则上1个 / individuals in principle 1');
  });
});

describe('tiers beyond award and nomination', () => {
  it('accepts an excellence tier (优秀奖) with its own quota and money', () => {
    const sut = variant((doc) => {
      doc.tiers.push({
        ...structuredClone(doc.tiers[1]),
        key: 'excellence',
        name: { zh: '质量管理优秀奖', en: 'Excellence' },
      });
    });

    expect(evaluateWinnerQuotas(sut, [{ tier: 'excellence' }], []).problems).toEqual([]);
    expect(computeEntitlement(sut, { tier: 'excellence', applicantKind: 'organisation', previousWins: 0 }).fen).toBe(
      5_000_000,
    );
  });
});

describe('prize money as a cap', () => {
  const sut = variant((doc) => {
    doc.tiers[0].money.amountIs = { individual: 'cap' };
  });

  it('leaves a capped amount to a recorded decision, and keeps exact amounts exact', () => {
    const individual = computeEntitlement(sut, { tier: 'award', applicantKind: 'individual', previousWins: 0 });

    expect(individual).toMatchObject({ fen: null, capFen: 5_000_000, basis: '第二十条' });
    expect(individual.reason.zh).toContain('不超过50,000.00元');
    expect(computeEntitlement(sut, { tier: 'award', applicantKind: 'organisation', previousWins: 0 }).fen).toBe(
      30_000_000,
    );
  });

  it('checks a decided amount against the cap or the exact amount', () => {
    const individual = { tier: 'award' as const, applicantKind: 'individual' as const, previousWins: 0 };
    const organisation = { ...individual, applicantKind: 'organisation' as const };

    expect(checkAwardAmount(sut, individual, 3_000_000).ok).toBe(true);
    expect(checkAwardAmount(sut, individual, 5_000_001).ok).toBe(false);
    expect(checkAwardAmount(sut, organisation, 30_000_000).ok).toBe(true);
    expect(checkAwardAmount(sut, organisation, 20_000_000).ok).toBe(false);
    expect(checkAwardAmount(sut, individual, -1).ok).toBe(false);
  });

  it('needs the cap written in fen', () => {
    expect(
      problems((doc) => {
        doc.tiers[0].money.amountIs = { individual: 'cap' };
        doc.tiers[0].money.fen.individual = null;
      }),
    ).toContain('tiers[0].money.amountIs.individual: a cap needs the amount in `fen` (integer fen), not null');
  });

  it('explains the cap', () => {
    expect(explainPolicy(sut)).toContain('不超过¥50,000.00');
  });
});

describe('permanent bans and consequences short of revocation', () => {
  const sut = variant((doc) => {
    doc.consequences[1].actions.ban = { unit: 'permanent', from: 'revocation_year' };
    doc.consequences[1].actions.stopUsingTitle = true;
    doc.consequences.push({
      id: 're-evaluation',
      events: ['failed_periodic_evaluation'],
      requiresAward: true,
      window: { kind: 'any_time' },
      actions: {
        revoke: false,
        recoverCertificateAndPlaque: false,
        clawback: false,
        ban: null,
        creditRecord: null,
        publish: false,
        approval: null,
        investigation: null,
        summons: { by: { zh: '市质量强市办', en: 'the office' } },
        rectification: {
          by: { zh: '市质量强市办', en: 'the office' },
          within: { unit: 'months', count: 6 },
          failing: 'fraud',
        },
      },
      description: { zh: '复评不合格的，约谈并责令限期整改', en: 'Failed re-evaluation: summons and rectification' },
      basis: '第二十三条',
    });
  });

  it('gives a permanent ban with no year to apply again, longer than any other', () => {
    const result = evaluateConsequences(sut, {
      kind: 'fraud_or_bribery',
      date: '2026-03-01',
      awardDate: '2025-12-01',
      decisionDate: '2026-05-01',
    });
    const ban = result.consequences.find((c) => c.kind === 'ban');

    expect(ban?.ban).toMatchObject({ unit: 'permanent', count: null, startYear: 2026, allowedFromYear: null });
    expect(result.consequences.map((c) => c.kind)).toContain('stop_using_title');
  });

  it('refuses for good after a permanent ban', () => {
    const result = checkReapplication(
      sut,
      { bans: [{ startYear: 2026, length: { unit: 'permanent' }, basis: '第二十六条' }] },
      { number: 9, year: 2040 },
    );

    expect(result).toMatchObject({ outcome: 'refused', allowedFrom: null, permanent: true });
    expect(result.findings[0]?.reason.zh).toBe('自2026年起不再受理其申报');
  });

  it('orders a summons and a rectification after a failed periodic evaluation, without revoking', () => {
    const result = evaluateConsequences(sut, {
      kind: 'failed_periodic_evaluation',
      date: '2027-01-10',
      awardDate: '2025-12-01',
    });

    expect(result.consequences.map((c) => c.kind)).toEqual(['summons', 'rectification_order']);
    expect(result.consequences[1]).toMatchObject({
      within: { unit: 'months', count: 6 },
      failing: 'fraud',
      basis: '第二十三条',
    });
  });

  it('explains them', () => {
    const text = explainPolicy(sut);

    expect(text).toContain('不再受理其申报 permanent ban');
    expect(text).toContain('停止使用称号 stop using the title');
    expect(text).toContain('约谈 summons');
    expect(text).toContain('责令整改 rectification order: 市质量强市办 / the office, 6个月内 / within 6 months');
  });

  it('refuses a rectification whose failing rule does not exist', () => {
    expect(
      problems((doc) => {
        doc.consequences[0].actions.rectification = { by: { zh: '办', en: 'o' }, within: null, failing: 'nope' };
      }),
    ).toEqual(['consequences[0].actions.rectification.failing: no consequence rule "nope"']);
  });
});
