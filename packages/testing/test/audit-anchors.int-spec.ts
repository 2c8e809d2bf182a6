import { randomUUID } from 'node:crypto';
import { AuditAnchors, auditHash, GENESIS_HASH, RequestContexts, type RunningService } from '@laurel/platform';
import { createItem } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

/** Audit chain heads anchored outside the database: entries removed from the end of a chain are detected. */
describe('audit anchors', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  const tenant = randomUUID();
  const verify = () => RequestContexts.run(asTenant(tenant), () => sut.runtime.verifyAudit());

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false, env: { LAUREL_AUDIT_ANCHOR_INTERVAL_MS: '600000' } });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('verifies a whole chain against its anchor, and reports its last entries removed', async () => {
    for (const name of ['one', 'two', 'three']) {
      await sut.runtime.client.request(createItem, { name }, { context: asTenant(tenant) });
    }
    expect(await sut.runtime.auditAnchors.anchorHeads()).toBeGreaterThanOrEqual(1);
    expect(await sut.runtime.auditAnchors.latest(tenant)).toMatchObject({ tenantId: tenant, seq: 3 });
    expect(await verify()).toMatchObject({ ok: true, entries: 3, anchoredSeq: 3 });

    // Someone with database access removes the newest entry: the chain that is left is whole, but shorter.
    await withAdmin(
      (client) => client.query('DELETE FROM probe.audit_entry WHERE tenant_id = $1 AND seq = 3', [tenant]),
      infra.database,
    );
    const result = await verify();
    expect(result).toMatchObject({ ok: false, entries: 2, brokenAt: 3, anchoredSeq: 3 });
    expect(result.reason).toMatch(/entries were removed/);

    // The anchor never moves back: neither this process nor a new one (a restart) anchors the shorter chain.
    await sut.runtime.auditAnchors.anchorHeads();
    const restarted = new AuditAnchors(
      'probe',
      sut.runtime.database.systemSql,
      sut.runtime.js,
      sut.runtime.jsm,
      sut.runtime.namespace,
      sut.runtime.logger,
    );
    await restarted.anchorHeads();
    expect((await sut.runtime.auditAnchors.latest(tenant))?.seq).toBe(3);
  });

  it('reports a chain rewritten consistently, hashes recomputed, up to its anchor', async () => {
    const other = randomUUID();
    const inOther = <T>(fn: () => Promise<T>) => RequestContexts.run(asTenant(other), fn);
    await sut.runtime.client.request(createItem, { name: 'kept' }, { context: asTenant(other) });
    await sut.runtime.auditAnchors.anchorHeads();
    // Someone who knows the formula forges the entry and recomputes its hash: the chain alone still holds.
    const [entry] = await inOther(() => sut.runtime.database.inTenant((tx) => sut.runtime.audit.list(tx, 0, 10)));
    if (!entry) throw new Error('no entry');
    const { hash: _original, ...fields } = entry;
    const forged = auditHash(GENESIS_HASH, { ...fields, tenantId: other, action: 'item.forged' });
    await withAdmin(
      (client) =>
        client.query(
          `UPDATE probe.audit_entry SET action = 'item.forged', hash = $2 WHERE tenant_id = $1 AND seq = 1`,
          [other, forged],
        ),
      infra.database,
    );
    const result = await inOther(() => sut.runtime.verifyAudit());
    expect(result).toMatchObject({ ok: false, brokenAt: 1, anchoredSeq: 1 });
    expect(result.reason).toMatch(/rewritten/);
  });

  it('anchors from several instances of the service under concurrent commands never move back', async () => {
    const busy = randomUUID();
    const instances = Array.from(
      { length: 4 },
      () =>
        new AuditAnchors(
          'probe',
          sut.runtime.database.systemSql,
          sut.runtime.js,
          sut.runtime.jsm,
          sut.runtime.namespace,
          sut.runtime.logger,
        ),
    );
    // What the stream stores, in order (a core subscription would also see the publishes JetStream refused).
    const stored: number[] = [];
    const consumer = await sut.runtime.js.consumers.get(sut.runtime.namespace.auditAnchorStream(), {
      filter_subjects: sut.runtime.namespace.auditAnchorSubject('probe', busy),
    });
    const messages = await consumer.consume();
    const reading = (async () => {
      for await (const message of messages) stored.push((message.json() as { seq: number }).seq);
    })();
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 40; i += 1) {
        await sut.runtime.client.request(createItem, { name: `busy ${i}` }, { context: asTenant(busy) });
      }
      writing = false;
    })();
    const anchoring = instances.map(async (instance) => {
      while (writing) await instance.anchorHeads();
      await instance.anchorHeads();
    });
    await Promise.all([writes, ...anchoring]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    messages.stop();
    await reading;
    expect(stored.length).toBeGreaterThan(1);
    expect(stored).toEqual([...stored].sort((a, b) => a - b));
    expect(new Set(stored).size).toBe(stored.length);
    expect((await sut.runtime.auditAnchors.latest(busy))?.seq).toBe(40);
    expect(await RequestContexts.run(asTenant(busy), () => sut.runtime.verifyAudit())).toMatchObject({
      ok: true,
      entries: 40,
      anchoredSeq: 40,
    });
  });
});
