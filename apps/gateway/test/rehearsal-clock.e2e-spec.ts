import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SERVICES } from '@laurel/contracts';
import { bootstrapService, type RunningService, type ServiceDefinition, VirtualClock } from '@laurel/platform';
import { loadLaunchPolicy } from '@laurel/policy';
import { eventually, TestInfrastructure } from '@laurel/testing';
import { type RunningGateway, seedOperator, startGateway } from '../src/gateway-app';

// Loaded by path, not imported: the gateway's typecheck must not depend on the apps' generated clients.
const { awardsServiceDefinition } = require(path.resolve(__dirname, '../../awards/src/awards.service-definition')) as {
  awardsServiceDefinition: ServiceDefinition;
};
const { objectionsService } = require(
  path.resolve(__dirname, '../../objections/src/objections.service-definition'),
) as { objectionsService: (options: { env?: Record<string, string> }) => ServiceDefinition };
const { applicationsService } = require(
  path.resolve(__dirname, '../../applications/src/applications.service-definition'),
) as { applicationsService: (options: { env?: Record<string, string> }) => ServiceDefinition };
const { reviewsService } = require(path.resolve(__dirname, '../../reviews/src/reviews.service-definition')) as {
  reviewsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};
const { fundsService } = require(path.resolve(__dirname, '../../funds/src/funds.service-definition')) as {
  fundsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};

type Json = Record<string, unknown>;

const OPERATOR = { username: 'operator', password: 'operator-password-1' };
const JWT = 'test-secret-test-secret-test-secret-1234';
// Monday 28 September 2026, 10:00 in Beijing; National Day runs 1–7 October 2026 (official calendar). The machine's
// clock is months later: on real time, a notice published on 25 September would be over already.
const START = '2026-09-28T02:00:00.000Z';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = (filename: string) => ({ filename, contentType: 'image/png', contentBase64: PNG });
const objector = {
  kind: 'person',
  name: '张三',
  phone: '13812345678',
  address: '伊宁市解放路 1 号',
  idNumber: '11010519491231002X',
  identityProof: png('id.png'),
  signature: png('signature.png'),
};
const evidence = {
  filename: 'evidence.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
};

/**
 * A rehearsal platform (LAUREL_CLOCK=virtual) through the gateway and the real services: one virtual clock
 * the operator moves forward only; every deadline due on the way fires in order at its own time; the time is stored
 * and survives restarts; production refuses it.
 */
