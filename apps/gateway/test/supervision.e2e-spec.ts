// A service killed under `npm start`'s supervisor: the gateway answers 503 problem+json for its routes while it is
// down, the supervisor restarts it, and a retry with the same Idempotency-Key then succeeds, once.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@laurel/testing';
import { Supervisor } from '../../../infra/scripts/supervisor.mjs';
import { PROBE_MAIN } from '../../../packages/testing/test/probe.util';
import { RETRY_AFTER_SECONDS } from '../src/http/problem-details.filter';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

const REGISTER = path.resolve(__dirname, '../../../infra/swc-register.js');

describe('a service killed under the supervisor', () => {
  let sut: Platform;
  let supervisor: Supervisor;
  let office: string;
  let dir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'laurel-supervision-'));
    const statusFile = path.join(dir, 'supervisor.json');
    sut = await startPlatform(
      { LAUREL_SUPERVISOR_STATUS_FILE: statusFile, LAUREL_NATS_REQUEST_TIMEOUT_MS: '2000' },
      { withoutProbe: true },
    );
    // Restarted 3 s after it dies, so the test sees it down (`npm start` waits 0.5 s).
    supervisor = new Supervisor({
      policy: { initialDelayMs: 3000 },
      statusFile,
      logger: { info: (message) => logs.push(message), alarm: (lines) => logs.push(...lines) },
    });
    await supervisor.add({
      name: 'probe',
      command: process.execPath,
      args: ['-r', REGISTER, PROBE_MAIN],
      env: { ...process.env, ...sut.infra.env(), LAUREL_LOG_LEVEL: 'info' },
      ready: /"msg":"probe started"/,
      readyTimeoutMs: 60_000,
      onLine: () => undefined,
    });
    const operator = await sut.login(OPERATOR.username, OPERATOR.password);
    const tenant = { key: 'ili', nameZh: '伊犁 质量奖', nameEn: 'Ili Quality Award', level: 'prefecture' };
    expect(
      (await sut.call('POST', '/api/v1/tenants', { token: operator, body: { ...tenant, divisionCode: '654000' } }))
        .status,
    ).toBe(201);
    const user = { username: 'ili-office', password: 'a-long-password', displayName: 'ili office', roles: ['office'] };
    expect((await sut.call('POST', '/api/v1/tenants/ili/users', { token: operator, body: user })).status).toBe(201);
    office = await sut.login('ili-office', 'a-long-password');
  }, 120_000);
  afterAll(async () => {
    await supervisor?.stop();
    await sut?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const create = (name: string, key: string, headers: Record<string, string> = {}) =>
    sut.call('POST', '/api/v1/tenants/ili/probe/items', {
      token: office,
      body: { name },
      headers: { 'idempotency-key': key, ...headers },
    });

  it('answers 503 problem+json with Retry-After while it is down, and the same Idempotency-Key succeeds once it is back', async () => {
    expect((await create('before', 'before-1')).status).toBe(201);

    const pid = supervisor.pid('probe') as number;
    const exited = new Promise<{ signal: string | null }>((resolve) => supervisor.once('exit', resolve));
    const back = new Promise<void>((resolve) => supervisor.once('ready', () => resolve()));
    process.kill(pid, 'SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    // While it is down: 503, problem+json, a stable type, Retry-After, zh by default and en on request.
    const refused = await create('during', 'retry-me');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
    expect(refused.body).toMatchObject({ type: 'urn:laurel:problem:service_unavailable', status: 503 });
    expect(refused.body.detail).toMatch(/暂不可用/);
    const inEnglish = await create('during', 'retry-me', { 'accept-language': 'en' });
    expect(inEnglish.status).toBe(503);
    expect(inEnglish.body.detail).toMatch(/unavailable/);
    // The rest of the platform keeps serving, and the health page says which service is down and that it restarts.
    const health = await sut.call('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.services).toContainEqual(expect.objectContaining({ service: 'probe', status: 'down' }));
    expect(health.body.supervision).toContainEqual(
      expect.objectContaining({
        service: 'probe',
        state: 'restarting',
        restarts: 1,
        lastExit: expect.objectContaining({ signal: 'SIGKILL' }),
      }),
    );
    expect(logs).toContainEqual(
      expect.stringMatching(/^probe exited unexpectedly \(signal SIGKILL\).*restarting in 3\.0 s/),
    );

    await back;
    // The 503 was not kept as the key's answer: the retry does the write, and a second retry replays it.
    const retried = await eventually(async () => {
      const response = await create('during', 'retry-me');
      expect(response.status).toBe(201);
      return response;
    });
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const replayed = await create('during', 'retry-me');
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(retried.body.id);
    const listed = await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: office });
    expect((listed.body.items as { name: string }[]).filter((item) => item.name === 'during')).toHaveLength(1);
  }, 120_000);

  it('a service that holds a request without answering gets it a 504 problem+json with Retry-After', async () => {
    const pid = supervisor.pid('probe') as number;
    process.kill(pid, 'SIGSTOP');
    try {
      const late = await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: office });
      expect(late.status).toBe(504);
      expect(late.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(late.headers.get('retry-after')).toBe(String(RETRY_AFTER_SECONDS));
      expect(late.body).toMatchObject({ type: 'urn:laurel:problem:timeout', status: 504 });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    await eventually(async () =>
      expect((await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: office })).status).toBe(200),
    );
  }, 60_000);

  it('the health page shows a service in a crash loop as down, even while one of its short runs answers', async () => {
    const file = path.join(dir, 'looping.json');
    const looping = await startPlatform({ LAUREL_SUPERVISOR_STATUS_FILE: file });
    try {
      const app = { state: 'crash_loop', pid: null, restarts: 7, crashLoop: true, nextStartAt: null };
      const lastExit = { code: 1, signal: null, at: new Date().toISOString(), ranMs: 900 };
      writeFileSync(file, JSON.stringify({ supervisorPid: process.pid, apps: { probe: { ...app, lastExit } } }));
      const health = await looping.call('GET', '/api/v1/health');
      expect(health.body.services).toContainEqual(expect.objectContaining({ service: 'probe', status: 'down' }));
      expect(health.body.supervision).toEqual([
        expect.objectContaining({ service: 'probe', crashLoop: true, restarts: 7 }),
      ]);
      // The same probe, no longer looping, is up.
      writeFileSync(
        file,
        JSON.stringify({
          supervisorPid: process.pid,
          apps: { probe: { ...app, state: 'running', crashLoop: false, lastExit } },
        }),
      );
      const recovered = await looping.call('GET', '/api/v1/health');
      expect(recovered.body.services).toContainEqual(expect.objectContaining({ service: 'probe', status: 'up' }));
    } finally {
      await looping.close();
    }
  }, 60_000);
});
