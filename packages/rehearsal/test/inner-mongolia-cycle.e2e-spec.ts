import type { Json } from '../src';
import { type RehearsedCycle, rehearse } from './full-cycle.util';

/**
 * A whole inner-mongolia cycle through the gateway and every service on the rehearsal clock, driven by the same driver
 * as `npm run rehearse`: material review scored by experts and cut by the office (第十四条（一）), on-site and defence
 * scored; the office proposes the candidates, noticed for a period the office sets where the text gives none
 * (第十五条); the leading group deliberates and the proposed winners are noticed; the government approves; the prize
 * (第十八条) obligated in the next budget year, once per winner, paid in instalments; its use reported by the winner
 * by the purposes of 第十九条, accepted by finance, the performance evaluation recorded (the duty submitted); three
 * annual reports planned;
 * fraud: revoked, certificate and plaque recovered, the prize clawed back and recovered, a 5-year ban (第二十三条); the
 * banned winner refused in the next cycle with the article.
 */
describe('a whole inner-mongolia cycle, rehearsed', () => {
  let cycle: RehearsedCycle;
  const basis = 'inner-mongolia 第二十三条';

  beforeAll(async () => {
    cycle = await rehearse('inner-mongolia');
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('the material review is scored and cut: the lowest stops there; the others are scored on site and in defence', () => {
    expect(cycle.step('材料评审: scored').result).toBe('9 sheets submitted; 3 ranked');
    const cut = cycle.step('材料评审: cut');
    expect(cut).toMatchObject({ basis: 'inner-mongolia 第十四条（一）', result: '2 go on, 1 stop' });
    const last = cycle.context.applicants[2];
    expect(cut.detail.stops).toEqual([last?.applicationId]);
    expect(last?.stopped).toBe(true);
    expect(cycle.step('现场评审: opened').result).toBe('2 entrants');
    expect(cycle.step('陈述答辩: opened').result).toBe('2 entrants');
  });

  it('the candidates are noticed for the office’s period, the proposed winners for the text’s', () => {
    expect(cycle.step('notice: 综合评分及拟授奖候选名单').detail).toMatchObject({ count: 7, unit: 'calendar_days' });
    expect(cycle.step('notice: 拟授奖名单公示').detail).toMatchObject({ count: 7, unit: 'working_days' });
    expect(cycle.step('approval recorded').basis).toBe('inner-mongolia 第十七条');
  });

  it('the prize is obligated in the next budget year, once per winner, and paid; three annual reports are planned', async () => {
    const entitlements = cycle.steps('entitlement');
    expect(entitlements.map((e) => [e.detail.amountFen, e.detail.budgetYear, e.basis])).toEqual([
      [100_000_000, 2027, '第十八条'],
      [100_000_000, 2027, '第十八条'],
    ]);
    const finance = cycle.context.token('finance');
    const all = (
      await cycle.client.expect(200, 'GET', '/tenants/inner-mongolia/funds/entitlements', { token: finance })
    ).entitlements as Json[];
    expect(all).toHaveLength(2);
    const duties = cycle.steps('duties planned')[0]?.detail.duties as { key: string; kind: string; basis: string }[];
    const reports = duties.filter((d) => d.key === 'performance-report');
    expect(reports.map((d) => [d.kind, d.basis])).toEqual(Array(3).fill(['annual_report', '第二十七条']));
  });

  it('restricted use (第十九条): each winner reports by the article’s purposes, finance accepts, the evaluation is the duty', () => {
    const reported = cycle.steps('use of the money reported by the winner');
    expect(reported.map((r) => [r.basis, r.detail.status, r.detail.totalFen])).toEqual([
      ['第十九条', 'submitted', 100_000_000],
      ['第十九条', 'submitted', 100_000_000],
    ]);
    expect(cycle.steps('use report accepted by finance').map((a) => a.detail.status)).toEqual(['accepted', 'accepted']);
    expect(cycle.steps('performance evaluation recorded').map((e) => e.basis)).toEqual(['第十九条', '第十九条']);
    expect(cycle.steps('duty: requested evaluation').map((d) => [d.basis, d.detail.status])).toEqual([
      ['第十九条', 'submitted'],
      ['第十九条', 'submitted'],
    ]);
  });

  it('fraud: revoked, clawed back and recovered, a 5-year ban; refused in the next cycle with the article', () => {
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => `${c.detail.kind}:${c.basis}`)).toEqual([
      `revoke:${basis}`,
      `recover_certificate_and_plaque:${basis}`,
      `clawback:${basis}`,
      `ban:${basis}`,
      `publish:${basis}`,
    ]);
    expect(cycle.step('clawback case opened').detail).toMatchObject({ amountFen: 100_000_000 });
    expect(cycle.step('clawback recovered').detail).toMatchObject({ recoveredFen: 100_000_000, outstandingFen: 0 });
    expect(cycle.step('banned applicant applies again')).toMatchObject({ basis, detail: { status: 422 } });
  });
});
