import { randomUUID } from 'node:crypto';
import type { AwardDecisionPayload } from '@laurel/contracts';
import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * The funds service through the gateway, with the real awards service holding the tenants' policies: finance loads
 * inner-mongolia's 2027 appropriation; award decisions (`awards.award.decided.v1`, published on JetStream as the awards
 * service will publish it; it does not yet) make entitlements — the 1,000,000-yuan grant of 第十八条 in the budget
 * year after the award (第四条), one the appropriation cannot cover refused with a recorded reason, a repeat grant
 * refused citing 第十八条 — and finance disburses in instalments, confirmed or failed, every balance right to the fen.
 */
describe('funds: appropriation, entitlements and disbursement on the ledger (inner-mongolia)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/inner-mongolia/funds';
  let finance: string;
  let office: string;
  let otherFinance: string;
  let tenantId: string;
  const A = { id: randomUUID(), name: '内蒙古甲乳业股份有限公司' };
  const B = { id: randomUUID(), name: '内蒙古乙稀土科技有限公司' };
  const appropriationId = randomUUID();
  const firstDecision = randomUUID();
  let entitlementA: Json;
  let firstInstalment: string;
  let secondInstalment: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  const publishDecision = (payload: AwardDecisionPayload, envelopeId?: string, msgId?: string) =>
    sut.publishAwardDecision(tenantId, payload, { envelopeId, msgId });

  const decision = (
    decisionId: string,
    cycleNumber: number,
    winners: { id: string; name: string }[],
  ): AwardDecisionPayload => ({
    decisionId,
    cycleNumber,
    policyVersion: 1,
    decidedOn: '2026-12-20',
    winners: winners.map((w) => ({
      applicantId: w.id,
      applicantKind: 'organisation',
      applicantName: w.name,
      tier: 'award',
      previousWins: 0,
    })),
    actor: 'office-1',
    at: clock.now().toISOString(),
  });

  const entitlements = async () =>
    ok(await call('GET', `${api}/entitlements?budgetYear=2027`, { token: finance })).entitlements as Json[];
  const year2027 = async () =>
    (ok(await call('GET', `${api}/budget-years`, { token: finance })).budgetYears as Json[]).find(
      (y) => y.budgetYear === 2027,
    );

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia', 'xinzhou-city'], funds: true });
    finance = (await sut.addUser('inner-mongolia', 'im-finance', ['finance'])).token;
    office = (await sut.addUser('inner-mongolia', 'im-office', ['office'])).token;
    otherFinance = (await sut.addUser('xinzhou-city', 'xc-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    tenantId = ok(await sut.call('GET', '/api/v1/tenants/inner-mongolia', { token: operator })).id as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('finance loads the 2027 appropriation with its budget document; a replay answers the same', async () => {
    const body = {
      transferId: appropriationId,
      budgetYear: 2027,
      amountFen: 150_000_000,
      document: '内财预〔2027〕12号',
    };

    const loaded = ok(await call('POST', `${api}/appropriations`, { token: finance, body }), 201);
    const replayed = ok(await call('POST', `${api}/appropriations`, { token: finance, body }), 201);

    expect(loaded).toMatchObject({ id: appropriationId, amountFen: 150_000_000, loadedBy: 'im-finance' });
    expect(replayed).toEqual(loaded);
    expect(await year2027()).toMatchObject({ appropriated: 150_000_000, available: 150_000_000, balanced: true });
  });

  it('the same transfer id with other content is a 409 naming the field', async () => {
    const changed = await call('POST', `${api}/appropriations`, {
      token: finance,
      body: { transferId: appropriationId, budgetYear: 2027, amountFen: 150_000_001, document: '内财预〔2027〕12号' },
    });

    expect(changed.status).toBe(409);
    expect(changed.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'body.amountFen' })]);
    expect(await year2027()).toMatchObject({ appropriated: 150_000_000 });
  });

  it.each([
    [{ amountFen: 100.5 }, 'body.amountFen'],
    [{ amountFen: '100' }, 'body.amountFen'],
    [{ amountFen: -1 }, 'body.amountFen'],
    [{ document: '' }, 'body.document'],
    [{ transferId: 'not-a-uuid' }, 'body.transferId'],
    [{ budgetYear: 1999 }, 'body.budgetYear'],
  ])('bad input %j is a 400 problem naming %s, and nothing is loaded', async (change, field) => {
    const response = await call('POST', `${api}/appropriations`, {
      token: finance,
      body: { transferId: randomUUID(), budgetYear: 2027, amountFen: 100, document: '文件', ...change },
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((response.body.errors as Json[]).map((e) => e.field)).toContain(field);
    expect(await year2027()).toMatchObject({ appropriated: 150_000_000 });
  });

  it('only finance loads money; the office reads it; another tenant sees nothing of it', async () => {
    const body = { transferId: randomUUID(), budgetYear: 2027, amountFen: 100, document: '文件' };
    expect((await call('POST', `${api}/appropriations`, { token: office, body })).status).toBe(403);
    expect((await call('GET', `${api}/budget-years`, { token: office })).status).toBe(200);
    expect((await call('GET', `${api}/budget-years`, { token: otherFinance })).status).toBe(404);
    const own = ok(await call('GET', '/api/v1/tenants/xinzhou-city/funds/budget-years', { token: otherFinance }));
    expect(own.budgetYears).toEqual([]);
  });

  it('an award decision obligates the grant in the year after the award; one the appropriation cannot cover is refused with the reason', async () => {
    await publishDecision(decision(firstDecision, 1, [A, B]));

    const made = await eventually(async () => {
      const list = await entitlements();
      expect(list).toHaveLength(2);
      return list;
    });

    entitlementA = made.find((e) => e.applicantId === A.id) as Json;
    expect(entitlementA).toMatchObject({
      status: 'obligated',
      budgetYear: 2027,
      amountFen: 100_000_000,
      basis: '第十八条',
      outstandingFen: 100_000_000,
    });
    const refused = made.find((e) => e.applicantId === B.id) as Json;
    expect(refused).toMatchObject({ status: 'refused', budgetYear: 2027, amountFen: 100_000_000, basis: '第四条' });
    expect((refused.reason as Json).zh).toBe(
      '2027年度可用指标余额不足：尚可 500,000.00 元，本次 1,000,000.00 元，未予列支（应得 1,000,000.00 元）',
    );
    expect(await year2027()).toMatchObject({
      appropriated: 150_000_000,
      obligated: 100_000_000,
      available: 50_000_000,
    });
  });

  it('a redelivered decision obligates nothing twice (the same event again, and the decision republished)', async () => {
    const handled = async () => {
      const rows = await sut.funds?.runtime.database.system.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM inbox_message WHERE consumer = 'funds-award-decided'`,
      );
      return rows?.[0]?.n ?? 0;
    };
    const before = await handled();
    const again = decision(firstDecision, 1, [A, B]);
    const sent = await publishDecision(again);
    // The same envelope again under another JetStream message id: delivered, and dropped by the inbox.
    await publishDecision(again, sent.id, randomUUID());
    await publishDecision(again);
    // Both republished envelopes were handled (the third delivery had nothing to record).
    await eventually(async () => expect(await handled()).toBe(before + 2));

    expect(await entitlements()).toHaveLength(2);
    expect((await entitlements()).filter((e) => e.applicantId === A.id)).toHaveLength(1);
    expect(await year2027()).toMatchObject({ obligated: 100_000_000, available: 50_000_000 });
  });

  it('winning the award again: the second grant is refused citing 第十八条', async () => {
    await publishDecision({ ...decision(randomUUID(), 2, [A]), decidedOn: '2026-12-21' });

    const second = await eventually(async () => {
      const list = (ok(await call('GET', `${api}/entitlements`, { token: finance })).entitlements as Json[]).filter(
        (e) => e.applicantId === A.id && e.cycleNumber === 2,
      );
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    expect(second).toMatchObject({ status: 'refused', basis: '第十八条', outstandingFen: 0 });
    expect((second.reason as Json).zh).toContain('第十八条');
    expect(await year2027()).toMatchObject({ obligated: 100_000_000 });
  });

  it('disburses an instalment: initiated (pending at the treasury), then confirmed (posted), with who and when', async () => {
    firstInstalment = randomUUID();
    const initiated = ok(
      await call('POST', `${api}/entitlements/${entitlementA.id}/disbursements`, {
        token: finance,
        body: { transferId: firstInstalment, amountFen: 60_000_000, voucher: '付款凭证 2027-0001' },
      }),
      201,
    );
    expect(initiated).toMatchObject({ id: firstInstalment, status: 'pending', initiatedBy: 'im-finance' });
    expect(await year2027()).toMatchObject({ pending: 60_000_000, paid: 0, payable: 100_000_000 });

    const confirmBody = { transferId: randomUUID(), treasuryReference: '国库支付 2027-88' };
    const confirmed = ok(
      await call('POST', `${api}/disbursements/${firstInstalment}/confirm`, { token: finance, body: confirmBody }),
    );
    const replayed = ok(
      await call('POST', `${api}/disbursements/${firstInstalment}/confirm`, { token: finance, body: confirmBody }),
    );

    expect(confirmed).toMatchObject({
      status: 'confirmed',
      resolvedBy: 'im-finance',
      treasuryReference: '国库支付 2027-88',
    });
    expect(replayed).toEqual(confirmed);
    const twice = await call('POST', `${api}/disbursements/${firstInstalment}/confirm`, {
      token: finance,
      body: { ...confirmBody, transferId: randomUUID() },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toBe('该笔拨付已支付，不能再确认支付');
    expect(await year2027()).toMatchObject({ pending: 0, paid: 60_000_000, payable: 40_000_000 });
  });

  it('a failed instalment is voided and owed again; more than is owed is refused naming the field', async () => {
    secondInstalment = randomUUID();
    ok(
      await call('POST', `${api}/entitlements/${entitlementA.id}/disbursements`, {
        token: finance,
        body: { transferId: secondInstalment, amountFen: 40_000_000, voucher: '付款凭证 2027-0002' },
      }),
      201,
    );
    const tooMuch = await call('POST', `${api}/entitlements/${entitlementA.id}/disbursements`, {
      token: finance,
      body: { transferId: randomUUID(), amountFen: 1, voucher: '付款凭证 2027-0003' },
    });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([expect.objectContaining({ field: 'body.amountFen' })]);

    const failed = ok(
      await call('POST', `${api}/disbursements/${secondInstalment}/fail`, {
        token: finance,
        body: { transferId: randomUUID(), reason: '收款账户已销户' },
      }),
    );

    expect(failed).toMatchObject({ status: 'failed', failureReason: '收款账户已销户', resolvedBy: 'im-finance' });
    const one = ok(await call('GET', `${api}/entitlements/${entitlementA.id}`, { token: finance }));
    expect(one).toMatchObject({ paidFen: 60_000_000, pendingFen: 0, outstandingFen: 40_000_000 });
    expect((one.disbursements as Json[]).map((d) => d.status)).toEqual(['confirmed', 'failed']);
  });

  it('balances reconcile to the fen: every account, and debits equal credits', async () => {
    expect(await year2027()).toEqual({
      budgetYear: 2027,
      appropriated: 150_000_000,
      available: 50_000_000,
      obligated: 100_000_000,
      payable: 40_000_000,
      pending: 0,
      paid: 60_000_000,
      receivable: 0,
      recovered: 0,
      returned: 0,
      writtenOff: 0,
      balanced: true,
    });
    const { accounts } = ok(await call('GET', `${api}/budget-years/2027/accounts`, { token: office })) as {
      accounts: Json[];
    };
    const of = (kind: string, recipientId: string | null = null) =>
      accounts.find((a) => a.kind === kind && a.recipientId === recipientId);
    expect(of('appropriation')).toMatchObject({ debitsPosted: 150_000_000, creditsPosted: 0 });
    expect(of('available')).toMatchObject({
      creditsPosted: 150_000_000,
      debitsPosted: 100_000_000,
      flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false },
    });
    expect(of('payable', A.id)).toMatchObject({
      creditsPosted: 100_000_000,
      debitsPosted: 60_000_000,
      debitsPending: 0,
      recipientName: A.name,
    });
    expect(of('paid', A.id)).toMatchObject({ creditsPosted: 60_000_000, creditsPending: 0 });
    expect(of('payable', B.id)).toMatchObject({ creditsPosted: 0, debitsPosted: 0 });
    const debits = accounts.reduce((t, a) => t + (a.debitsPosted as number), 0);
    const credits = accounts.reduce((t, a) => t + (a.creditsPosted as number), 0);
    expect(debits).toBe(credits);
  });

  it('another tenant sees none of it', async () => {
    const other = '/api/v1/tenants/xinzhou-city/funds';
    expect(ok(await call('GET', `${other}/entitlements`, { token: otherFinance })).entitlements).toEqual([]);
    expect(ok(await call('GET', `${other}/budget-years/2027/accounts`, { token: otherFinance })).accounts).toEqual([]);
    expect((await call('GET', `${other}/entitlements/${entitlementA.id}`, { token: otherFinance })).status).toBe(404);
    const confirm = await call('POST', `${other}/disbursements/${secondInstalment}/confirm`, {
      token: otherFinance,
      body: { transferId: randomUUID(), treasuryReference: 'x' },
    });
    expect(confirm.status).toBe(404);
  });
});
