import { randomUUID } from 'node:crypto';
import { readXlsx } from '@laurel/platform';
import { loadLaunchPolicy } from '@laurel/policy';
import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { titlesOfCycleOne } from './titles.util';

const XZD = '/api/v1/tenants/xinzhou-district';
const FUNDS = `${XZD}/funds`;

/**
 * Prize money as a cap ("不超过"): a policy version whose organisation prize is a cap leaves the winner's entitlement
 * undecided, naming the cap; the amount a body decides is recorded with who, the document and why, refused above the
 * cap, and obligated within it — once.
 */
describe('a capped prize is a recorded decision within the cap (xinzhou-district, policy v2)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  let office: string;
  let finance: string;
  let winner: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-district'], funds: true });
    office = (await sut.addUser('xinzhou-district', 'xzd-office', ['office'])).token;
    finance = (await sut.addUser('xinzhou-district', 'xzd-finance', ['finance'])).token;
    winner = (await sut.addUser('xinzhou-district', 'xzd-winner', ['applicant'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await call('GET', XZD, { token: operator })).id as string;
    const v2 = structuredClone(loadLaunchPolicy('xinzhou-district')) as unknown as Json & {
      tiers: { money: Json }[];
    };
    v2.version = 2;
    for (const tier of v2.tiers) tier.money.amountIs = { organisation: 'cap' };
    ok(await call('PUT', `${XZD}/policy`, { token: operator, body: { policy: v2 } }));
    ok(
      await call('POST', `${XZD}/cycles`, {
        token: office,
        body: { year: 2025, opensOn: '2025-03-01', closesOn: '2025-04-30' },
      }),
      201,
    );
    ok(await call('POST', `${XZD}/cycles/1/close`, { token: office }));
    ok(
      await call('POST', `${FUNDS}/appropriations`, {
        token: finance,
        body: { transferId: randomUUID(), budgetYear: 2025, amountFen: 20_000_000, document: '信财预〔2025〕3号' },
      }),
      201,
    );
    await titlesOfCycleOne(
      sut,
      { key: 'xinzhou-district', id: tenantId, office },
      [{ name: '信州丁精密制造有限公司', code: 4301, account: winner }],
      { approvingBody: '上饶市信州区人民政府', documentNumber: '信府字〔2025〕9号', decidedOn: '2025-06-01' },
    );
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('records the entitlement undecided with its cap, refuses an amount above it, obligates one within it', async () => {
    const entitlement = await eventually(async () => {
      const list = ok(await call('GET', `${FUNDS}/entitlements?budgetYear=2025`, { token: finance }))
        .entitlements as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    expect(entitlement).toMatchObject({
      status: 'amount_undecided',
      amountFen: null,
      capFen: 8_000_000,
      amountDecision: null,
      policyVersion: 2,
    });
    expect((entitlement.reason as Json).zh).toContain('不超过80,000.00元');
    // The winner sees it on its award money, awaiting the decision, with the cap and its article; the list of uses
    // (finance's work list) holds no entitlement whose amount is not decided.
    const useOf = async () => {
      const items = ok(
        await call('GET', `${FUNDS}/use-reports?applicantId=${entitlement.applicantId}`, { token: winner }),
      ).items as Json[];
      expect(items).toHaveLength(1);
      return (items[0] as Json).entitlement as Json;
    };
    expect(await useOf()).toMatchObject({
      id: entitlement.id,
      status: 'amount_undecided',
      amountFen: null,
      capFen: 8_000_000,
      basis: entitlement.basis,
      amountDecision: null,
      paidFen: 0,
    });
    expect(ok(await call('GET', `${FUNDS}/use-reports`, { token: finance })).items).toEqual([]);
    const decide = (amountFen: number) =>
      call('POST', `${FUNDS}/entitlements/${entitlement.id}/amount-decision`, {
        token: office,
        body: {
          amountFen,
          decidedBy: '上饶市信州区人民政府',
          document: '信府字〔2025〕10号',
          reason: '按评审得分确定',
        },
      });

    const above = await decide(8_000_001);
    expect(above.status).toBe(422);
    expect(JSON.stringify(above.body)).toContain('body.amountFen');
    expect(JSON.stringify(above.body)).toContain('超过上限80,000.00元');

    const within = ok(await decide(6_000_000));
    expect(within).toMatchObject({ status: 'obligated', amountFen: 6_000_000, outstandingFen: 6_000_000 });
    expect((within.reason as Json).zh).toContain('上饶市信州区人民政府（信府字〔2025〕10号）决定：60,000.00元');
    expect(within.capFen).toBe(8_000_000);
    expect(within.amountDecision).toMatchObject({
      amountFen: 6_000_000,
      decidedBy: '上饶市信州区人民政府',
      document: '信府字〔2025〕10号',
      reason: '按评审得分确定',
      recordedBy: expect.stringContaining('xzd-office'),
      recordedAt: clock.now().toISOString(),
    });

    expect((await decide(5_000_000)).status).toBe(409);

    // Once decided, the winner sees the amount with the decision that set it (body, document, why, when).
    expect(await useOf()).toMatchObject({
      status: 'obligated',
      amountFen: 6_000_000,
      capFen: 8_000_000,
      amountDecision: {
        amountFen: 6_000_000,
        decidedBy: '上饶市信州区人民政府',
        document: '信府字〔2025〕10号',
        reason: '按评审得分确定',
        recordedAt: clock.now().toISOString(),
      },
    });
    expect(JSON.stringify(await useOf())).not.toContain('xzd-office');

    // Finance's list carries the cap and the decision: the cap, the amount, who decided, the document and why.
    const response = await fetch(`${sut.gateway.url}${FUNDS}/entitlements.xlsx`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(response.status).toBe(200);
    const rows = await readXlsx(Buffer.from(await response.arrayBuffer()));
    const header = rows[0] as string[];
    const line = rows.find((row) => row[0] === within.applicantName) as string[];
    expect(Number(line[header.indexOf('上限（元）')])).toBe(80_000);
    expect(Number(line[header.indexOf('应得金额（元）')])).toBe(60_000);
    expect(line[header.indexOf('金额决定（机关、文号、理由）')]).toBe(
      '上饶市信州区人民政府 信府字〔2025〕10号：按评审得分确定',
    );
  });
});
