import { randomUUID } from 'node:crypto';
import type { AwardDecisionPayload } from '@laurel/contracts';
import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, type Role, startApplicationsPlatform } from './applications.util';

/**
 * Who sees money, route by route: finance reads and moves it; the office reads every figure, statement and export and
 * moves nothing; every other role of the tenant is refused every funds route (no figure in the answer); another
 * tenant's finance finds nothing (404), and its own ledger is empty; no token, 401.
 */
describe('funds: only finance and the office (reading) see money; another tenant sees nothing', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const api = '/api/v1/tenants/inner-mongolia/funds';
  const tokens: Partial<Record<Role | 'other-finance', string>> = {};
  const winner = { id: randomUUID(), name: '内蒙古丙新能源有限公司' };
  let entitlementId: string;
  const disbursementId = randomUUID();

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['inner-mongolia', 'xinzhou-city'],
      funds: true,
      gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
    });
    const roles: Role[] = [
      'finance',
      'office',
      'applicant',
      'recommender',
      'expert',
      'department',
      'leading_group',
      'supervisor',
    ];
    for (const role of roles) tokens[role] = (await sut.addUser('inner-mongolia', `im-${role}`, [role])).token;
    tokens['other-finance'] = (await sut.addUser('xinzhou-city', 'xc-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await sut.call('GET', '/api/v1/tenants/inner-mongolia', { token: operator })).id as string;

    ok(
      await sut.call('POST', `${api}/appropriations`, {
        token: tokens.finance,
        body: { transferId: randomUUID(), budgetYear: 2027, amountFen: 200_000_000, document: '内财预〔2027〕5号' },
      }),
      201,
    );
    const decision: AwardDecisionPayload = {
      decisionId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 1,
      decidedOn: '2026-12-20',
      winners: [
        {
          applicantId: winner.id,
          applicantKind: 'organisation',
          applicantName: winner.name,
          tier: 'award',
          previousWins: 0,
        },
      ],
      actor: 'office-1',
      at: clock.now().toISOString(),
    };
    await sut.publishAwardDecision(tenantId, decision, {});
    entitlementId = await eventually(
      async () => {
        const list = ok(await sut.call('GET', `${api}/entitlements`, { token: tokens.finance })).entitlements as Json[];
        expect(list).toHaveLength(1);
        return (list[0] as Json).id as string;
      },
      { timeoutMs: 30_000 },
    );
    ok(
      await sut.call('POST', `${api}/entitlements/${entitlementId}/disbursements`, {
        token: tokens.finance,
        body: { transferId: disbursementId, amountFen: 10_000_000, voucher: '付款凭证 2027-0001' },
      }),
      201,
    );
  }, 120_000);
  afterAll(async () => {
    await sut?.close();
  });

  const reads = () => [
    '/budget-years',
    '/budget-years/2027/accounts',
    '/budget-years/2027/trial-balance',
    `/budget-years/2027/statements/${winner.id}`,
    '/appropriations',
    '/entitlements',
    `/entitlements/${entitlementId}`,
    '/clawback-cases',
    '/budget-years/2027/trial-balance.xlsx',
    `/budget-years/2027/statements/${winner.id}/statement.xlsx`,
    '/entitlements.xlsx?budgetYear=2027',
  ];
  const writes = (): [string, Json][] => [
    ['/appropriations', { transferId: randomUUID(), budgetYear: 2027, amountFen: 100, document: '文件' }],
    [
      `/entitlements/${entitlementId}/disbursements`,
      { transferId: randomUUID(), amountFen: 100, voucher: '付款凭证 X' },
    ],
    [`/disbursements/${disbursementId}/confirm`, { transferId: randomUUID(), treasuryReference: '国库支付 X' }],
    [`/disbursements/${disbursementId}/fail`, { transferId: randomUUID(), reason: '退票' }],
    [`/clawback-cases/${randomUUID()}/recoveries`, { transferId: randomUUID(), amountFen: 100, receipt: 'x' }],
  ];
  const get = (path: string, token?: string) =>
    fetch(`${sut.gateway.url}${api}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const figures = async () =>
    (ok(await sut.call('GET', `${api}/budget-years`, { token: tokens.finance })).budgetYears as Json[])[0];

  it('finance and the office read every figure, statement and export', async () => {
    for (const role of ['finance', 'office'] as const) {
      for (const path of reads())
        expect([role, path, (await get(path, tokens[role])).status]).toEqual([role, path, 200]);
    }
  });

  it('the office moves no money: every write is a 403 and nothing moves', async () => {
    const before = await figures();
    for (const [path, body] of writes()) {
      const response = await sut.call('POST', `${api}${path}`, { token: tokens.office, body });
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect(await figures()).toEqual(before);
  });

  it.each(['applicant', 'recommender', 'expert', 'department', 'leading_group', 'supervisor'] as const)(
    '%s is refused every funds route, with no figure in the answer',
    async (role) => {
      const before = await figures();
      for (const path of reads()) {
        const response = await get(path, tokens[role]);
        const text = await response.text();
        expect([path, response.status]).toEqual([path, 403]);
        expect([path, /amountFen|appropriated|debitsPosted|200000000|200,000,000/.test(text)]).toEqual([path, false]);
      }
      for (const [path, body] of writes()) {
        const response = await sut.call('POST', `${api}${path}`, { token: tokens[role], body });
        expect([path, response.status]).toEqual([path, 403]);
      }
      expect(await figures()).toEqual(before);
    },
  );

  it('another tenant’s finance finds nothing of it, and its own ledger is empty; without a token, 401', async () => {
    for (const path of reads()) {
      const response = await get(path, tokens['other-finance']);
      expect([path, response.status]).toEqual([path, 404]);
      expect([path, /200000000|appropriated/.test(await response.text())]).toEqual([path, false]);
      expect([path, (await get(path)).status]).toEqual([path, 401]);
    }
    const own = '/api/v1/tenants/xinzhou-city/funds';
    const call = (path: string) => sut.call('GET', `${own}${path}`, { token: tokens['other-finance'] });
    expect(ok(await call('/budget-years')).budgetYears).toEqual([]);
    expect(ok(await call('/entitlements')).entitlements).toEqual([]);
    expect(ok(await call('/budget-years/2027/accounts')).accounts).toEqual([]);
    expect((await call(`/entitlements/${entitlementId}`)).status).toBe(404);
    const confirm = await sut.call('POST', `${own}/disbursements/${disbursementId}/confirm`, {
      token: tokens['other-finance'],
      body: { transferId: randomUUID(), treasuryReference: 'x' },
    });
    expect(confirm.status).toBe(404);
  });
});
