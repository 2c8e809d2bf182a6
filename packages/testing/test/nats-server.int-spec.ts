import { randomUUID } from 'node:crypto';
import { DomainError } from '@laurel/contracts';
import type { RunningService } from '@laurel/platform';
import { Client } from 'pg';
import { createItem, listItems } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { databaseUrl, withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

/** A service's NATS listener (`PrefixedNatsServer`) when replies are too large and when it shuts down mid-request. */
describe('service NATS listener', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('answers a reply larger than NATS carries with an internal error at once, and goes on serving', async () => {
    const tenant = randomUUID();
    // About 1.8 MB of items: over the server's 1 MiB max_payload.
    await withAdmin(
      (client) =>
        client.query(
          `INSERT INTO probe.probe_item (id, tenant_id, name, created_at)
           SELECT gen_random_uuid(), $1, repeat('x', 200), now() FROM generate_series(1, 6000)`,
          [tenant],
        ),
      infra.database,
    );
    const started = Date.now();
    const failure = await sut.runtime.client.request(listItems, {}, { context: asTenant(tenant) }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('internal');
    expect(Date.now() - started).toBeLessThan(5000);
    const item = await sut.runtime.client.request(createItem, { name: 'after' }, { context: asTenant(tenant) });
    expect(item.name).toBe('after');
  });

  it('answers the requests it is handling when it shuts down', async () => {
    const tenant = randomUUID();
    // Hold the tenant's audit chain lock, so that the command waits in its commit while the service stops.
    const holder = new Client({ connectionString: databaseUrl(infra.database) });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended('audit:probe:' || $1, 0))`, [tenant]);
      const answer = sut.runtime.client.request(createItem, { name: 'in flight' }, { context: asTenant(tenant) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const closed = sut.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query('COMMIT');
      await expect(answer).resolves.toMatchObject({ name: 'in flight' });
      await closed;
    } finally {
      await holder.end();
    }
  });
});
