import { randomUUID } from 'node:crypto';
import { RequestContexts, type RunningService } from '@laurel/platform';
import { createItem, itemCreated } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

/** The platform's own transactions (ADR 0006): Prisma on the transaction's connection, writes folded into COMMIT. */
describe('transactions: one connection, platform writes at commit', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  const tenant = randomUUID();
  const inTenant = <T>(fn: Parameters<RunningService<PrismaClient>['runtime']['database']['inTenant']>[0]) =>
    RequestContexts.run(asTenant(tenant), () => sut.runtime.database.inTenant(fn)) as Promise<T>;
  const count = async (table: string, id: string) =>
    withAdmin(async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM probe.${table} WHERE ${id}`);
      return (rows[0] as { n: number }).n;
    }, infra.database);

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('keeps the audit chain whole under concurrent commands of one tenant', async () => {
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        sut.runtime.client.request(createItem, { name: `concurrent ${i}` }, { context: asTenant(tenant) }),
      ),
    );
    expect(new Set(created.map((item) => item.id)).size).toBe(24);
    expect(await inTenant((tx) => sut.runtime.audit.verify(tx))).toMatchObject({ ok: true, entries: 24 });
  });

  it('writes nothing of the platform’s when the change rolls back', async () => {
    const id = randomUUID();
    await expect(
      inTenant(async (tx) => {
        await tx.probeItem.create({ data: { id, tenantId: tenant, name: 'doomed', createdAt: new Date() } });
        await sut.runtime.outbox.add(tx, itemCreated, { itemId: id, name: 'doomed' });
        await sut.runtime.audit.record(tx, { action: 'item.create', targetType: 'item', targetId: id });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count('probe_item', `id = '${id}'`)).toBe(0);
    expect(await count('outbox_message', `payload->>'itemId' = '${id}'`)).toBe(0);
    expect(await count('audit_entry', `target_id = '${id}'`)).toBe(0);
  });

  it('turns a transaction Prisma starts inside ours into a savepoint', async () => {
    const kept = randomUUID();
    const undone = randomUUID();
    await inTenant(async (tx) => {
      await tx.probeItem.create({ data: { id: kept, tenantId: tenant, name: 'kept', createdAt: new Date() } });
      await expect(
        sut.runtime.database.app.$transaction(async (inner) => {
          await inner.probeItem.create({
            data: { id: undone, tenantId: tenant, name: 'undone', createdAt: new Date() },
          });
          throw new Error('inner failed');
        }),
      ).rejects.toThrow('inner failed');
      // The outer transaction goes on after the savepoint was rolled back.
      expect(await tx.probeItem.count({ where: { id: { in: [kept, undone] } } })).toBe(1);
    });
    expect(await count('probe_item', `id = '${kept}'`)).toBe(1);
    expect(await count('probe_item', `id = '${undone}'`)).toBe(0);
  });

  it('refuses a statement left running after its transaction ended', async () => {
    let stray: Promise<unknown> | undefined;
    await inTenant(async (tx) => {
      stray = new Promise((resolve) => setTimeout(resolve, 20)).then(() => tx.probeItem.count());
    });
    await expect(stray).rejects.toThrow(/already ended/);
  });

  it('commits platform writes of a transaction that ran no statement of its own (BEGIN goes with them)', async () => {
    const target = randomUUID();
    await inTenant(async (tx) => {
      await sut.runtime.audit.record(tx, { action: 'item.inspect', targetType: 'item', targetId: target });
    });
    expect(await count('audit_entry', `target_id = '${target}'`)).toBe(1);
    // And one that did nothing at all sends nothing and answers.
    expect(await inTenant(async () => 'nothing')).toBe('nothing');
  });

  it('confines the first statement to the tenant although BEGIN and the tenant setting share its round trip', async () => {
    const seen = await inTenant<{ tenant: string } | undefined>(async (tx) => {
      // set_config(…, true) lasts only as long as its transaction: seeing it proves the statement ran in it.
      const rows = await tx.$queryRawUnsafe<{ tenant: string }[]>(`SELECT current_setting('app.tenant_id') AS tenant`);
      return rows[0];
    });
    expect(seen?.tenant).toBe(tenant);
  });

  it('refuses platform writes outside a transaction', async () => {
    await expect(
      RequestContexts.run(asTenant(tenant), () =>
        sut.runtime.audit.record(sut.runtime.database.app, { action: 'x', targetType: 'item', targetId: 'y' }),
      ),
    ).rejects.toThrow(/must run inside Database/);
  });

  describe('when a transaction runs out of time or loses its connection', () => {
    let short: RunningService<PrismaClient>;
    const inShort = <T>(fn: Parameters<RunningService<PrismaClient>['runtime']['database']['inTenant']>[0]) =>
      RequestContexts.run(asTenant(tenant), () => short.runtime.database.inTenant(fn)) as Promise<T>;
    const running = (pattern: string) =>
      withAdmin(async (client) => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`,
          [pattern],
        );
        return (rows[0] as { n: number }).n;
      }, infra.database);

    beforeAll(async () => {
      short = await startProbe(infra, { consumers: false, env: { LAUREL_TRANSACTION_TIMEOUT_MS: '500' } });
    });
    afterAll(async () => {
      await short?.close();
    });

    it('cancels the statement it is running at the deadline, and the pool serves the next ones', async () => {
      const started = Date.now();
      await expect(
        inShort(async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return tx.$queryRawUnsafe(`SELECT pg_sleep(20) AS "slow transaction"`);
        }),
      ).rejects.toThrow(/canceling statement due to user request/);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(await running('%slow transaction%')).toBe(0);
      // Every connection of the pool still works.
      const counts = await Promise.all(Array.from({ length: 8 }, () => inShort((tx) => tx.probeItem.count())));
      expect(counts.every((n) => typeof n === 'number')).toBe(true);
    });

    it('fails the transaction, not the process, when the server ends its session', async () => {
      await expect(
        inShort(async (tx) => {
          const [backend] = await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
          await withAdmin((client) => client.query('SELECT pg_terminate_backend($1)', [backend?.pid]), infra.database);
          await new Promise((resolve) => setTimeout(resolve, 100));
          return tx.probeItem.count();
        }),
      ).rejects.toThrow();
      expect(typeof (await inShort((tx) => tx.probeItem.count()))).toBe('number');
    });

    it('goes on when the server ends its idle connections', async () => {
      await Promise.all(Array.from({ length: 4 }, () => inShort((tx) => tx.probeItem.count())));
      const ended = await withAdmin(async (client) => {
        const { rows } = await client.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND usename = 'laurel_app' AND state = 'idle'`,
        );
        return (rows[0] as { n: number }).n;
      }, infra.database);
      expect(ended).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const counts = await Promise.all(Array.from({ length: 4 }, () => inShort((tx) => tx.probeItem.count())));
      expect(counts.every((n) => typeof n === 'number')).toBe(true);
    });
  });
});
