import { connect } from 'node:net';
import { OPERATOR, startPlatform } from './gateway.util';

type Platform = Awaited<ReturnType<typeof startPlatform>>;
type Answer = { status: number; headers: Headers; body: Record<string, unknown> };

/** A problem+json answer with a stable Laurel type and its own status (RFC 9457), never HTML or Fastify's shape. */
const expectProblem = (answer: Answer, status: number, type?: string) => {
  expect({ status: answer.status, contentType: answer.headers.get('content-type') }).toEqual({
    status,
    contentType: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(answer.body).toMatchObject({ status, type: type ?? expect.stringMatching(/^urn:laurel:problem:[a-z_]+$/) });
  expect(answer.body).not.toHaveProperty('statusCode');
  expect(answer.body).not.toHaveProperty('error');
};

/** A request written byte for byte on a socket: headers that fetch() would refuse to send. */
const raw = (url: string, request: string) =>
  new Promise<Answer>((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname, () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString();
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Headers();
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(rest.join('\r\n\r\n')) as Record<string, unknown>;
      } catch {
        body = { text: rest.join('\r\n\r\n') };
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });

/**
 * Hardening found by attacking the running gateway (issue 11 §3): NUL characters and deep nesting are 400s before
 * anything stores or recurses over them, malformed headers and Fastify's own errors are problem+json, and an ended
 * session's access tokens stop at once.
 */
describe('gateway hardening', () => {
  let sut: Platform;
  let office: string;
  const items = '/api/v1/tenants/ili/probe/items';

  beforeAll(async () => {
    sut = await startPlatform();
    const operator = await sut.login(OPERATOR.username, OPERATOR.password);
    const tenant = {
      key: 'ili',
      nameZh: 'ili 质量奖',
      nameEn: 'ili award',
      level: 'prefecture',
      divisionCode: '654000',
    };
    expect((await sut.call('POST', '/api/v1/tenants', { token: operator, body: tenant })).status).toBe(201);
    const user = { username: 'ili-office', password: 'a-long-password', displayName: '办公室', roles: ['office'] };
    expect((await sut.call('POST', '/api/v1/tenants/ili/users', { token: operator, body: user })).status).toBe(201);
    office = await sut.login('ili-office', 'a-long-password');
  });
  afterAll(async () => {
    await sut?.close();
  });

  describe('NUL characters', () => {
    it('in a login is a 400 naming the field, not a 500', async () => {
      const answer = await sut.call('POST', '/api/v1/auth/login', {
        body: { username: 'ili-office\u0000', password: 'a-long-password' },
      });
      expectProblem(answer, 400, 'urn:laurel:problem:validation_failed');
      expect(answer.body.errors).toEqual([{ field: 'body.username', reason: expect.stringContaining('NUL') }]);
    });

    it('in any string or key of a body, deep down, is named by its path', async () => {
      const answer = await sut.call('POST', items, {
        token: office,
        body: { name: 'ok', nested: [{ deep: { text: 'a\u0000b' } }], 'k\u0000': 1 },
        headers: { 'accept-language': 'en' },
      });
      expectProblem(answer, 400, 'urn:laurel:problem:validation_failed');
      const fields = (answer.body.errors as { field: string }[]).map((e) => e.field).sort();
      expect(fields).toEqual(['body.nested[0].deep.text', 'body["k\\\\u0000"]']);
      // Nothing reached the service.
      expect(((await sut.call('GET', items, { token: office })).body.items as unknown[]).length).toBe(0);
    });

    it('in a query string or a path parameter is a 400 too', async () => {
      expectProblem(await sut.call('GET', `${items}?after=%00`, { token: office }), 400);
      const answer = await sut.call('GET', '/api/v1/public/il%00i/notices');
      expect(answer.status).toBeLessThan(500);
      expect(answer.headers.get('content-type')).toMatch(/problem\+json/);
    });
  });

  describe('deep nesting', () => {
    it('50,000 nested brackets with an Idempotency-Key is a 400 before hashing, not a stack overflow', async () => {
      const answer = await sut.call('POST', items, {
        token: office,
        raw: `${'['.repeat(50000)}${']'.repeat(50000)}`,
        headers: { 'idempotency-key': 'deep-1' },
      });
      expectProblem(answer, 400, 'urn:laurel:problem:malformed_request');
      expect(answer.body.errors).toEqual([{ field: 'body', reason: expect.stringContaining('64') }]);
      const objects = await sut.call('POST', items, {
        token: office,
        raw: `${'{"a":'.repeat(65)}1${'}'.repeat(65)}`,
        headers: { 'idempotency-key': 'deep-2' },
      });
      expectProblem(objects, 400, 'urn:laurel:problem:malformed_request');
    });

    it('64 levels are still parsed (and then checked by the route as usual)', async () => {
      const answer = await sut.call('POST', items, {
        token: office,
        raw: JSON.stringify({ name: 'deep enough', x: JSON.parse(`${'['.repeat(63)}${']'.repeat(63)}`) }),
      });
      expectProblem(answer, 400, 'urn:laurel:problem:validation_failed');
      expect(answer.body.errors).toEqual([{ field: 'body.x', reason: expect.any(String) }]);
    });
  });

  describe('malformed requests and Fastify’s own errors are problem+json', () => {
    it('bodies: invalid JSON, an empty JSON body, a prototype key, another media type, too large', async () => {
      const post = (raw: string, headers: Record<string, string> = {}) =>
        sut.call('POST', items, { token: office, raw, headers });
      expectProblem(await post('{"name": '), 400, 'urn:laurel:problem:malformed_request');
      expectProblem(await post(''), 400, 'urn:laurel:problem:malformed_request');
      expectProblem(await post('   '), 400, 'urn:laurel:problem:malformed_request');
      expectProblem(await post('{"__proto__": {"x": 1}}'), 400, 'urn:laurel:problem:malformed_request');
      expectProblem(
        await post('{"constructor": {"prototype": {"x": 1}}}'),
        400,
        'urn:laurel:problem:malformed_request',
      );
      for (const type of ['text/plain', 'text/html', 'application/x-www-form-urlencoded', 'application/xml', ';;;']) {
        expectProblem(await post('name=x', { 'content-type': type }), 415, 'urn:laurel:problem:unsupported_media_type');
      }
      expectProblem(
        await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) })),
        413,
        'urn:laurel:problem:payload_too_large',
      );
    });

    it('headers: a bad Authorization, Accept-Language or Idempotency-Key', async () => {
      for (const authorization of ['Basic b3BlcmF0b3I6eA==', 'Bearer', 'Bearer a.b.c', `Bearer ${'x'.repeat(9000)}`]) {
        expectProblem(
          await sut.call('GET', items, { headers: { authorization } }),
          401,
          'urn:laurel:problem:unauthenticated',
        );
      }
      for (const language of [';;;q=abc,*', 'en;q=NaN, zh;q=-1', 'x'.repeat(4000), '*']) {
        const answer = await sut.call('GET', items, { headers: { 'accept-language': language } });
        expectProblem(answer, 401, 'urn:laurel:problem:unauthenticated');
      }
      expectProblem(
        await sut.call('POST', items, {
          token: office,
          body: { name: 'x' },
          headers: { 'idempotency-key': 'k'.repeat(300) },
        }),
        400,
        'urn:laurel:problem:validation_failed',
      );
    });

    it('routing: no such route, no such method, an undecodable URL', async () => {
      expectProblem(await sut.call('GET', '/api/v1/no-such-route'), 404, 'urn:laurel:problem:not_found');
      expectProblem(await sut.call('GET', '/nothing-here.html'), 404, 'urn:laurel:problem:not_found');
      expectProblem(await sut.call('DELETE', '/api/v1/auth/login'), 404, 'urn:laurel:problem:not_found');
      expectProblem(await sut.call('PATCH', items, { token: office, body: {} }), 404, 'urn:laurel:problem:not_found');
      expectProblem(
        await sut.call('GET', '/api/v1/public/%E0%A4%A/notices'),
        400,
        'urn:laurel:problem:malformed_request',
      );
    });

    it('the wire: a bad or mismatched Content-Length, a header Node cannot parse', async () => {
      const host = new URL(sut.gateway.url).host;
      const post = (headers: string, body: string) =>
        raw(
          sut.gateway.url,
          `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${host}\r\n${headers}Connection: close\r\n\r\n${body}`,
        );
      const body = JSON.stringify({ username: 'a', password: 'b' });
      expectProblem(await post('Content-Type: application/json\r\nContent-Length: abc\r\n', body), 400);
      expectProblem(await post('Content-Type: application/json\r\nContent-Length: 5\r\n', body), 400);
      expectProblem(
        await post(`Content-Type: application/json\r\nContent-Length: ${body.length}\r\nX-Bad: a\u0001b\r\n`, body),
        400,
      );
      expectProblem(
        await raw(sut.gateway.url, `GARBAGE / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
        400,
      );
    });
  });

  describe('ending a session ends its access tokens at once', () => {
    const signIn = async () =>
      (await sut.call('POST', '/api/v1/auth/login', { body: { username: 'ili-office', password: 'a-long-password' } }))
        .body as { accessToken: string; refreshToken: string };

    it('logout: the access token is refused at once with 401 problem+json', async () => {
      const session = await signIn();
      expect((await sut.call('GET', items, { token: session.accessToken })).status).toBe(200);
      expect(
        (await sut.call('POST', '/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(204);
      expectProblem(
        await sut.call('GET', items, { token: session.accessToken }),
        401,
        'urn:laurel:problem:unauthenticated',
      );
      // Another session of the same user goes on.
      expect((await sut.call('GET', items, { token: office })).status).toBe(200);
    });

    it('refresh reuse: the session ends, with every access token issued in it', async () => {
      const session = await signIn();
      const rotated = await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } });
      expect(rotated.status).toBe(200);
      const newer = rotated.body.accessToken as string;
      expect((await sut.call('GET', items, { token: newer })).status).toBe(200);
      expect(
        (await sut.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
      for (const token of [session.accessToken, newer]) {
        expectProblem(await sut.call('GET', items, { token }), 401, 'urn:laurel:problem:unauthenticated');
      }
    });
  });
});
