import { randomUUID } from 'node:crypto';
import { CommandReceipts, deriveKey, RequestContexts, type RunningService, receiptId } from '@laurel/platform';
import { createItem } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { withAdmin } from '../src/admin-database.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

/**
 * Keyed commands (a write sent with an Idempotency-Key, ADR "several instances"): the service records what each of
 * the command's transactions committed and its answer, so that a retry — after an instance died between its commit
 * and its answer, when the gateway has no answer to replay — is answered as the first time and changes nothing.
 */
describe('command receipts', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  const tenant = randomUUID();
  const keyed = (commandKey: string) => ({ ...asTenant(tenant), commandKey });
  const count = (table: string, where: string) =>
    withAdmin(async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM probe.${table} WHERE ${where}`);
      return (rows[0] as { n: number }).n;
    }, infra.database);
  /** The receipt of the first call of createItem under `key` (each call carries a key of its own). */
  const stored = (key: string) => receiptId(deriveKey(key, createItem.subject, '0'));
  const sql = (statement: string) => withAdmin((client) => client.query(statement), infra.database);

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('answers a keyed command sent again with its first answer, without doing it twice', async () => {
    const key = deriveKey('test', randomUUID());
    const first = await sut.runtime.client.request(createItem, { name: 'once' }, { context: keyed(key) });
    const again = await sut.runtime.client.request(createItem, { name: 'once' }, { context: keyed(key) });
    expect(again).toEqual(first);
    expect(await count('probe_item', `id = '${first.id}'`)).toBe(1);
    expect(await count('command_receipt', `answered_at IS NOT NULL AND key = '${stored(key)}'`)).toBe(1);
    // Sealed: what the command answered is not readable in the database.
    expect(
      await count('command_receipt', `results::text LIKE '%${first.id}%' OR answer::text LIKE '%${first.id}%'`),
    ).toBe(0);
  });

  it('replays a command whose answer was lost from what it committed: one row, one event, one audit entry', async () => {
    const key = deriveKey('test', randomUUID());
    const first = await sut.runtime.client.request(createItem, { name: 'answer lost' }, { context: keyed(key) });
    // What an instance killed between its commit and its answer leaves: the receipt of the commit, no answer.
    await sql(`UPDATE probe.command_receipt SET answer = NULL, answered_at = NULL WHERE key = '${stored(key)}'`);
    const retried = await sut.runtime.client.request(createItem, { name: 'answer lost' }, { context: keyed(key) });
    expect(retried).toEqual(first);
    expect(await count('probe_item', `name = 'answer lost'`)).toBe(1);
    expect(await count('outbox_message', `payload->>'name' = 'answer lost'`)).toBe(1);
    expect(await count('audit_entry', `target_id = '${first.id}'`)).toBe(1);
    // The replay answered, and its answer is kept for the next retry.
    expect(await count('command_receipt', `answered_at IS NOT NULL AND key = '${stored(key)}'`)).toBe(1);
    expect(
      await RequestContexts.run(asTenant(tenant), () =>
        sut.runtime.database.inTenant((tx) => sut.runtime.audit.verify(tx)),
      ),
    ).toMatchObject({ ok: true });
  });

  it('keeps commands sent without a key out of the receipts', async () => {
    const before = await count('command_receipt', 'true');
    await sut.runtime.client.request(createItem, { name: 'no key' }, { context: asTenant(tenant) });
    expect(await count('command_receipt', 'true')).toBe(before);
  });

  it('gives each call of one subject within a keyed write a key of its own, the same on a retry', async () => {
    const key = deriveKey('test', randomUUID());
    const write = () =>
      CommandReceipts.run(
        CommandReceipts.recording({ key, subject: 'gateway', tenantId: null, replaying: null, records: false }),
        async () => {
          const a = await sut.runtime.client.request(createItem, { name: 'twin a' }, { context: keyed(key) });
          const b = await sut.runtime.client.request(createItem, { name: 'twin b' }, { context: keyed(key) });
          return [a.id, b.id];
        },
      );
    const first = await write();
    expect(new Set(first).size).toBe(2);
    expect(await write()).toEqual(first);
    expect(await count('probe_item', `name LIKE 'twin %'`)).toBe(2);
  });
});
