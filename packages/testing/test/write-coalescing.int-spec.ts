import { coalesceWrites } from '@laurel/platform';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { testRunId } from '../src/run-id.util';
import { testConfig } from '../src/test.config';

/** Counts the socket writes of a connection (its transport is internal to nats.js; so is this count). */
function countWrites(connection: NatsConnection): { writes: number } {
  const transport = (connection as unknown as { protocol: { transport: { send(frame: Uint8Array): void } } }).protocol
    .transport;
  const counter = { writes: 0 };
  const send = transport.send.bind(transport);
  transport.send = (frame) => {
    counter.writes++;
    send(frame);
  };
  return counter;
}

/** Publishes `count` messages, each from its own I/O callback turn's worth of microtasks, as handlers do. */
async function publishApart(connection: NatsConnection, subject: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    connection.publish(subject, `m${i}`);
    await Promise.resolve();
  }
}

/** `coalesceWrites`: what one turn of the event loop publishes leaves in one socket write, in order, complete. */
describe('coalesceWrites', () => {
  let publisher: NatsConnection;
  let subscriber: NatsConnection;
  const subject = (name: string) => `t${testRunId()}.coalesce.${name}`;

  beforeAll(async () => {
    subscriber = await connect({ servers: testConfig.LAUREL_TEST_NATS_URL });
    publisher = await connect({ servers: testConfig.LAUREL_TEST_NATS_URL });
  });
  afterAll(async () => {
    await publisher?.close();
    await subscriber?.close();
  });

  async function receive(name: string, count: number, send: () => Promise<void>): Promise<string[]> {
    const received: string[] = [];
    const done = new Promise<void>((resolve) => {
      subscriber.subscribe(subject(name), {
        max: count,
        callback: (_error, message) => {
          received.push(message.string());
          if (received.length === count) resolve();
        },
      });
    });
    await subscriber.flush();
    await send();
    await done;
    return received;
  }

  it('without it, nats.js writes once per microtask checkpoint', async () => {
    const plain = await connect({ servers: testConfig.LAUREL_TEST_NATS_URL });
    try {
      const counter = countWrites(plain);
      const received = await receive('plain', 20, () => publishApart(plain, subject('plain'), 20));
      expect(received).toHaveLength(20);
      expect(counter.writes).toBeGreaterThanOrEqual(20);
    } finally {
      await plain.close();
    }
  });

  it('writes what one loop turn published in one write, in order', async () => {
    coalesceWrites(publisher);
    const counter = countWrites(publisher);
    const received = await receive('turn', 20, () => publishApart(publisher, subject('turn'), 20));
    expect(received).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(counter.writes).toBe(1);
  });

  it('still writes at once past the client limit, and loses nothing', async () => {
    const big = 'x'.repeat(16 * 1024);
    const counter = countWrites(publisher);
    const received = await receive('big', 40, async () => {
      for (let i = 0; i < 40; i++) publisher.publish(subject('big'), `${i}:${big}`);
    });
    expect(received.map((message) => Number(message.split(':')[0]))).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(counter.writes).toBeGreaterThan(1);
  });

  it('keeps request/reply and flush working', async () => {
    subscriber.subscribe(subject('echo'), {
      callback: (_error, message) => {
        message.respond(message.data);
      },
    });
    await subscriber.flush();
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => publisher.request(subject('echo'), `r${i}`, { timeout: 2000 })),
    );
    expect(replies.map((reply) => reply.string())).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    await expect(publisher.flush()).resolves.toBeUndefined();
  });

  it('refuses a connection whose internals it does not know', () => {
    expect(() => coalesceWrites({} as NatsConnection)).toThrow(/internals/);
  });
});
