import { anIndividual } from '@laurel/testing';
import type { Json } from '../src';
import { type RehearsedCycle, rehearse } from './full-cycle.util';

/**
 * A whole ili cycle through the gateway and every service on the rehearsal clock, driven by the same driver as
 * `npm run rehearse`: organisations only (第六条); internal publicity (第十条), the recommender's notice and the
 * acceptance notice; defence and on-site review (第十四条, 第十五条); the member units' vote (第十六条) under the
 * quorum and majority the office recorded, the leading group's deliberation (第十七条) and the proposed winners'
 * notice of 5 working days; the government's approval; fraud: revoked, certificate and plaque recovered, a 10-year ban
 * and the credit record (第二十八条第二款); the banned winner refused in the next cycle with the article.
 */
describe('a whole ili cycle, rehearsed', () => {
  let cycle: RehearsedCycle;
  const basis = 'ili 第二十八条第二款';

  beforeAll(async () => {
    cycle = await rehearse('ili');
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('intake: three organisations through internal publicity, the recommender’s notice and the acceptance notice', () => {
    expect(cycle.steps('application started').every((s) => s.result.endsWith('(organisation)'))).toBe(true);
    const publicity = cycle.steps('internal publicity');
    expect(publicity.map((p) => p.basis)).toEqual(['ili 第十条', 'ili 第十条', 'ili 第十条']);
    expect(cycle.steps('no-state-secret statement')).toHaveLength(3);
    expect(cycle.steps('recommended by the department').map((s) => s.result.split(': ')[1])).toEqual([
      'recommendation_notice',
      'recommendation_notice',
      'recommendation_notice',
    ]);
    expect(cycle.steps('acceptance list noticed')).toHaveLength(1);
    // Accepted only once the acceptance notice is over, later than it was published.
    const noticed = cycle.step('acceptance list noticed').at;
    expect(cycle.steps('accepted').every((s) => s.at > noticed)).toBe(true);
  });

  it('defence and on-site review in the policy’s order, then the member units’ vote under recorded rules', () => {
    const order = cycle.context.steps.map((s) => s.step);
    expect(order.indexOf('陈述答辩: opened')).toBeLessThan(order.indexOf('现场评审: opened'));
    expect(order.indexOf('现场评审: closed')).toBeLessThan(order.indexOf('vote created'));
    expect(cycle.step('陈述答辩: opened').basis).toBe('ili 第十四条');
    expect(cycle.step('现场评审: opened').basis).toBe('ili 第十五条');
    expect(cycle.steps('member unit recorded')).toHaveLength(3);
    const tally = cycle.step('vote tallied');
    expect(tally.basis).toMatch(/^ili 第十六条; 法定人数与多数规则：办公室决定/);
    expect(tally.detail).toMatchObject({ status: 'tallied', cast: 3, tiers: ['award', 'award', 'nomination'] });
  });

  it('the office’s composite report (第十六条): each organisation assessed with its reason, the list the vote’s slate', () => {
    const assessed = cycle.steps('composite assessment recorded by the office');
    expect(assessed.map((s) => [s.basis, s.detail.outcome])).toEqual(Array(3).fill(['ili 第十六条', 'recommended']));
    expect(assessed.every((s) => String(s.detail.reason).startsWith('办法未规定综合评审的标准'))).toBe(true);
    expect(cycle.step('composite formed')).toMatchObject({
      basis: 'ili 第十六条',
      result: '3 assessed, 3 recommended',
      detail: { method: 'assessed', pending: [] },
    });
    expect(cycle.step('composite report')).toMatchObject({
      result: 'downloaded',
      detail: { status: 200, pdfStatus: 200, names: cycle.context.applicants.map((a) => a.n) },
    });
    const slate = cycle.step('vote slate recorded');
    expect(slate.detail).toMatchObject({ source: 'ranking', basis: 'ili 第十六条' });
    // The slate is the composite's list, in the order accepted (the text ranks nothing).
    expect([...(slate.detail.candidates as string[])].sort()).toEqual(
      cycle.context.applicants.map((a) => a.applicationId).sort(),
    );
    expect(slate.detail.candidates).toEqual(cycle.step('composite formed').detail.recommended);
    const order = cycle.context.steps.map((s) => s.step);
    expect(order.indexOf('现场评审: closed')).toBeLessThan(order.indexOf('composite formed'));
    expect(order.indexOf('composite report')).toBeLessThan(order.indexOf('vote slate recorded'));
    expect(cycle.context.steps.filter((s) => s.detail.notDriven)).toEqual([]);
  });

  it('the leading group deliberates on the vote’s result; the proposed winners are noticed 5 working days', () => {
    expect(cycle.step('deliberation by 领导小组').basis).toBe('ili 第十七条');
    expect(cycle.step('candidate list published').basis).toBe('ili 第十六条; ili 第十七条');
    const notice = cycle.step('notice: 获奖建议名单');
    expect(notice).toMatchObject({ basis: 'ili 第十七条', detail: { count: 5, unit: 'working_days' } });
    expect(cycle.step('approval recorded').at > `${notice.detail.lastDay}T16:00:00.000Z`).toBe(true);
  });

  it('the approval grants the titles with certificates; the regulation states no prize amount, finance records none', () => {
    expect(cycle.step('approval recorded').result).toContain('award 2/5, nomination 1/8');
    expect(cycle.steps('title granted').map((t) => t.detail.tier)).toEqual(['award', 'award', 'nomination']);
    expect(cycle.steps('certificate issued')).toHaveLength(3);
    expect(cycle.steps('entitlement').map((e) => e.detail.status)).toEqual([
      'amount_undecided',
      'amount_undecided',
      'amount_undecided',
    ]);
    // The amount left open is decided by finance with its reason (ADR 0033): the rehearsal invents no prize.
    const decided = cycle.steps('amount decided');
    expect(decided.map((d) => [d.detail.amountFen, d.detail.status])).toEqual(Array(3).fill([0, 'obligated']));
    expect(decided.every((d) => String(d.detail.reason).startsWith('办法未规定奖金数额'))).toBe(true);
    expect(cycle.steps('instalment 1 paid')).toHaveLength(0);
  });

  it('fraud: revoked, certificate and plaque recovered, a 10-year ban, the credit record, published (第二十八条第二款)', async () => {
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => `${c.detail.kind}:${c.basis}`)).toEqual([
      `revoke:${basis}`,
      `recover_certificate_and_plaque:${basis}`,
      `ban:${basis}`,
      `credit_record:${basis}`,
      `publish:${basis}`,
    ]);
    expect(consequences[2]?.detail.detail).toEqual({
      unit: 'years',
      count: 10,
      startYear: 2026,
      allowedFromYear: 2036,
    });
    expect(consequences[3]?.detail.detail).toMatchObject({ system: '国家企业信用信息公示系统（新疆）' });
    expect(cycle.steps('clawback case opened')).toHaveLength(0);
    const winner = cycle.context.applicants[0];
    const record = await cycle.client.expect(200, 'GET', '/public/ili/credit-record');
    expect(JSON.stringify(record)).toContain(winner?.name as string);
    expect(JSON.stringify(record)).toContain(basis);
  });

  it('the banned winner is refused in the next cycle with the article; an individual is not admitted at all', async () => {
    expect(cycle.step('ban recorded').result).toContain('allowed from 2036');
    expect(cycle.step('banned applicant applies again')).toMatchObject({
      basis,
      detail: { status: 422, allowedFrom: expect.objectContaining({ year: 2036 }) },
    });
    const office = cycle.context.token('office');
    const person = await cycle.client.call('POST', '/tenants/ili/applicants', {
      token: office,
      body: anIndividual('ili', 589),
    });
    const refused =
      person.status === 201
        ? await cycle.client.call('POST', '/tenants/ili/applications', {
            token: office,
            body: { applicantId: person.body.id, cycleNumber: 2, facts: { registeredInJurisdiction: true } },
          })
        : person;
    expect(refused.status).toBe(422);
    expect(String((refused.body as Json).basis)).toMatch(/^ili 第/);
  });
});
