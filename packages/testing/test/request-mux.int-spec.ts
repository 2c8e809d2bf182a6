import { RequestMux } from '@laurel/platform';
import { connect, errors, type NatsConnection } from '@nats-io/transport-node';
import { testRunId } from '../src/run-id.util';
import { testConfig } from '../src/test.config';

/** The platform's request/reply (service calls, JetStream publishes) against the real NATS server. */
describe('RequestMux', () => {
  let connection: NatsConnection;
  let mux: RequestMux;
  const subject = (name: string) => `t${testRunId()}.mux.${name}`;

  beforeAll(async () => {
    connection = await connect({ servers: testConfig.LAUREL_TEST_NATS_URL });
    mux = new RequestMux(connection);
  });
  afterAll(async () => {
    await connection?.close();
  });

  it('answers each request with its own reply, many in flight', async () => {
    connection.subscribe(subject('echo'), {
      callback: (_error, message) => {
        message.respond(message.data);
      },
    });
    await connection.flush();
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        mux.request(subject('echo'), `n${i}`, { timeoutMs: 2000 }).then((reply) => reply.string()),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
  });

  it('fails at once when nobody listens', async () => {
    await expect(mux.request(subject('nobody'), 'x', { timeoutMs: 5000 })).rejects.toBeInstanceOf(
      errors.NoRespondersError,
    );
  });

  it('times out a request that is never answered', async () => {
    connection.subscribe(subject('silent'), { callback: () => undefined });
    await connection.flush();
    const started = Date.now();
    await expect(mux.request(subject('silent'), 'x', { timeoutMs: 200 })).rejects.toBeInstanceOf(errors.TimeoutError);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
