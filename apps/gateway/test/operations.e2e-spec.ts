import { eventually } from '@laurel/testing';
import { scheduleDeadline } from '../../../packages/testing/fixtures/probe/src/probe.contracts';
import { asTenant } from '../../../packages/testing/test/probe.util';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
const BOARD = '/api/v1/operations/queues/board';

/** The operator's monitoring routes: the event pipeline and the queue board behind its pass (ADR 0019). */
describe('operations: event pipeline and queue board', () => {
  let sut: Platform;
  let operator: string;
  let office: string;
  let tenantId: string;

  beforeAll(async () => {
    sut = await startPlatform();
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
    const tenant = await sut.call('POST', '/api/v1/tenants', {
      token: operator,
      body: {
        key: 'ili',
        nameZh: '伊犁州质量奖',
        nameEn: 'Ili Quality Award',
        level: 'prefecture',
        divisionCode: '654000',
      },
    });
    expect(tenant.status).toBe(201);
    tenantId = tenant.body.id as string;
    const user = await sut.call('POST', '/api/v1/tenants/ili/users', {
      token: operator,
      body: { username: 'ili-office', password: 'a-long-password', displayName: '评委办', roles: ['office'] },
    });
    expect(user.status).toBe(201);
    office = await sut.login('ili-office', 'a-long-password');
  });
  afterAll(async () => {
    await sut?.close();
  });

  const expectProblem = (
    response: { status: number; headers: Headers; body: Record<string, unknown> },
    status: number,
  ) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body.status).toBe(status);
  };

  it('refuses the pipeline and the pass to anyone but an operator, as problem+json', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/operations/events'],
      ['POST', '/api/v1/operations/queues/pass'],
    ] as const) {
      expectProblem(await sut.call(method, path), 401);
      expectProblem(await sut.call(method, path, { token: office }), 403);
    }
  });

  it('shows each service’s stream with its messages and each service’s outbox backlog', async () => {
    const item = await sut.call('POST', '/api/v1/tenants/ili/probe/items', { token: office, body: { name: 'hello' } });
    expect(item.status).toBe(201);
    const pipeline = await eventually(async () => {
      const response = await sut.call('GET', '/api/v1/operations/events', { token: operator });
      expect(response.status).toBe(200);
      const body = response.body as {
        streams: { service: string; name: string; messages: number; consumers: unknown[] }[];
        outboxes: { service: string; outcome: string; backlog: { unpublished: number } | null }[];
      };
      expect(body.streams.find((s) => s.service === 'probe')?.messages).toBeGreaterThanOrEqual(1);
      // The relay publishes on its own beat: the backlog is empty once it has run.
      expect(body.outboxes.find((o) => o.service === 'probe')?.backlog?.unpublished).toBe(0);
      return body;
    });
    expect(pipeline.streams.find((s) => s.service === 'probe')?.name).toBe(
      sut.probe.runtime.namespace.eventStream('probe'),
    );
    expect(pipeline.outboxes).toEqual(
      expect.arrayContaining([
        {
          service: 'gateway',
          outcome: 'answered',
          backlog: expect.objectContaining({ unpublished: expect.any(Number) }),
        },
        { service: 'probe', outcome: 'answered', backlog: { unpublished: 0, failing: 0, oldestCreatedAt: null } },
      ]),
    );
  });

  it('counts the events waiting in a service’s outbox while its relay is stopped', async () => {
    const relay = sut.probe.runtime.relay;
    await relay.stop();
    try {
      await sut.call('POST', '/api/v1/tenants/ili/probe/items', { token: office, body: { name: 'waiting' } });
      const response = await sut.call('GET', '/api/v1/operations/events', { token: operator });
      const probe = (response.body.outboxes as { service: string; backlog: Record<string, unknown> }[]).find(
        (o) => o.service === 'probe',
      );
      expect(probe?.backlog).toMatchObject({ unpublished: 1, failing: 0, oldestCreatedAt: expect.any(String) });
    } finally {
      relay.start();
    }
    await eventually(async () => {
      const response = await sut.call('GET', '/api/v1/operations/events', { token: operator });
      const probe = (response.body.outboxes as { service: string; backlog: Record<string, unknown> }[]).find(
        (o) => o.service === 'probe',
      );
      expect(probe?.backlog).toMatchObject({ unpublished: 0 });
    });
  });

  it('opens Bull Board with an operator’s pass only, showing every service’s queues', async () => {
    // The probe's deadline job creates its queue in Redis: the board finds it by name.
    const item = await sut.call('POST', '/api/v1/tenants/ili/probe/items', { token: office, body: { name: 'due' } });
    await sut.probe.runtime.client.request(
      scheduleDeadline,
      { itemId: item.body.id as string, dueAt: '2099-01-01T00:00:00Z' },
      { context: asTenant(tenantId) },
    );

    expectProblem(await sut.call('GET', `${BOARD}/`), 401);
    const pass = await sut.call('POST', '/api/v1/operations/queues/pass', { token: operator });
    expect(pass.status).toBe(200);
    expect(pass.body.url).toBe(`${BOARD}/`);
    const cookie = pass.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      new RegExp(`^laurel_queue_board=[^;]+; Path=${BOARD}; Max-Age=600; HttpOnly; SameSite=Strict`),
    );
    const value = cookie.split(';')[0] as string;

    const page = await sut.call('GET', `${BOARD}/`, { headers: { cookie: value } });
    expect(page.status).toBe(200);
    expect(String(page.body.text)).toContain('<div id="root">');
    const queues = await eventually(async () => {
      const answer = await sut.call('GET', `${BOARD}/api/queues`, { headers: { cookie: value } });
      expect(answer.status).toBe(200);
      const names = (answer.body.queues as { name: string; counts: Record<string, number> }[]).map((q) => q.name);
      expect(names).toContain('probe-deadlines');
      return answer.body.queues as { name: string; counts: Record<string, number> }[];
    });
    expect(queues.find((q) => q.name === 'probe-deadlines')?.counts).toEqual(
      expect.objectContaining({ delayed: expect.any(Number), failed: 0, waiting: expect.any(Number) }),
    );
    // A forged or altered pass is no pass.
    expectProblem(await sut.call('GET', `${BOARD}/api/queues`, { headers: { cookie: `${value}x` } }), 401);
    expectProblem(
      await sut.call('GET', `${BOARD}/api/queues`, { headers: { cookie: 'laurel_queue_board=a.1.b' } }),
      401,
    );
  });
});
