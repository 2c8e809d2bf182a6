import { randomUUID } from 'node:crypto';
import type { AwardDecisionPayload } from '@laurel/contracts';
import { eventually, TestClock, withAdmin } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * The funds service killed with SIGKILL in the middle of disbursements, through the real services: finance sends
 * 40 instalments (initiate, then confirm) eight at a time; once some have committed and others are in flight, the
 * funds process is killed and started again; finance sends every request again with its own transfer id until it is
 * answered. Afterwards nothing is lost or doubled: one disbursement row per instalment, confirmed once; on the ledger
 * one pending and one posting transfer each, every balance right to the fen and the trial balance recomputed from
 * the transfers; one initiated and one confirmed event each, all published.
 */
describe('funds: SIGKILL mid-disbursement, then a restart: nothing lost or doubled', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const api = '/api/v1/tenants/inner-mongolia/funds';
  let finance: string;
  let tenantId: string;
  const winners = Array.from({ length: 4 }, (_, i) => ({ id: randomUUID(), name: `内蒙古第${i + 1}获奖单位` }));
  const INSTALMENTS_EACH = 10;
  const AMOUNT = 1_000_000; // 10,000 yuan each: 40 instalments, 400,000 yuan of the four 1,000,000-yuan grants

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const funds = <T>(sql: string, ...values: unknown[]) =>
    withAdmin(async (client) => (await client.query(sql, values)).rows as T[], sut.infra.database);

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['inner-mongolia'],
      funds: true,
      fundsInProcess: false,
    });
    finance = (await sut.addUser('inner-mongolia', 'im-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    tenantId = ok(await sut.call('GET', '/api/v1/tenants/inner-mongolia', { token: operator })).id as string;
  }, 120_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('loses and doubles nothing: rows, ledger balances and events', async () => {
    ok(
      await sut.call('POST', `${api}/appropriations`, {
        token: finance,
        body: { transferId: randomUUID(), budgetYear: 2027, amountFen: 500_000_000, document: '内财预〔2027〕12号' },
      }),
      201,
    );
    const decision: AwardDecisionPayload = {
      decisionId: randomUUID(),
      cycleNumber: 1,
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
    };
    await sut.publishAwardDecision(tenantId, decision, {});
    const entitlements = await eventually(
      async () => {
        const list = ok(await sut.call('GET', `${api}/entitlements?budgetYear=2027`, { token: finance }))
          .entitlements as Json[];
        expect(list.filter((e) => e.status === 'obligated')).toHaveLength(4);
        return list;
      },
      { timeoutMs: 30_000 },
    );

    // Each instalment: initiate, then confirm, each sent again with the same transfer id until answered (a request
    // caught by the crash gets a 503 or a timeout; its retry must be harmless whether or not the first committed).
    const instalments = entitlements.flatMap((e) =>
      Array.from({ length: INSTALMENTS_EACH }, () => ({
        entitlementId: e.id as string,
        id: randomUUID(),
        confirmId: randomUUID(),
      })),
    );
    const failures: number[] = [];
    const until = async (send: () => Promise<{ status: number; body: Json }>, status: number) => {
      for (;;) {
        const response = await send().catch(() => ({ status: 0, body: {} as Json }));
        if (response.status === status) return response.body;
        if (response.status !== 0 && response.status < 500)
          throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
        failures.push(response.status);
        await new Promise((resolve) => setTimeout(resolve, 200)); // a retry's back-off while the service is down
      }
    };
    let next = 0;
    let answered = 0;
    const worker = async () => {
      while (next < instalments.length) {
        const it = instalments[next++] as (typeof instalments)[number];
        await until(
          () =>
            sut.call('POST', `${api}/entitlements/${it.entitlementId}/disbursements`, {
              token: finance,
              body: { transferId: it.id, amountFen: AMOUNT, voucher: `付款凭证 ${it.id.slice(0, 8)}` },
            }),
          201,
        );
        await until(
          () =>
            sut.call('POST', `${api}/disbursements/${it.id}/confirm`, {
              token: finance,
              body: { transferId: it.confirmId, treasuryReference: `国库支付 ${it.id.slice(0, 8)}` },
            }),
          200,
        );
        answered++;
      }
    };
    const sending = Promise.all(Array.from({ length: 8 }, worker));

    // Kill once some instalments have committed and more are on their way.
    await eventually(async () => expect(answered).toBeGreaterThanOrEqual(4), { timeoutMs: 60_000, intervalMs: 5 });
    expect(answered).toBeLessThan(instalments.length);
    const exit = await sut.fundsProcess?.stop('SIGKILL');
    expect(exit).toBeNull(); // ended by the signal, not by an exit of its own
    await sut.restartFunds();
    await sending;
    expect(failures.length).toBeGreaterThan(0); // the crash was felt: some requests had to be sent again

    // One disbursement per instalment, confirmed, with its history: initiated once, confirmed once.
    const rows = await funds<{ id: string; status: string; amount_fen: string }>(
      'SELECT id::text, status, amount_fen::text FROM funds.disbursement',
    );
    expect(rows.map((r) => r.id).sort()).toEqual(instalments.map((i) => i.id).sort());
    expect(new Set(rows.map((r) => `${r.status}:${r.amount_fen}`))).toEqual(new Set([`confirmed:${AMOUNT}`]));
    const history = await funds<{ action: string; n: string }>(
      'SELECT action, count(*)::text AS n FROM funds.disbursement_history GROUP BY action ORDER BY action',
    );
    expect(history).toEqual([
      { action: 'confirm', n: String(instalments.length) },
      { action: 'initiate', n: String(instalments.length) },
    ]);

    // The ledger: one pending transfer and one posting per instalment, every balance to the fen.
    const transfers = await funds<{ phase: string; n: string; total: string }>(
      `SELECT phase, count(*)::text AS n, sum(amount)::text AS total FROM funds.ledger_transfer
        WHERE code = 'disbursement' GROUP BY phase ORDER BY phase`,
    );
    const total = instalments.length * AMOUNT;
    expect(transfers).toEqual([
      { phase: 'pending', n: String(instalments.length), total: String(total) },
      { phase: 'post', n: String(instalments.length), total: String(total) },
    ]);
    const year = (ok(await sut.call('GET', `${api}/budget-years`, { token: finance })).budgetYears as Json[]).find(
      (y) => y.budgetYear === 2027,
    );
    expect(year).toMatchObject({
      appropriated: 500_000_000,
      obligated: 400_000_000,
      pending: 0,
      paid: total,
      payable: 400_000_000 - total,
      balanced: true,
    });
    const trial = ok(await sut.call('GET', `${api}/budget-years/2027/trial-balance`, { token: finance }));
    expect(trial.balanced).toBe(true);
    expect((trial.rows as Json[]).every((r) => r.matchesTransfers === true)).toBe(true);
    for (const e of entitlements) {
      const one = ok(await sut.call('GET', `${api}/entitlements/${e.id}`, { token: finance }));
      expect(one).toMatchObject({ outstandingFen: 100_000_000 - INSTALMENTS_EACH * AMOUNT });
    }

    // The events: one initiated and one confirmed per instalment, all published once the service is back.
    await eventually(
      async () => {
        const events = await funds<{ subject: string; n: string; unpublished: string }>(
          `SELECT subject, count(DISTINCT payload->>'disbursementId')::text AS n,
                  count(*) FILTER (WHERE published_at IS NULL)::text AS unpublished
             FROM funds.outbox_message WHERE subject LIKE 'funds.disbursement.%' GROUP BY subject ORDER BY subject`,
        );
        expect(events).toEqual([
          { subject: 'funds.disbursement.confirmed.v1', n: String(instalments.length), unpublished: '0' },
          { subject: 'funds.disbursement.initiated.v1', n: String(instalments.length), unpublished: '0' },
        ]);
      },
      { timeoutMs: 30_000 },
    );
    const [counted] = await funds<{ n: string }>(
      `SELECT count(*)::text AS n FROM funds.outbox_message WHERE subject LIKE 'funds.disbursement.%'`,
    );
    expect(counted?.n).toBe(String(2 * instalments.length));
  }, 300_000);
});
