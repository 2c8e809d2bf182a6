import { randomUUID } from 'node:crypto';
import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { titlesOfCycleOne } from './titles.util';

const XZD = '/api/v1/tenants/xinzhou-district';
const FUNDS = `${XZD}/funds`;

/**
 * The money of an award across the services, with no event published by hand: the government's approval recorded in
 * awards → `awards.award.decided.v1` → the winner's entitlement obligated in funds (xinzhou-district 第十五条: 80,000
 * yuan) → an instalment paid → a revocation approved in awards on a ground that occurred within half a year of the
 * award (第十七条) → `awards.clawback.requested.v1` → a clawback case in funds for what was paid, booked as a
 * receivable. The decision came a year after the event: the window counts the event, as the article does.
 */
describe('award money across awards and funds (xinzhou-district)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  let office: string;
  let finance: string;
  let titleId: string;
  let applicantId: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const year = async () =>
    (ok(await call('GET', `${FUNDS}/budget-years`, { token: finance })).budgetYears as Json[]).find(
      (y) => y.budgetYear === 2025,
    );

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-district'], funds: true });
    office = (await sut.addUser('xinzhou-district', 'xzd-office', ['office'])).token;
    finance = (await sut.addUser('xinzhou-district', 'xzd-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    const tenantId = ok(await call('GET', XZD, { token: operator })).id as string;
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
    const titles = await titlesOfCycleOne(
      sut,
      { key: 'xinzhou-district', id: tenantId, office },
      [{ name: '信州丙精密制造有限公司', code: 4201 }],
      { approvingBody: '上饶市信州区人民政府', documentNumber: '信府字〔2025〕9号', decidedOn: '2025-06-01' },
    );
    const title = titles['信州丙精密制造有限公司'];
    if (!title) throw new Error('no title');
    titleId = title.titleId;
    applicantId = title.applicantId;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('the approval obligates the winner’s prize in funds, once; an instalment is paid', async () => {
    const entitlement = await eventually(async () => {
      const list = ok(await call('GET', `${FUNDS}/entitlements?budgetYear=2025`, { token: finance }))
        .entitlements as Json[];
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    expect(entitlement).toMatchObject({ applicantId, status: 'obligated', amountFen: 8_000_000 });
    const id = randomUUID();
    ok(
      await call('POST', `${FUNDS}/entitlements/${entitlement.id}/disbursements`, {
        token: finance,
        body: { transferId: id, amountFen: 5_000_000, voucher: '信财付〔2025〕21号' },
      }),
      201,
    );
    ok(
      await call('POST', `${FUNDS}/disbursements/${id}/confirm`, {
        token: finance,
        body: { transferId: randomUUID(), treasuryReference: '国库集中支付 2025-0712' },
      }),
    );
    expect(await year()).toMatchObject({ obligated: 8_000_000, paid: 5_000_000, receivable: 0 });
  });

  it('a revocation whose ground occurred within half a year opens a clawback case in funds for what was paid', async () => {
    const opened = ok(
      await call('POST', `${XZD}/revocations`, {
        token: office,
        body: {
          titleId,
          ground: 'failed_spot_check',
          eventOn: '2025-10-15',
          description: '监督抽查不合格',
          evidence: [{ title: '抽查结果通报', reference: '信市监〔2025〕31号' }],
        },
      }),
      201,
    );
    ok(
      await call('POST', `${XZD}/revocations/${opened.id}/approve`, {
        token: office,
        body: { body: '上饶市信州区人民政府', documentNumber: '信府字〔2026〕5号', approvedOn: '2026-11-20' },
      }),
    );

    const clawback = await eventually(async () => {
      const cases = ok(await call('GET', `${FUNDS}/clawback-cases`, { token: finance })).cases as Json[];
      expect(cases).toHaveLength(1);
      return cases[0] as Json;
    });
    expect(clawback).toMatchObject({
      revocationId: opened.id,
      applicantId,
      status: 'opened',
      amountFen: 5_000_000,
      outstandingFen: 5_000_000,
      basis: 'xinzhou-district 第十七条',
    });
    expect(await year()).toMatchObject({ paid: 0, receivable: 5_000_000, balanced: true });
  });
});
