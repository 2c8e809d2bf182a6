import { randomUUID } from 'node:crypto';
import { deadLetterListContract, deadLetterReplayContract } from '@laurel/contracts';
import { envelopeOf, type OutboxRow as RelayOutboxRow, RequestContexts, type RunningService } from '@laurel/platform';
import { createItem, listEffects, renameItem } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { withAdmin } from '../src/admin-database.util';
import { ChildService } from '../src/child-service';
import { eventually } from '../src/eventually.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, PROBE_MAIN, startProbe } from './probe.util';

type OutboxRow = RelayOutboxRow & { published_at: Date | null };

/**
 * Events committed with a change reach a durable consumer in another process exactly once in effect:
 * the producer is this process's probe (no consumers), the consumer a probe process of its own.
 */
describe('durable events: outbox → JetStream → inbox', () => {
  let infra: TestInfrastructure;
  let producer: RunningService<PrismaClient>;
  let consumer: ChildService | null = null;
  const tenant = randomUUID();
  const context = () => asTenant(tenant);
  // The consumer process runs no relay: publishing is this process's, so a test can stop it.
  const consumerEnv = () => infra.env({ LAUREL_RELAY_ENABLED: 'false' });

  const effectsFor = async (itemId: string) =>
    (await producer.runtime.client.request(listEffects, {}, { context: context() })).effects.filter(
      (e) => e.itemId === itemId,
    );
  const outboxRow = async (itemId: string) =>
    (
      await producer.runtime.database.system.$queryRawUnsafe<OutboxRow[]>(
        `SELECT id::text, tenant_id::text, subject, payload, headers, published_at FROM outbox_message
          WHERE payload->>'itemId' = $1`,
        itemId,
      )
    )[0] as OutboxRow;
  const deadLetterAttempts = async (eventId: string) =>
    withAdmin(async (client) => {
      const { rows } = await client.query(`SELECT attempts FROM probe.dead_letter WHERE event_id = $1`, [eventId]);
      return (rows[0] as { attempts: number } | undefined)?.attempts ?? null;
    }, infra.database);
  const streamMessages = async () =>
    (await producer.runtime.jsm.streams.info(producer.runtime.namespace.eventStream('probe'))).state.messages;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    producer = await startProbe(infra, { consumers: false });
    consumer = await ChildService.start(PROBE_MAIN, consumerEnv(), ['--consumers']);
  });
  afterAll(async () => {
    await consumer?.stop();
    await producer?.close();
    await infra?.dispose();
  });

  it('an event committed with a change reaches the consumer in another process once', async () => {
    const item = await producer.runtime.client.request(createItem, { name: 'hello' }, { context: context() });
    const effects = await eventually(async () => {
      const found = await effectsFor(item.id);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(effects[0]?.eventId).toBe((await outboxRow(item.id)).id);
  });

  it('nothing is published for a change that rolled back', async () => {
    const before = await streamMessages();
    await expect(
      producer.runtime.client.request(createItem, { name: 'x'.repeat(201) }, { context: context() }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await producer.runtime.relay.drain();
    expect(await streamMessages()).toBe(before);
  });

  it('reaches a consumer that was down when the event was published and started later', async () => {
    await consumer?.stop('SIGKILL');
    consumer = null;
    const item = await producer.runtime.client.request(createItem, { name: 'while down' }, { context: context() });
    await eventually(async () => expect((await outboxRow(item.id)).published_at).not.toBeNull());
    expect(await effectsFor(item.id)).toHaveLength(0);

    consumer = await ChildService.start(PROBE_MAIN, consumerEnv(), ['--consumers']);
    await eventually(async () => expect(await effectsFor(item.id)).toHaveLength(1), { timeoutMs: 15000 });
  });

  it('has one effect when the relay died after publishing but before marking the row', async () => {
    await producer.runtime.relay.stop();
    const item = await producer.runtime.client.request(createItem, { name: 'relay crash' }, { context: context() });
    const row = await outboxRow(item.id);
    expect(row.published_at).toBeNull();
    const before = await streamMessages();
    // The relay published the row, then died before its UPDATE: the row is still unpublished.
    await producer.runtime.relay.publish(row);
    await eventually(async () => expect(await effectsFor(item.id)).toHaveLength(1));

    // The restarted relay publishes it again; JetStream drops the duplicate message id.
    producer.runtime.relay.start();
    await eventually(async () => expect((await outboxRow(item.id)).published_at).not.toBeNull());
    expect(await streamMessages()).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await effectsFor(item.id)).toHaveLength(1);
  });

  it('has one effect when the same event is delivered twice', async () => {
    const item = await producer.runtime.client.request(createItem, { name: 'twice' }, { context: context() });
    await eventually(async () => expect(await effectsFor(item.id)).toHaveLength(1));
    const row = await outboxRow(item.id);
    // Past JetStream's duplicate window (a different message id): only the consumer's inbox stands in the way.
    const envelope = envelopeOf(row);
    const before = await streamMessages();
    await producer.runtime.js.publish(producer.runtime.namespace.eventWire(row.subject), JSON.stringify(envelope), {
      msgID: randomUUID(),
    });
    expect(await streamMessages()).toBe(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await effectsFor(item.id)).toHaveLength(1);
  });

  it('retries a failing event with back-off until it succeeds', async () => {
    const item = await producer.runtime.client.request(createItem, { name: 'fail:2' }, { context: context() });
    await eventually(async () => expect(await effectsFor(item.id)).toHaveLength(1), { timeoutMs: 15000 });
  });

  it('keeps an event that never succeeds as a dead letter operators can list and replay', async () => {
    const item = await producer.runtime.client.request(createItem, { name: 'fail:always' }, { context: context() });
    const eventId = (await outboxRow(item.id)).id;
    const system = RequestContexts.system();
    const letter = await eventually(
      async () => {
        const { deadLetters } = await producer.runtime.client.request(
          deadLetterListContract('probe'),
          { includeResolved: false },
          { context: system },
        );
        const found = deadLetters.find((d) => d.eventId === eventId);
        expect(found).toMatchObject({ consumer: 'probe-item-effects', attempts: 3, subject: 'probe.item.created.v1' });
        return found as NonNullable<typeof found>;
      },
      { timeoutMs: 15000 },
    );
    expect(letter.error).toMatch(/failing on purpose/);
    expect(await effectsFor(item.id)).toHaveLength(0);

    // The cause is fixed; the operator replays it (whichever probe instance answers), and it takes effect once.
    await producer.runtime.client.request(renameItem, { id: item.id, name: 'fixed' }, { context: context() });
    const replay = await producer.runtime.client.request(
      deadLetterReplayContract('probe'),
      { id: letter.id },
      { context: system },
    );
    expect(replay.replayed).toBe(true);
    await eventually(async () => expect(await effectsFor(item.id)).toHaveLength(1), { timeoutMs: 15000 });
    const { deadLetters } = await producer.runtime.client.request(
      deadLetterListContract('probe'),
      { includeResolved: true },
      { context: system },
    );
    expect(deadLetters.find((d) => d.id === letter.id)?.resolvedAt).not.toBeNull();
  });

  it('keeps redelivering an event whose dead letter cannot be written, until it can', async () => {
    const revoke = (sql: string) => withAdmin((client) => client.query(sql), infra.database);
    await revoke('REVOKE INSERT ON probe.dead_letter FROM laurel_system');
    let eventId: string;
    try {
      const item = await producer.runtime.client.request(createItem, { name: 'fail:always' }, { context: context() });
      eventId = (await outboxRow(item.id)).id;
      // Past its three deliveries (back-off 200 and 400 ms): the dead letter was refused, nothing was dropped.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(await deadLetterAttempts(eventId)).toBeNull();
    } finally {
      await revoke('GRANT INSERT ON probe.dead_letter TO laurel_system');
    }
    const attempts = await eventually(
      async () => {
        const found = await deadLetterAttempts(eventId);
        expect(found).not.toBeNull();
        return found as number;
      },
      { timeoutMs: 15000 },
    );
    expect(attempts).toBeGreaterThan(3);
  });

  it('brings a consumer created with an older delivery limit up to date when it starts', async () => {
    await consumer?.stop();
    consumer = null;
    const stream = producer.runtime.namespace.eventStream('probe');
    const durable = producer.runtime.namespace.durable('probe-item-effects');
    await producer.runtime.jsm.consumers.update(stream, durable, { max_deliver: 4 });
    consumer = await ChildService.start(PROBE_MAIN, consumerEnv(), ['--consumers']);
    expect((await producer.runtime.jsm.consumers.info(stream, durable)).config.max_deliver).toBe(-1);
  });
});
