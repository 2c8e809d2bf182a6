import type { Json } from '../src';
import { type RehearsedCycle, rehearse } from './full-cycle.util';

/**
 * A whole xinzhou-district cycle through the gateway and every service on the rehearsal clock, driven by the same
 * driver as `npm run rehearse`: yearly (第五条); recommended and qualified without notices (第八条, 第十条～第十一条);
 * on-site verification (第十二条); the leading group decides the candidate list (第十四条), noticed 7 calendar days;
 * the district government's approval, titles valid 3 years (award) and 1 year (nomination) (第五条); prizes of
 * 80,000 and 10,000 yuan (第十五条) paid in two instalments; fraud found a month after the award: revoked,
 * certificate and plaque recovered, prize clawed back (only within half a year), 5-year ban, published (第十七条);
 * the banned winner refused in the next year's cycle with the article.
 */
describe('a whole xinzhou-district cycle, rehearsed', () => {
  let cycle: RehearsedCycle;
  const basis = 'xinzhou-district 第十七条';

  beforeAll(async () => {
    cycle = await rehearse('xinzhou-district');
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('intake: three organisations recommended and qualified, accepted without a notice', () => {
    expect(cycle.steps('application started')).toHaveLength(3);
    expect(cycle.steps('internal publicity')).toHaveLength(0);
    expect(cycle.steps('acceptance list noticed')).toHaveLength(0);
    expect(cycle.steps('accepted').map((s) => s.detail.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(cycle.steps('accepted').every((s) => s.at.startsWith('2026-03-02'))).toBe(true);
  });

  it('on-site verification, then the leading group’s deliberation decides the candidate list, noticed 7 calendar days', () => {
    expect(cycle.step('现场查验: opened')).toMatchObject({ basis: 'xinzhou-district 第十二条', result: '3 entrants' });
    expect(cycle.step('现场查验: closed')).toMatchObject({ result: '3 went on', detail: { status: 'closed' } });
    expect(cycle.step('deliberation by 领导小组').basis).toBe('xinzhou-district 第十四条');
    expect(cycle.step('candidate list published')).toMatchObject({ basis: 'xinzhou-district 第十四条' });
    const notice = cycle.step('notice: 领导小组审议确定候选名单并公示');
    expect(notice).toMatchObject({
      basis: 'xinzhou-district 第十四条',
      detail: { count: 7, unit: 'calendar_days', lastDay: '2026-03-09' },
    });
    // The approval comes after the notice's last day.
    expect(cycle.step('approval recorded').at >= '2026-03-09T16:00:00.000Z').toBe(true);
  });

  it('the composite assessment report (第十三条): each organisation assessed by the office, before the leading group decides', () => {
    const assessed = cycle.steps('composite assessment recorded by the office');
    expect(assessed.map((s) => [s.basis, s.detail.outcome])).toEqual(
      Array(3).fill(['xinzhou-district 第十三条', 'recommended']),
    );
    expect(cycle.step('composite formed')).toMatchObject({
      basis: 'xinzhou-district 第十三条',
      result: '3 assessed, 3 recommended',
      detail: { method: 'assessed', pending: [] },
    });
    expect(cycle.step('composite report')).toMatchObject({
      result: 'downloaded',
      detail: { status: 200, pdfStatus: 200, names: cycle.context.applicants.map((a) => a.n) },
    });
    const order = cycle.context.steps.map((s) => s.step);
    expect(order.indexOf('现场查验: closed')).toBeLessThan(order.indexOf('composite formed'));
    expect(order.indexOf('composite report')).toBeLessThan(order.indexOf('deliberation by 领导小组'));
    expect(cycle.context.steps.filter((s) => s.detail.notDriven)).toEqual([]);
  });

  it('the approval grants two awards (3 years) and a nomination (1 year), each with a certificate and no duties', () => {
    expect(cycle.step('approval recorded').result).toContain('award 2/3, nomination 1/5');
    const titles = cycle.steps('title granted');
    expect(titles.map((t) => [t.detail.tier, t.detail.validUntil, t.basis])).toEqual([
      ['award', '2029-03-11', 'xinzhou-district 第五条'],
      ['award', '2029-03-11', 'xinzhou-district 第五条'],
      ['nomination', '2027-03-11', 'xinzhou-district 第五条'],
    ]);
    expect(cycle.steps('certificate issued')).toHaveLength(3);
    expect(cycle.steps('duties planned').map((d) => (d.detail.duties as unknown[]).length)).toEqual([0, 0, 0]);
  });

  it('the prizes (第十五条) are obligated and paid in two instalments each', async () => {
    const entitlements = cycle.steps('entitlement');
    expect(entitlements.map((e) => [e.detail.amountFen, e.detail.status, e.basis]).sort()).toEqual([
      [1_000_000, 'obligated', '第十五条'],
      [8_000_000, 'obligated', '第十五条'],
      [8_000_000, 'obligated', '第十五条'],
    ]);
    const paid = [...cycle.steps('instalment 1 paid'), ...cycle.steps('instalment 2 paid')];
    expect(paid.reduce((sum, s) => sum + (s.detail.amountFen as number), 0)).toBe(17_000_000);
  });

  it('fraud a month after the award: revoked, certificate and plaque recovered, clawed back, 5-year ban, published (第十七条)', () => {
    expect(cycle.step('revocation case opened').detail.ground).toBe('fraud_or_bribery');
    expect(cycle.step('revocation approved').detail.status).toBe('applied');
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => `${c.detail.kind}:${c.basis}`)).toEqual([
      `revoke:${basis}`,
      `recover_certificate_and_plaque:${basis}`,
      `clawback:${basis}`,
      `ban:${basis}`,
      `publish:${basis}`,
    ]);
    expect(consequences[0]?.detail.detail).toMatchObject({ titleStatus: 'revoked' });
    expect(consequences[2]?.detail.detail).toMatchObject({ window: { from: 'award', months: 6 } });
    expect(consequences[3]?.detail.detail).toEqual({ unit: 'years', count: 5, startYear: 2026, allowedFromYear: 2031 });
  });

  it('the whole prize paid is clawed back and recovered; the budget year balances', async () => {
    expect(cycle.step('clawback case opened')).toMatchObject({
      basis,
      detail: { status: 'opened', amountFen: 8_000_000 },
    });
    expect(cycle.step('demand letter').detail.status).toBe('demanded');
    expect(cycle.step('clawback recovered').detail).toMatchObject({ recoveredFen: 8_000_000, outstandingFen: 0 });
    const finance = cycle.context.token('finance');
    const years = (
      await cycle.client.expect(200, 'GET', '/tenants/xinzhou-district/funds/budget-years', { token: finance })
    ).budgetYears as Json[];
    expect(years.find((y) => y.budgetYear === 2026)).toMatchObject({
      obligated: 17_000_000,
      receivable: 0,
      recovered: 8_000_000,
      balanced: true,
    });
  });

  it('the revoked title and the ban stand; the banned winner is refused in the next year’s cycle with the article', async () => {
    const winner = cycle.context.applicants[0];
    const title = await cycle.client.expect(200, 'GET', `/tenants/xinzhou-district/titles/${winner?.titleId}`, {
      token: cycle.context.token('office'),
    });
    expect(title.status).toBe('revoked');
    expect(cycle.step('ban recorded')).toMatchObject({ basis, result: expect.stringContaining('allowed from 2031') });
    expect(cycle.step('cycle 2 opened').at.startsWith('2027-03-02')).toBe(true);
    expect(cycle.step('banned applicant applies again')).toMatchObject({
      basis,
      detail: { status: 422, allowedFrom: expect.objectContaining({ year: 2031 }) },
    });
  });
});
