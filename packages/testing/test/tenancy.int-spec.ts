import { randomUUID } from 'node:crypto';
import { DomainError } from '@laurel/contracts';
import { contextToHeaders, platformSql, RequestContexts, type RunningService } from '@laurel/platform';
import { createItem, listItems, renameItem } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

describe('tenancy: NATS request context and row-level security', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  const tenantA = randomUUID();
  const tenantB = randomUUID();

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('a command reaches the service over NATS, commits, and answers', async () => {
    const item = await sut.runtime.client.request(createItem, { name: 'first' }, { context: asTenant(tenantA) });
    expect(item).toMatchObject({ name: 'first' });
    const listed = await sut.runtime.client.request(listItems, {}, { context: asTenant(tenantA) });
    expect(listed.items.map((i) => i.id)).toEqual([item.id]);
  });

  it('with the wrong tenant in context a query sees nothing and a command changes nothing', async () => {
    const item = await sut.runtime.client.request(createItem, { name: 'owned by A' }, { context: asTenant(tenantA) });

    const seenByB = await sut.runtime.client.request(listItems, {}, { context: asTenant(tenantB) });
    expect(seenByB.items).toEqual([]);
    const renamedByB = await sut.runtime.client.request(
      renameItem,
      { id: item.id, name: 'stolen' },
      { context: asTenant(tenantB) },
    );
    expect(renamedByB.updated).toBe(0);

    const seenByA = await sut.runtime.client.request(listItems, {}, { context: asTenant(tenantA) });
    expect(seenByA.items.find((i) => i.id === item.id)?.name).toBe('owned by A');
  });

  it('lookups by a unique key of several tenants in the same tick each run in their own tenant (no batching across)', async () => {
    const [a, b] = await Promise.all([
      sut.runtime.client.request(createItem, { name: 'A’s' }, { context: asTenant(tenantA) }),
      sut.runtime.client.request(createItem, { name: 'B’s' }, { context: asTenant(tenantB) }),
    ]);
    const find = (tenant: string, id: string) =>
      RequestContexts.run(asTenant(tenant), () =>
        sut.runtime.database.inTenant((tx) => tx.probeItem.findUnique({ where: { id } })),
      );
    // Prisma's dataloader would answer both from one query run in the first caller's transaction (tenant A's).
    const [seenByA, seenByB, bAsA] = await Promise.all([find(tenantA, a.id), find(tenantB, b.id), find(tenantA, b.id)]);
    expect(seenByA?.name).toBe('A’s');
    expect(seenByB?.name).toBe('B’s');
    expect(bAsA).toBeNull();
  });

  it('refuses a tenant-scoped message without a tenant', async () => {
    const noTenant = { tenantId: null, correlationId: randomUUID(), actor: null };
    await expect(sut.runtime.client.request(listItems, {}, { context: noTenant })).rejects.toMatchObject({
      code: 'forbidden',
    });
    // Also when the caller skips its own check and sends straight to the subject.
    const raw = await sut.runtime.nats.request(
      sut.runtime.namespace.wire(listItems.subject),
      JSON.stringify({ pattern: listItems.subject, data: {}, id: randomUUID() }),
      { timeout: 5000 },
    );
    expect(raw.json<{ err: { code: string } }>().err.code).toBe('forbidden');
  });

  it('validates payloads on the service side and names the field', async () => {
    const raw = await sut.runtime.nats.request(
      sut.runtime.namespace.wire(createItem.subject),
      JSON.stringify({ pattern: createItem.subject, data: { name: 42, extra: true }, id: randomUUID() }),
      { timeout: 5000, headers: contextToHeaders(asTenant(tenantA)) },
    );
    const error = new DomainError(raw.json<{ err: ConstructorParameters<typeof DomainError>[0] }>().err);
    expect(error.code).toBe('validation_failed');
    expect(error.fields.map((f) => f.field).sort()).toEqual(['body.extra', 'body.name']);
  });

  it('writes a hash-chained audit entry per change, and detects tampering', async () => {
    const tenant = randomUUID();
    await sut.runtime.client.request(createItem, { name: 'audited' }, { context: asTenant(tenant) });
    await sut.runtime.client.request(createItem, { name: 'audited too' }, { context: asTenant(tenant) });
    const verify = () =>
      RequestContexts.run(asTenant(tenant), () => sut.runtime.database.inTenant((tx) => sut.runtime.audit.verify(tx)));
    expect(await verify()).toMatchObject({ ok: true, entries: 2 });

    // Neither service role may touch history; a database superuser edits it behind the platform's back.
    await expect(
      sut.runtime.database.system.$executeRawUnsafe(
        `UPDATE audit_entry SET after = '{}' WHERE tenant_id = $1::uuid`,
        tenant,
      ),
    ).rejects.toThrow(/permission denied/);
    await withAdmin(
      (client) =>
        client.query(
          `UPDATE probe.audit_entry SET after = '{"name":"forged"}' WHERE tenant_id = $1::uuid AND seq = 1`,
          [tenant],
        ),
      infra.database,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('runs the platform’s own statements on the transaction’s own connection', async () => {
    const seen = await RequestContexts.run(asTenant(tenantA), () =>
      sut.runtime.database.inTenant(async (tx) => {
        const direct = platformSql(tx) !== tx;
        // set_config went through the direct executor; Prisma's next statement sees it: one connection.
        const rows = await tx.$queryRawUnsafe<{ tenant: string }[]>(
          `SELECT current_setting('app.tenant_id') AS tenant`,
        );
        return { direct, tenant: rows[0]?.tenant };
      }),
    );
    expect(seen).toEqual({ direct: true, tenant: tenantA });
  });

  it('the service role cannot bypass row-level security or rewrite the audit trail', async () => {
    const rows = await sut.runtime.database.app.$queryRawUnsafe<{ rolbypassrls: boolean; rolsuper: boolean }[]>(
      'SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user',
    );
    expect(rows[0]).toEqual({ rolbypassrls: false, rolsuper: false });
    await expect(sut.runtime.database.app.$executeRawUnsafe('DELETE FROM audit_entry')).rejects.toThrow();
  });
});
