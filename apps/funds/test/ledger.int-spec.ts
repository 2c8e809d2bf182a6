import { randomUUID } from 'node:crypto';
import { bootstrapService, type RequestContext, RequestContexts, type RunningService } from '@laurel/platform';
import { TestInfrastructure } from '@laurel/testing';
import { Client } from 'pg';
import { fundsService } from '../src/funds.service-definition';
import type { FundsTx, PrismaClient } from '../src/funds-prisma';
import { LedgerRepository } from '../src/ledger/ledger.repository';
import { balanced } from '../src/ledger/ledger.rules';
import { Ledger, type TransferOutcome } from '../src/ledger/ledger.service';

/**
 * The ledger on PostgreSQL: transfers cannot be changed or removed by anyone (the service roles lack the privilege,
 * the trigger refuses even the owner), and concurrent obligations never over-commit the appropriation.
 */
describe('funds: the ledger in the database', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  let ledger: Ledger;
  let accounts: LedgerRepository;
  const tenant = randomUUID();
  const context: RequestContext = {
    tenantId: tenant,
    correlationId: randomUUID(),
    actor: { userId: 'finance-1', username: 'finance-1', roles: ['finance'], operator: false },
  };
  const inTenant = <T>(fn: (tx: FundsTx) => Promise<T>) =>
    RequestContexts.run(context, () => sut.runtime.database.inTenant(fn));

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await bootstrapService(fundsService({ env: infra.env() }), { env: infra.env() });
    ledger = sut.app.get(Ledger);
    accounts = sut.app.get(LedgerRepository);
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  const load = (budgetYear: number, amount: bigint, id = randomUUID()) =>
    inTenant((tx) =>
      ledger.transfer(tx, { id, budgetYear, code: 'appropriation_loaded', amount, reference: id, phase: 'single' }),
    );
  const obligate = (tx: FundsTx, budgetYear: number, amount: bigint) => {
    const id = randomUUID();
    return ledger.transfer(tx, {
      id,
      budgetYear,
      code: 'entitlement_obligated',
      amount,
      reference: id,
      recipient: { id: randomUUID(), name: `获奖单位${id.slice(0, 4)}` },
      phase: 'single',
    });
  };

  it('refuses UPDATE and DELETE of a transfer: the service role has no privilege, the trigger refuses the owner', async () => {
    const loaded = await load(2027, 10_000n);
    if (loaded.outcome !== 'posted') throw new Error('not posted');
    const id = loaded.transfer.id;

    await expect(
      inTenant((tx) => tx.$executeRawUnsafe('UPDATE ledger_transfer SET amount = 1 WHERE id = $1::uuid', id)),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inTenant((tx) => tx.$executeRawUnsafe('DELETE FROM ledger_transfer WHERE id = $1::uuid', id)),
    ).rejects.toThrow(/permission denied/);

    const owner = new Client({ connectionString: infra.databaseUrl });
    await owner.connect();
    try {
      await owner.query('SET search_path TO funds');
      await expect(owner.query('UPDATE ledger_transfer SET amount = 1 WHERE id = $1::uuid', [id])).rejects.toThrow(
        /immutable: UPDATE on ledger_transfer refused/,
      );
      await expect(owner.query('DELETE FROM ledger_transfer WHERE id = $1::uuid', [id])).rejects.toThrow(
        /immutable: DELETE on ledger_transfer refused/,
      );
      await expect(owner.query('TRUNCATE ledger_transfer CASCADE')).rejects.toThrow(/immutable: TRUNCATE/);
      await expect(
        owner.query(
          `INSERT INTO ledger_transfer (id, tenant_id, budget_year, debit_account_id, credit_account_id, amount,
          code, phase, reference, created_at) SELECT gen_random_uuid(), tenant_id, budget_year, debit_account_id,
          credit_account_id, 0, code, phase, reference, now() FROM ledger_transfer WHERE id = $1::uuid`,
          [id],
        ),
      ).rejects.toThrow(/ledger_transfer_amount_positive/);
      const { rows } = await owner.query('SELECT amount::text FROM ledger_transfer WHERE id = $1::uuid', [id]);
      expect(rows).toEqual([{ amount: '10000' }]);
    } finally {
      await owner.end();
    }
  });

  it('two transactions racing to obligate cannot over-commit the appropriation', async () => {
    await load(2028, 100_000n);
    // Both transactions are open before either takes the account locks.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothOpen = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racer = () =>
      inTenant(async (tx): Promise<TransferOutcome> => {
        await tx.$queryRawUnsafe('SELECT 1');
        arrived += 1;
        if (arrived === 2) release();
        await bothOpen;
        return obligate(tx, 2028, 60_000n);
      });

    const outcomes = await Promise.all([racer(), racer()]);

    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['posted', 'refused']);
    expect(outcomes.find((o) => o.outcome === 'refused')).toMatchObject({
      refusal: { kind: 'available', reason: 'exceeds_credits', limit: 40_000n, amount: 60_000n },
    });
    const year = await inTenant((tx) => accounts.accounts(tx, 2028));
    expect(year.find((a) => a.kind === 'available')).toMatchObject({ creditsPosted: 100_000n, debitsPosted: 60_000n });
    expect(balanced(year)).toBe(true);
  });

  it('twenty concurrent obligations of 10,000 fen against 100,000: exactly ten posted, the ledger balanced', async () => {
    await load(2029, 100_000n);

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => inTenant((tx) => obligate(tx, 2029, 10_000n))));

    expect(outcomes.filter((o) => o.outcome === 'posted')).toHaveLength(10);
    const year = await inTenant((tx) => accounts.accounts(tx, 2029));
    expect(year.find((a) => a.kind === 'available')).toMatchObject({ debitsPosted: 100_000n, debitsPending: 0n });
    expect(balanced(year)).toBe(true);
  });

  it('a replay changes nothing, concurrent or not; the same id with other content is a 409 naming the field', async () => {
    const id = randomUUID();
    const replays = await Promise.all(Array.from({ length: 5 }, () => load(2030, 5_000n, id)));

    expect(replays.filter((o) => o.outcome === 'posted')).toHaveLength(1);
    expect(replays.filter((o) => o.outcome === 'replayed')).toHaveLength(4);
    const year = await inTenant((tx) => accounts.accounts(tx, 2030));
    expect(year.find((a) => a.kind === 'appropriation')).toMatchObject({ debitsPosted: 5_000n });
    await expect(load(2030, 5_001n, id)).rejects.toMatchObject({
      code: 'conflict',
      extensions: { differs: 'amount' },
    });
  });

  it('another tenant sees none of the accounts', async () => {
    const other: RequestContext = { ...context, tenantId: randomUUID() };
    const seen = await RequestContexts.run(other, () =>
      sut.runtime.database.inTenant((tx) => accounts.allAccounts(tx)),
    );
    expect(seen).toEqual([]);
  });
});