describe('the rehearsal clock', () => {
  let infra: TestInfrastructure;
  let filesDir: string;
  let services: RunningService[] = [];
  let objections: RunningService | null = null;
  let gateway: RunningGateway | null = null;
  let operator: string;
  let office: string;
  let noticeId: string;
  let entryId: string;
  let objectionId: string;

  const rehearsalEnv = (extra: Record<string, string> = {}) =>
    infra.env({
      LAUREL_OBJECTIONS_FILES_DIR: filesDir,
      LAUREL_APPLICATIONS_FILES_DIR: path.join(filesDir, 'applications'),
      LAUREL_CLOCK: 'virtual',
      LAUREL_CLOCK_START: START,
      ...extra,
    });
  /** As `npm start` orders them: the services first (they wait for the gateway's time), then the gateway. */
  const start = async (extra: Record<string, string> = {}) => {
    const env = rehearsalEnv(extra);
    objections = await bootstrapService(objectionsService({ env }), { env });
    services = [
      await bootstrapService(awardsServiceDefinition, { env }),
      objections,
      await bootstrapService(applicationsService({ env }), { env }),
      await bootstrapService(reviewsService({ env }), { env }),
      await bootstrapService(fundsService({ env }), { env }),
    ];
    gateway = await startGateway({
      env: rehearsalEnv({ LAUREL_JWT_SECRET: JWT, LAUREL_HTTP_PORT: '0', ...extra }),
      services: SERVICES,
    });
  };
  const stop = async () => {
    await gateway?.close();
    for (const service of services) await service.close();
    gateway = null;
    objections = null;
    services = [];
  };
  /** Every service's clock: whether it knows the shared time, and the time it reads. */
  const serviceClocks = () =>
    services
      .map((service) => {
        const clock = service.runtime.clock as VirtualClock;
        return [service.runtime.service, clock.known, clock.now().toISOString()];
      })
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const applied = (now: string, firedInObjections: number) =>
    SERVICES.map((service) => ({
      service,
      status: 'applied',
      fired: service === 'objections' ? firedInObjections : 0,
      now,
    }));
  const call = async (method: string, url: string, options: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${gateway?.url}${url}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Json };
  };
  const login = async (username: string, password: string) =>
    (await call('POST', '/api/v1/auth/login', { body: { username, password } })).body.accessToken as string;
  const move = (body: unknown, token = operator) => call('POST', '/api/v1/operations/clock', { token, body });
  const examination = async () =>
    (await call('GET', `/api/v1/tenants/ili/objections/${objectionId}`, { token: office })).body.examination as Json;
  /** The public status, and whether the close job ran (when, and each entry's outcome). */
  const noticeState = async () => {
    const notice = (await call('GET', `/api/v1/tenants/ili/notices/${noticeId}`, { token: office })).body;
    const status = (await call('GET', `/api/v1/public/ili/notices/${noticeId}`)).body.status;
    return { status, closedAt: notice.closedAt, outcomes: (notice.entries as Json[]).map((e) => e.outcome ?? null) };
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-rehearsal-e2e-'));
    await start();
    await seedOperator(gateway as RunningGateway, OPERATOR.username, OPERATOR.password);
    operator = await login(OPERATOR.username, OPERATOR.password);
    const created = await call('POST', '/api/v1/tenants', {
      token: operator,
      body: {
        key: 'ili',
        nameZh: '伊犁州质量奖',
        nameEn: 'Ili Quality Award',
        level: 'prefecture',
        divisionCode: '654000',
      },
    });
    expect(created.status).toBe(201);
    const policy = loadLaunchPolicy('ili');
    const rules = await call('PUT', '/api/v1/tenants/ili/objection-rules', {
      token: operator,
      body: {
        policyKey: policy.key,
        policyVersion: policy.version,
        objections: policy.objections,
        reports: policy.reports,
        notices: policy.procedure.notices,
      },
    });
    expect(rules.status).toBe(200);
    const user = await call('POST', '/api/v1/tenants/ili/users', {
      token: operator,
      body: { username: 'ili-office', password: 'a-long-password', displayName: 'ili office', roles: ['office'] },
    });
    expect(user.status).toBe(201);
    office = await login('ili-office', 'a-long-password');
    // Four services and the gateway on a virtual clock: under load their start alone can pass jest's 30 s.
  }, 120_000);
  afterAll(async () => {
    await stop();
    await infra?.dispose();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('tells anyone the rehearsal time, and the operator where the rehearsal started', async () => {
    expect((await call('GET', '/api/v1/clock')).body).toEqual({ mode: 'virtual', now: START, rehearsal: true });
    const view = await call('GET', '/api/v1/operations/clock', { token: operator });
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ mode: 'virtual', now: START, startedAt: START, movedBy: null, rehearsal: true });
    expect((await call('GET', '/api/v1/operations/clock', { token: office })).status).toBe(403);
    // The services learnt it from the gateway: they started first, with nobody to ask yet.
    await eventually(async () => {
      expect(serviceClocks()).toEqual(SERVICES.map((service) => [service, true, START]));
    });
  });

  it('lets only the operator move it (403), and names the field of a bad move (400)', async () => {
    const byOffice = await move({ advance: 'P1D' }, office);
    expect(byOffice.status).toBe(403);
    expect(byOffice.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await move({ advance: 'P1D' }, '')).status).toBe(401);
    for (const [body, field] of [
      [{ advance: '7 days' }, 'body.advance'],
      [{ advance: 'P1.5D' }, 'body.advance'],
      [{ to: '2026-10-01' }, 'body.to'],
      [{ to: '2026-10-01T10:00:00' }, 'body.to'],
      [{}, 'body.advance'],
      [{ advance: 'P1D', to: '2026-10-01T10:00:00+08:00' }, 'body.to'],
      [{ by: 'P1D' }, 'body.by'],
    ] as const) {
      const refused = await move(body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), 400]);
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect((refused.body.errors as Json[]).map((e) => e.field)).toEqual([field]);
    }
    expect((await call('GET', '/api/v1/clock')).body.now).toBe(START);
  });

  it('fires an objection’s examination reminder, then its overdue case, in order within one move of ten days', async () => {
    const opened = await call('POST', '/api/v1/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title: '第一届伊犁州质量奖拟授奖名单公示（演练）',
        publishedOn: '2026-09-25',
        entries: [{ subjectKind: 'organisation', subjectId: 'app-a', subjectName: '甲公司', proposal: '拟授予质量奖' }],
      },
    });
    expect(opened.status).toBe(201);
    // 5 working days from Friday 25 September: 28, 29, 30 September, then 8 and 9 October (National Day between).
    expect(opened.body.deadline).toMatchObject({ lastDay: '2026-10-09', closesAt: '2026-10-09T16:00:00.000Z' });
    noticeId = opened.body.id as string;
    entryId = (opened.body.entries as Json[])[0]?.id as string;

    const filed = await call('POST', `/api/v1/public/ili/notices/${noticeId}/objections`, {
      body: { entryId, objector, grounds: '该单位近三年发生重大质量事故。', evidence: [evidence] },
    });
    expect(filed.status).toBe(201);
    const listed = await call('GET', '/api/v1/tenants/ili/objections', { token: office });
    objectionId = (listed.body.objections as Json[])[0]?.id as string;
    // Received Monday 28 September: last day 8 October, reminded at the start of 30 September.
    expect(await examination()).toMatchObject({
      lastDay: '2026-10-08',
      remindAt: '2026-09-29T16:00:00.000Z',
      dueAt: '2026-10-08T16:00:00.000Z',
      remindedAt: null,
      overdueAt: null,
    });

    const first = await move({ to: '2026-09-29T18:00:00+08:00' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ previous: START, now: '2026-09-29T10:00:00.000Z' });
    expect(await examination()).toMatchObject({ remindedAt: null, overdueAt: null });

    const tenDays = await move({ advance: 'P10D' });
    expect(tenDays.status).toBe(200);
    expect(tenDays.body).toEqual({
      mode: 'virtual',
      previous: '2026-09-29T10:00:00.000Z',
      now: '2026-10-09T10:00:00.000Z',
      steps: [
        { at: '2026-09-29T16:00:00.000Z', fired: 1, firedWithinMs: expect.any(Number) },
        { at: '2026-10-08T16:00:00.000Z', fired: 1, firedWithinMs: expect.any(Number) },
        { at: '2026-10-09T10:00:00.000Z', fired: 0, firedWithinMs: expect.any(Number) },
      ],
      services: applied('2026-10-09T10:00:00.000Z', 2),
    });
    // The answer came once they had fired: each at its own due time, the reminder first.
    expect(await examination()).toMatchObject({
      remindedAt: '2026-09-29T16:00:00.000Z',
      overdueAt: '2026-10-08T16:00:00.000Z',
    });
    const audit = await call('GET', '/api/v1/tenants/ili/audit?service=objections&limit=500', { token: office });
    const fired = (audit.body.entries as Json[]).filter((e) => String(e.action).startsWith('objection.examination'));
    expect(fired.map((e) => [e.action, e.occurredAt])).toEqual([
      ['objection.examination-remind', '2026-09-29T16:00:00.000Z'],
      ['objection.examination-overdue', '2026-10-08T16:00:00.000Z'],
    ]);
    // Ten days passed across National Day, but not five working days: the notice is still open.
    expect(await noticeState()).toEqual({ status: 'open', closedAt: null, outcomes: [null] });
  });

  it('refuses to move backwards with a problem+json saying why', async () => {
    const back = await move({ to: '2026-10-01T00:00:00+08:00' });
    expect(back.status).toBe(409);
    expect(back.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(back.body).toMatchObject({
      now: '2026-10-09T10:00:00.000Z',
      errors: [expect.objectContaining({ field: 'body.to' })],
    });
    expect(String(back.body.detail)).toContain('时钟只能向前拨动');
    expect((await call('GET', '/api/v1/clock')).body.now).toBe('2026-10-09T10:00:00.000Z');
  });

  it('closes the notice when the clock passes its deadline, not before', async () => {
    const justBefore = await move({ to: '2026-10-09T23:59:59.999+08:00' });
    expect(justBefore.body.steps).toEqual([
      { at: '2026-10-09T15:59:59.999Z', fired: 0, firedWithinMs: expect.any(Number) },
    ]);
    expect(await noticeState()).toEqual({ status: 'open', closedAt: null, outcomes: [null] });

    const past = await move({ advance: 'PT1S' });
    expect(past.body).toMatchObject({
      now: '2026-10-09T16:00:00.999Z',
      steps: [
        { at: '2026-10-09T16:00:00.000Z', fired: 1, firedWithinMs: expect.any(Number) },
        { at: '2026-10-09T16:00:00.999Z', fired: 0, firedWithinMs: expect.any(Number) },
      ],
    });
    // Closed by its job at its deadline, the objection still pending: no waiting, the move answered after it.
    expect(await noticeState()).toEqual({
      status: 'closed',
      closedAt: '2026-10-09T16:00:00.000Z',
      outcomes: ['objections_pending'],
    });
    const late = await call('POST', `/api/v1/public/ili/notices/${noticeId}/objections`, {
      body: { entryId, objector, grounds: '该单位近三年发生重大质量事故。', evidence: [evidence] },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ closedAt: '2026-10-09T16:00:00.000Z' });
  });

  it('keeps the rehearsal time across a restart of the gateway and the services', async () => {
    await stop();
    // A different start is ignored: the stored time wins.
    await start({ LAUREL_CLOCK_START: '2027-01-01T00:00:00Z' });
    operator = await login(OPERATOR.username, OPERATOR.password);
    const view = await call('GET', '/api/v1/operations/clock', { token: operator });
    expect(view.body).toMatchObject({ now: '2026-10-09T16:00:00.999Z', startedAt: START, movedBy: expect.any(String) });
    await eventually(async () => {
      expect(serviceClocks()).toEqual(SERVICES.map((service) => [service, true, '2026-10-09T16:00:00.999Z']));
    });
    const onward = await move({ advance: 'PT1H' });
    expect(onward.body).toMatchObject({
      now: '2026-10-09T17:00:00.999Z',
      services: applied('2026-10-09T17:00:00.999Z', 0),
    });
    expect(serviceClocks()).toEqual(SERVICES.map((service) => [service, true, '2026-10-09T17:00:00.999Z']));
  });

  it('a real-time platform says it is not a rehearsal platform, and its clock cannot be moved (409)', async () => {
    await stop();
    gateway = await startGateway({
      env: infra.env({ LAUREL_JWT_SECRET: JWT, LAUREL_HTTP_PORT: '0' }),
      services: SERVICES,
    });
    operator = await login(OPERATOR.username, OPERATOR.password);
    const now = await call('GET', '/api/v1/clock');
    expect(now.body).toMatchObject({ mode: 'real', rehearsal: false });
    expect(Date.parse(now.body.now as string)).toBeGreaterThan(Date.parse('2026-11-01T00:00:00Z'));
    const view = await call('GET', '/api/v1/operations/clock', { token: operator });
    expect(view.body).toMatchObject({ mode: 'real', startedAt: null, detail: '本平台使用真实时间，不是演练平台' });
    const moved = await move({ advance: 'P1D' });
    expect(moved.status).toBe(409);
    expect(moved.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(String(moved.body.detail)).toContain('不是演练平台');
  });

  it('refuses LAUREL_CLOCK=virtual with NODE_ENV=production, and says why', async () => {
    const production = rehearsalEnv({
      NODE_ENV: 'production',
      LAUREL_JWT_SECRET: JWT,
      LAUREL_HTTP_PORT: '0',
      LAUREL_OBJECTIONS_DATA_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    const why = /LAUREL_CLOCK: virtual is refused with NODE_ENV=production: a virtual clock is for rehearsal platforms/;
    await expect(startGateway({ env: production, services: [] })).rejects.toThrow(why);
    await expect(bootstrapService(objectionsService({ env: production }), { env: production })).rejects.toThrow(why);
  });
});
