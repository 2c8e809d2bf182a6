import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

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

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
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
