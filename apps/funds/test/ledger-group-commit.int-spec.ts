import { randomUUID } from 'node:crypto';
import { bootstrapService, type RequestContext, RequestContexts, type RunningService } from '@laurel/platform';
import { TestInfrastructure } from '@laurel/testing';
import { fundsService } from '../src/funds.service-definition';
import type { FundsTx, PrismaClient } from '../src/funds-prisma';
import { LedgerRepository } from '../src/ledger/ledger.repository';
import { balanced } from '../src/ledger/ledger.rules';
import { Ledger, type TransferOutcome, type TransferRequest } from '../src/ledger/ledger.service';
import { LedgerGroupCommit } from '../src/ledger/ledger-group-commit';

/**
 * Several transfers in one statement (`Ledger.transfers`) and across callers (`LedgerGroupCommit`): each request gets
 * its own answer — posted, replayed, refused or its 409 — and none sinks another; the flags hold inside a batch as
 * across batches; actors are each request's own; two tenants' requests never share a transaction.
 */
describe('funds: transfers in batches and group commit', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  let ledger: Ledger;
  let groupCommit: LedgerGroupCommit;
  let accounts: LedgerRepository;
  const contextOf = (tenantId: string, username = 'finance-1'): RequestContext => ({
    tenantId,
    correlationId: randomUUID(),
    actor: { userId: username, username, roles: ['finance'], operator: false },
  });
  const tenant = randomUUID();
  const inTenant = <T>(fn: (tx: FundsTx) => Promise<T>, t = tenant) =>
    RequestContexts.run(contextOf(t), () => sut.runtime.database.inTenant(fn));
  const recipient = { id: randomUUID(), name: '获奖单位甲' };
  const obligation = (amount: bigint, budgetYear = 2027, id = randomUUID()): TransferRequest => ({
    id,
    budgetYear,
    code: 'entitlement_obligated',
    amount,
    reference: id,
    recipient,
    phase: 'single',
  });
  const loading = (amount: bigint, budgetYear = 2027): TransferRequest => {
    const id = randomUUID();
    return { id, budgetYear, code: 'appropriation_loaded', amount, reference: id, phase: 'single' };
  };
  const available = async (budgetYear: number, t = tenant) => {
    const all = await inTenant((tx) => accounts.accounts(tx, budgetYear), t);
    const a = all.find((x) => x.kind === 'available');
    return a ? a.creditsPosted - a.debitsPosted - a.debitsPending : 0n;
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await bootstrapService(fundsService({ env: infra.env() }), { env: infra.env() });
    ledger = sut.app.get(Ledger);
    groupCommit = sut.app.get(LedgerGroupCommit);
    accounts = sut.app.get(LedgerRepository);
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('one statement, one answer per request: the flag holds inside the batch, a replay and a 409 sink nothing', async () => {
    const first = obligation(60n, 2026);
    const answers = await inTenant((tx) =>
      ledger.transfers(tx, [
        loading(100n, 2026),
        first,
        obligation(50n, 2026), // 40 left: refused, and nothing written
        first, // the same request again in the same batch: the recorded transfer
        { ...first, amount: 61n }, // the same id, other content: its 409 only
        obligation(40n, 2026), // exactly what is left
      ]),
    );

    const outcomes = answers.map((a) => (a instanceof Error ? `error:${(a as { code?: string }).code}` : a.outcome));
    expect(outcomes).toEqual(['posted', 'posted', 'refused', 'replayed', 'error:conflict', 'posted']);
    const refused = answers[2] as Extract<TransferOutcome, { outcome: 'refused' }>;
    expect(refused.refusal).toMatchObject({ reason: 'exceeds_credits', kind: 'available', limit: 40n, amount: 50n });
    expect(await available(2026)).toBe(0n);
    const all = await inTenant((tx) => accounts.accounts(tx, 2026));
    expect(balanced(all)).toBe(true);
  });

  it('group commit: concurrent requests share transactions, each answered after its commit, none over-commits', async () => {
    await RequestContexts.run(contextOf(tenant), () => groupCommit.transfer(loading(1_000n)));
    const before = { ...groupCommit.committed };
    const requests = Array.from({ length: 60 }, () => obligation(25n)); // 1,500 asked of 1,000
    const answers = await Promise.all(
      requests.map((r, i) => RequestContexts.run(contextOf(tenant, `finance-${i % 3}`), () => groupCommit.transfer(r))),
    );

    // In the order they arrived: the first forty fit, the last twenty are refused.
    expect(answers.map((a) => a.outcome)).toEqual([
      ...Array<string>(40).fill('posted'),
      ...Array<string>(20).fill('refused'),
    ]);
    expect(groupCommit.committed.batches - before.batches).toBeLessThan(60); // they did share transactions
    expect(await available(2027)).toBe(0n);
    const posted = answers.find((a, i) => a.outcome === 'posted' && i % 3 === 2);
    expect(posted?.outcome === 'posted' && posted.transfer.actor).toBe('finance-2'); // each request's own actor

    // A replay through group commit answers the recorded transfer; the same id with other content is its 409.
    const again = await RequestContexts.run(contextOf(tenant), () =>
      groupCommit.transfer(requests[0] as TransferRequest),
    );
    expect(again.outcome).toBe('replayed');
    await expect(
      RequestContexts.run(contextOf(tenant), () =>
        groupCommit.transfer({ ...(requests[1] as TransferRequest), amount: 26n }),
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a bad request in a batch is refused alone; two tenants never share a transaction', async () => {
    const other = randomUUID();
    const [bad, good, theirs] = await Promise.allSettled([
      RequestContexts.run(contextOf(tenant), () => groupCommit.transfer({ ...obligation(1n), amount: 0n })),
      RequestContexts.run(contextOf(tenant), () => groupCommit.transfer(loading(5n, 2028))),
      RequestContexts.run(contextOf(other), () => groupCommit.transfer(loading(7n, 2028))),
    ]);

    expect(bad.status).toBe('rejected');
    expect(good).toMatchObject({ status: 'fulfilled', value: { outcome: 'posted' } });
    expect(theirs).toMatchObject({ status: 'fulfilled', value: { outcome: 'posted' } });
    expect(await available(2028)).toBe(5n);
    expect(await available(2028, other)).toBe(7n);
  });
});
