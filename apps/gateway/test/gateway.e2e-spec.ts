import { IdempotencyService } from '../src/idempotency/idempotency.service';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;

describe('gateway: HTTP → NATS → service, auth, tenancy, errors', () => {
  let sut: Platform;
  let operator: string;
  let office: string;
  let otherOffice: string;
  let supervisor: string;

  const tenant = (key: string, divisionCode: string) => ({
    key,
    nameZh: `${key} 质量奖`,
    nameEn: `${key} Quality Award`,
    level: 'prefecture',
    divisionCode,
  });

  beforeAll(async () => {
    sut = await startPlatform();
    operator = await sut.login(OPERATOR.username, OPERATOR.password);
    expect((await sut.call('POST', '/api/v1/tenants', { token: operator, body: tenant('ili', '654000') })).status).toBe(
      201,
    );
    expect(
      (await sut.call('POST', '/api/v1/tenants', { token: operator, body: tenant('linxia', '622921') })).status,
    ).toBe(201);
    const users = [
      ['ili', 'ili-office', ['office']],
      ['ili', 'ili-supervisor', ['supervisor']],
      ['linxia', 'linxia-office', ['office']],
    ] as const;
    for (const [key, username, roles] of users) {
      const created = await sut.call('POST', `/api/v1/tenants/${key}/users`, {
        token: operator,
        body: { username, password: 'a-long-password', displayName: username, roles },
      });
      expect(created.status).toBe(201);
    }
    office = await sut.login('ili-office', 'a-long-password');
    supervisor = await sut.login('ili-supervisor', 'a-long-password');
    otherOffice = await sut.login('linxia-office', 'a-long-password');
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a command through the gateway reaches the service over NATS, commits and answers', async () => {
    const created = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
      token: office,
      body: { name: '申报' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '申报' });
    const listed = await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: office });
    expect((listed.body.items as { id: string }[]).map((i) => i.id)).toContain(created.body.id);
    // Another tenant's office sees none of it.
    const other = await sut.call('GET', '/api/v1/tenants/linxia/probe/items', { token: otherOffice });
    expect(other.body.items).toEqual([]);
  });

  it('the audit trail of a change is readable by the office and intact', async () => {
    const audit = await sut.call('GET', '/api/v1/tenants/ili/audit?service=probe', { token: office });
    expect(audit.status).toBe(200);
    expect((audit.body.entries as { action: string }[]).map((e) => e.action)).toContain('item.create');
    const verify = await sut.call('GET', '/api/v1/tenants/ili/audit/verify?service=gateway', { token: office });
    expect(verify.body).toMatchObject({ ok: true });
  });

  describe('bad input gets a 4xx problem+json naming the field, never a 500', () => {
    const post = (options: { body?: unknown; raw?: string; headers?: Record<string, string> }) =>
      sut.call('POST', '/api/v1/tenants/ili/probe/items', { token: office, ...options });

    it('malformed JSON', async () => {
      const response = await post({ raw: '{"name": "x",' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(response.body).toMatchObject({ type: 'urn:laurel:problem:malformed_request', status: 400 });
    });

    it('wrong types and unknown fields, each named', async () => {
      const response = await post({ body: { name: 42, colour: 'red' } });
      expect(response.status).toBe(400);
      const fields = (response.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['body.colour', 'body.name']);
    });

    it('a huge string', async () => {
      const response = await post({ body: { name: 'x'.repeat(100000) } });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.name' })]);
    });

    it('an oversized body', async () => {
      const response = await post({ raw: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }) });
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ type: 'urn:laurel:problem:payload_too_large' });
    });

    it('a URL that cannot be decoded', async () => {
      const response = await sut.call('GET', '/api/v1/public/%E0%A4%A/notices');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'url' })]);
    });

    it('a body that is not JSON at all', async () => {
      const response = await post({ raw: 'name=x', headers: { 'content-type': 'text/plain' } });
      expect([400, 415]).toContain(response.status);
      expect(response.headers.get('content-type')).toMatch(/problem\+json/);
    });

    it('in English on Accept-Language: en, Chinese by default', async () => {
      const zh = await post({ body: {} });
      const en = await post({ body: {}, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
      expect(zh.body.title).toBe('请求内容不符合要求');
      expect(en.body.title).toBe('The request is not valid');
      expect(en.body.errors).toEqual([{ field: 'body.name', reason: 'is required' }]);
    });
  });

  describe('who may do what', () => {
    it('no login → 401', async () => {
      expect((await sut.call('GET', '/api/v1/tenants/ili/probe/items')).status).toBe(401);
      expect((await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: 'not.a.token' })).status).toBe(401);
    });

    it('another tenant → 404, wrong role → 403, operator-only → 403', async () => {
      expect((await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: otherOffice })).status).toBe(404);
      const asSupervisor = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
        token: supervisor,
        body: { name: 'x' },
      });
      expect(asSupervisor.status).toBe(403);
      expect((await sut.call('POST', '/api/v1/tenants', { token: office, body: tenant('xyz', '110000') })).status).toBe(
        403,
      );
      expect((await sut.call('GET', '/api/v1/tenants/nowhere/probe/items', { token: office })).status).toBe(404);
    });

    it('lists only one’s own tenants; operators see all', async () => {
      const mine = await sut.call('GET', '/api/v1/tenants', { token: office });
      expect((mine.body.tenants as { key: string }[]).map((t) => t.key)).toEqual(['ili']);
      const all = await sut.call('GET', '/api/v1/tenants', { token: operator });
      expect((all.body.tenants as { key: string }[]).map((t) => t.key).sort()).toEqual(['ili', 'linxia']);
    });

    it('a duplicate tenant key is a 409 naming the field', async () => {
      const response = await sut.call('POST', '/api/v1/tenants', { token: operator, body: tenant('ili', '654000') });
      expect(response.status).toBe(409);
      expect(response.body.field).toBe('key');
    });

    it('a suspended tenant refuses writes until resumed', async () => {
      expect((await sut.call('POST', '/api/v1/tenants/linxia/suspend', { token: operator })).status).toBe(200);
      const write = await sut.call('POST', '/api/v1/tenants/linxia/probe/items', {
        token: otherOffice,
        body: { name: 'x' },
      });
      expect(write.status).toBe(423);
      expect((await sut.call('POST', '/api/v1/tenants/linxia/resume', { token: operator })).status).toBe(200);
      const again = await sut.call('POST', '/api/v1/tenants/linxia/probe/items', {
        token: otherOffice,
        body: { name: 'x' },
      });
      expect(again.status).toBe(201);
    });
  });

  describe('sessions', () => {
    it('refresh rotates; a reused refresh token ends the session; logout ends it', async () => {
      const login = await sut.call('POST', '/api/v1/auth/login', {
        body: { username: 'ili-office', password: 'a-long-password' },
      });
      const first = login.body.refreshToken as string;
      const refreshed = await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } });
      expect(refreshed.status).toBe(200);
      const second = refreshed.body.refreshToken as string;
      expect((await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first } })).status).toBe(401);
      // The reuse revoked the family, so the newer token is dead too.
      expect((await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: second } })).status).toBe(401);

      const other = await sut.call('POST', '/api/v1/auth/login', {
        body: { username: 'ili-office', password: 'a-long-password' },
      });
      expect(
        (await sut.call('POST', '/api/v1/auth/logout', { body: { refreshToken: other.body.refreshToken } })).status,
      ).toBe(204);
      expect(
        (await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status,
      ).toBe(401);
    });

    it('of two refreshes with the same token at once, one wins and the session then ends', async () => {
      const login = await sut.call('POST', '/api/v1/auth/login', {
        body: { username: 'ili-office', password: 'a-long-password' },
      });
      const token = login.body.refreshToken as string;
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: token } })),
      );
      const issued = answers.filter((answer) => answer.status === 200);
      expect(issued.length).toBeLessThanOrEqual(1);
      // Whoever won holds a token of an ended session: a stolen token raced with its owner's ends both.
      for (const answer of issued) {
        const next = answer.body.refreshToken as string;
        expect((await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: next } })).status).toBe(401);
      }
    });

    it('a wrong password is a 401 that does not say which part was wrong', async () => {
      const response = await sut.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'x' } });
      expect(response.status).toBe(401);
      expect(response.body.detail).toBe('用户名或密码错误');
    });
  });

  describe('Idempotency-Key', () => {
    const records = async (where: string) =>
      (
        await sut.gateway.runtime.database.system.$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM idempotency_record WHERE ${where}`,
        )
      )[0]?.n;
    it('same key and body → the same response, and one change; other body → 422', async () => {
      const headers = { 'idempotency-key': 'create-once-1' };
      const first = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
        token: office,
        body: { name: 'once' },
        headers,
      });
      const second = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
        token: office,
        body: { name: 'once' },
        headers,
      });
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      // Stored sealed: a reader of the table does not see the answer (it may hold tokens or receipt numbers).
      expect(await records(`key = 'create-once-1' AND response_body::text LIKE '%${first.body.id}%'`)).toBe(0);
      expect(await records(`key = 'create-once-1' AND response_body ? 'sealed'`)).toBe(1);
      const listed = await sut.call('GET', '/api/v1/tenants/ili/probe/items', { token: office });
      expect((listed.body.items as { name: string }[]).filter((i) => i.name === 'once')).toHaveLength(1);

      const other = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
        token: office,
        body: { name: 'other' },
        headers,
      });
      expect(other.status).toBe(422);
      expect(other.body.type).toBe('urn:laurel:problem:idempotency_key_reused');
    });

    it('is not applied to login: its tokens are never stored for replay', async () => {
      const headers = { 'idempotency-key': 'login-once-1' };
      const body = { username: 'ili-office', password: 'a-long-password' };
      const first = await sut.call('POST', '/api/v1/auth/login', { body, headers });
      const second = await sut.call('POST', '/api/v1/auth/login', { body, headers });
      expect(first.status).toBe(200);
      expect(second.headers.get('idempotent-replayed')).toBeNull();
      expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
      expect(await records(`key = 'login-once-1'`)).toBe(0);
    });

    it('takes over a key left in progress past its lease, and sweeps records past 24 hours', async () => {
      await sut.gateway.runtime.database.system.$executeRawUnsafe(
        `INSERT INTO idempotency_record (scope, key, method, path, body_hash, created_at)
           SELECT scope, 'abandoned-1', 'POST', '/api/v1/tenants/ili/probe/items', 'x', now() - interval '2 minutes'
             FROM idempotency_record WHERE key = 'create-once-1' LIMIT 1`,
      );
      const taken = await sut.call('POST', '/api/v1/tenants/ili/probe/items', {
        token: office,
        body: { name: 'after a crash' },
        headers: { 'idempotency-key': 'abandoned-1' },
      });
      expect(taken.status).toBe(201);

      await sut.gateway.runtime.database.system.$executeRawUnsafe(
        `UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = 'abandoned-1'`,
      );
      expect(await sut.gateway.app.get(IdempotencyService).sweep()).toBeGreaterThanOrEqual(1);
      expect(await records(`key = 'abandoned-1'`)).toBe(0);
    });
  });

  it('reports every service’s health', async () => {
    const response = await sut.call('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    const services = response.body.services as { service: string; status: string }[];
    expect(services.map((s) => [s.service, s.status])).toEqual([
      ['gateway', 'up'],
      ['probe', 'up'],
    ]);
  });

  it('serves its OpenAPI document and docs page, with security headers', async () => {
    const json = await sut.call('GET', '/api/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/tenants']),
    );
    // Query parameters are documented from the same schemas that check them.
    type Operation = { parameters?: { name: string; in: string; required?: boolean }[] };
    const paths = json.body.paths as Record<string, Record<string, Operation>>;
    expect(paths['/api/v1/tenants/{tenantKey}/objection-rules']?.get?.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'version', in: 'query', required: false })]),
    );
    expect(paths['/api/v1/tenants/{tenantKey}/notices']?.get?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'status',
          in: 'query',
          schema: expect.objectContaining({ enum: expect.arrayContaining(['withdrawn']) }),
        }),
      ]),
    );
    const page = await fetch(`${sut.gateway.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('rate-limits login', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push(
        (await sut.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'wrong' } })).status,
      );
    }
    expect(statuses).toContain(429);
    const limited = await sut.call('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'wrong' } });
    expect(limited.body.type).toBe('urn:laurel:problem:rate_limited');
    // The router decodes the path: a percent-encoded spelling of the login route is the login route, and limited.
    const encoded = await sut.call('POST', '/api/v1/auth/%6cogin', { body: { username: 'nobody', password: 'wrong' } });
    expect(encoded.status).toBe(429);
  });
});
