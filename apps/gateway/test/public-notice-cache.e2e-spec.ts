import { eventually, TestClock } from '@laurel/testing';
import { PublicNoticeFastPath } from '../src/objections/public-notice-fast-path';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { OPERATOR } from './gateway.util';

/** Headers that differ between any two answers (time, the request's id, the counters of the limit). */
const PER_REQUEST = new Set(['date', 'x-correlation-id', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'keep-alive']);
const lasting = (headers: Headers) => [...headers.entries()].filter(([name]) => !PER_REQUEST.has(name));

/**
 * The public notice reads are cached by the gateway (ADR 0020): a strong ETag with If-None-Match → 304, a Cache-Control
 * never longer than until the next deadline, and the cached answers dropped by every notice change the objections
 * service makes — a notice opened, withdrawn or closed is never served in its former state.
 */
describe('gateway: public notices cached, never stale (ili)', () => {
  let sut: ApplicationsPlatform;
  let office: string;
  // The services on the machine's time, as the gateway keeps real time (its cache expires by its own clock).
  const clock = new TestClock(new Date().toISOString());
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

  const open = async (title: string) => {
    const opened = await sut.call('POST', '/api/v1/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title,
        publishedOn: today,
        entries: [
          { subjectKind: 'organisation', subjectId: title, subjectName: `${title}公司`, proposal: '拟授予质量奖' },
        ],
      },
    });
    if (opened.status !== 201) throw new Error(`notice: ${opened.status} ${JSON.stringify(opened.body)}`);
    return opened.body;
  };
  const titles = async () =>
    ((await sut.call('GET', '/api/v1/public/ili/notices')).body.notices as Json[]).map((n) => `${n.title}:${n.status}`);

  /** Reads answered by the gateway's onRequest hook from the cache, before Nest (ADR 0020). */
  const served = () => sut.gateway.app.get(PublicNoticeFastPath).served;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'linxia'] });
    office = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    await sut.objectionRulesReady('ili', office);
  }, 60000);

  afterAll(async () => {
    await sut?.close();
  });

  it('answers with a strong ETag and 304 to If-None-Match, cached no longer than until the notice closes', async () => {
    const notice = await open('甲公示');
    const first = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const cacheControl = first.headers.get('cache-control') ?? '';
    expect(cacheControl).toMatch(/^public, max-age=\d+, must-revalidate$/);
    const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1]);
    const untilClose = (Date.parse((first.body.deadline as Json).closesAt as string) - Date.now()) / 1000;
    expect(maxAge).toBeLessThanOrEqual(Math.min(30, untilClose));
    const again = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`, {
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const other = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`, {
      headers: { 'if-none-match': '"something-else"' },
    });
    expect(other.status).toBe(200);
    expect(other.body).toEqual(first.body);
  });

  it('a notice opened or withdrawn shows at once in the list and the notice, though both were cached', async () => {
    const before = await titles(); // the list is now cached
    const notice = await open('乙公示');
    expect(await titles()).toEqual(expect.arrayContaining([...before, '乙公示:open']));
    const cached = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`);
    expect(cached.body.status).toBe('open');
    const withdrawn = await sut.call('POST', `/api/v1/tenants/ili/notices/${notice.id}/withdraw`, {
      token: office,
      body: { reason: '名单有误，撤回重新公示' },
    });
    expect(withdrawn.status).toBe(200);
    // Immediately after the command's answer: never the cached "open".
    const after = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`);
    expect(after.body.status).toBe('withdrawn');
    expect(after.headers.get('etag')).not.toBe(cached.headers.get('etag'));
    expect(await titles()).toContain('乙公示:withdrawn');
  });

  it('a cached read is answered before Nest with the same body and headers, 304 included', async () => {
    const notice = await open('丁公示');
    for (const url of ['/api/v1/public/ili/notices', `/api/v1/public/ili/notices/${notice.id}`]) {
      // The first read is a miss: Nest reads it and stores it; the next read and its revalidation are served by the hook. Another
      // change of the tenant's notices (an earlier test's deadline on its way) may drop the entry between two reads
      // (it never serves a stale one): then the three reads are taken again.
      const missed = served();
      await sut.call('GET', url);
      expect(served()).toBe(missed);
      const { first, second, notModified } = await eventually(async () => {
        const first = await sut.call('GET', url);
        const before = served();
        const second = await sut.call('GET', url);
        const notModified = await sut.call('GET', url, {
          headers: { 'if-none-match': first.headers.get('etag') ?? '' },
        });
        expect(served()).toBe(before + 2);
        return { first, second, notModified };
      });
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(lasting(second.headers)).toEqual(lasting(first.headers));
      expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(second.headers.get('x-ratelimit-limit')).toBe(first.headers.get('x-ratelimit-limit'));
      expect(second.headers.get('x-frame-options') ?? second.headers.get('content-security-policy')).toBeTruthy();
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get('etag')).toBe(first.headers.get('etag'));
    }
  });

  it('the fast path is dropped by a change at once, and serves the new answer afterwards', async () => {
    const notice = await open('戊公示');
    const url = `/api/v1/public/ili/notices/${notice.id}`;
    await sut.call('GET', url);
    const cached = await sut.call('GET', url);
    expect(cached.body.status).toBe('open');
    const withdrawn = await sut.call('POST', `/api/v1/tenants/ili/notices/${notice.id}/withdraw`, {
      token: office,
      body: { reason: '名单有误，撤回重新公示' },
    });
    expect(withdrawn.status).toBe(200);
    const before = served();
    const after = await sut.call('GET', url);
    expect(served()).toBe(before); // the entry was dropped: Nest read it again
    expect(after.body.status).toBe('withdrawn');
    const again = await sut.call('GET', url);
    expect(served()).toBe(before + 1);
    expect(again.body).toEqual(after.body);
    expect(again.headers.get('etag')).toBe(after.headers.get('etag'));
  });

  it("another tenant's key never reaches a cached notice, and a suspended tenant is not served", async () => {
    const notice = await open('己公示');
    const url = `/api/v1/public/ili/notices/${notice.id}`;
    await sut.call('GET', url);
    expect((await sut.call('GET', url)).status).toBe(200);
    const elsewhere = await sut.call('GET', `/api/v1/public/linxia/notices/${notice.id}`);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const linxiaList = await sut.call('GET', '/api/v1/public/linxia/notices');
    await sut.call('GET', '/api/v1/public/linxia/notices');
    expect(JSON.stringify(linxiaList.body)).not.toContain(notice.id as string);

    const operator = await sut.login(OPERATOR.username);
    expect((await sut.call('POST', '/api/v1/tenants/ili/suspend', { token: operator })).status).toBe(200);
    const before = served();
    for (const path of [url, '/api/v1/public/ili/notices']) {
      const suspended = await sut.call('GET', path);
      expect(suspended.status).toBe(404);
      expect(suspended.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(served()).toBe(before);
    expect((await sut.call('POST', '/api/v1/tenants/ili/resume', { token: operator })).status).toBe(200);
    expect((await sut.call('GET', url)).body.id).toBe(notice.id);
  });

  it('drops every answer when the gateway’s NATS connection goes down and comes back (changes sent meanwhile are missed)', async () => {
    const notice = await open('庚公示');
    const url = `/api/v1/public/ili/notices/${notice.id}`;
    const first = await sut.call('GET', url);
    await sut.call('GET', url);
    const before = served();
    const reconnected = (async () => {
      for await (const status of sut.gateway.runtime.nats.status()) if (status.type === 'reconnect') return;
    })();
    await sut.gateway.runtime.nats.reconnect();
    await reconnected;
    const after = await sut.call('GET', url);
    expect(served()).toBe(before); // dropped: read again through Nest
    expect(after.body).toEqual(first.body);
    await sut.call('GET', url);
    expect(served()).toBe(before + 1);
  });

  // Last: it moves the services' clock past the notices' periods.
  it('a notice closing at its deadline is never served as open afterwards', async () => {
    const notice = await open('丙公示');
    const cached = await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`);
    expect(cached.body.status).toBe('open');
    expect(await titles()).toContain('丙公示:open');
    const closesAt = (notice.deadline as Json).closesAt as string;
    await sut.settle(new Date(Date.parse(closesAt) + 60_000).toISOString());
    // The close job runs in the objections service (its audit entry is written in the close's transaction); the moment
    // it has run, the public reads the notice closed, though the gateway had it cached as open until next week.
    await eventually(
      async () => {
        const audit = await sut.call('GET', '/api/v1/tenants/ili/audit?service=objections&limit=500', {
          token: office,
        });
        expect(audit.body.entries).toContainEqual(
          expect.objectContaining({ action: 'notice.close', targetId: notice.id }),
        );
      },
      { timeoutMs: 15000 },
    );
    expect((await sut.call('GET', `/api/v1/public/ili/notices/${notice.id}`)).body.status).toBe('closed');
    expect(await titles()).not.toContain('丙公示:open');
  });
});
