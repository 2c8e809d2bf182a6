import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anOrganisation, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform, statusesOf } from './applications.util';

const SIXTH = JSON.parse(
  readFileSync(join(__dirname, '../../../packages/policy/test-fixtures/sixth-jurisdiction.json'), 'utf8'),
) as Json;
const FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [], lossYears: [] };

/**
 * Where a submitted application goes: to its recommender where the policy's plan has a recommendation step (ili
 * 第十一条, as before), straight to the office's formal review where the text has none (a sixth jurisdiction: internal
 * publicity 第八条, then the acceptance list 第十条) — no recommending department is asked for or made up.
 */
describe('submission with and without a recommender in the policy', () => {
  let sut: ApplicationsPlatform;
  // Monday 2 March 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-03-02T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const tokens: Record<string, string> = {};
  let recommenderIds: Record<string, string> = {};

  /** Opens cycle 1, registers a department and its account, and one eligible organisation with its application. */
  const prepare = async (tenant: string, n: number) => {
    const api = `/api/v1/tenants/${tenant}`;
    for (const [username, roles] of [
      [`${tenant}-office`, ['office']],
      [`${tenant}-org`, ['applicant']],
      [`${tenant}-dept`, ['recommender']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      tokens[username] = user.token;
      if (username.endsWith('-dept')) {
        const department = await call('POST', `${api}/recommenders`, {
          token: tokens[`${tenant}-office`],
          body: { name: `${tenant} 工业和信息化局`, kind: 'department', userIds: [user.id] },
        });
        expect(department.status).toBe(201);
        recommenderIds = { ...recommenderIds, [tenant]: department.body.id as string };
      }
    }
    const office = tokens[`${tenant}-office`] as string;
    const cycle = await call('POST', `${api}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-03-01', closesOn: '2026-06-30' },
    });
    expect(cycle.status).toBe(201);
    await sut.objectionRulesReady(tenant, office);
    const org = tokens[`${tenant}-org`] as string;
    const applicant = await call('POST', `${api}/applicants`, {
      token: org,
      body: anOrganisation(tenant, n),
    });
    expect(applicant.status).toBe(201);
    const application = await call('POST', `${api}/applications`, {
      token: org,
      body: { cycleNumber: 1, facts: FACTS },
    });
    expect(application.status).toBe(201);
    const started = await call('POST', `${api}/applications/${application.body.id}/internal-publicity`, {
      token: org,
      body: { startedOn: '2026-03-02', evidence: '公示照片与公示期内无异议的说明' },
    });
    expect([started.status, started.body.detail]).toEqual([200, undefined]);
    return application.body.id as string;
  };

  let iliId: string;
  let sixthId: string;

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    const operator = await sut.login('operator');
    const created = await call('POST', '/api/v1/tenants', {
      token: operator,
      body: { divisionCode: '419900', policy: SIXTH },
    });
    expect(created.status).toBe(201);
    iliId = await prepare('ili', 4101);
    sixthId = await prepare(SIXTH.key as string, 4102);
    // ili: 5 working days (3–6, 9 March); the sixth jurisdiction: 7 calendar days (to 9 March).
    await sut.settle('2026-03-10T01:00:00Z');
  });
  afterAll(async () => {
    await sut?.close();
  });

  /** Moves past every notice the application has open and waits for its status. */
  const pastNotices = async (tenant: string, id: string, status: string) => {
    const office = tokens[`${tenant}-office`] as string;
    const one = await call('GET', `/api/v1/tenants/${tenant}/applications/${id}`, { token: office });
    const closes = (one.body.notices as Json[]).map((n) => new Date(n.closesAt as string).getTime());
    await sut.settle(new Date(Math.max(...closes) + 1000).toISOString());
    return sut.statusBecomes(tenant, id, office, status);
  };

  it('with a recommender (ili): submission names one, the office waits for its recommendation, as before', async () => {
    const api = '/api/v1/tenants/ili';
    const org = tokens['ili-org'] as string;
    const office = tokens['ili-office'] as string;
    const unnamed = await call('POST', `${api}/applications/${iliId}/submit`, { token: org, body: {} });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([
      expect.objectContaining({ field: 'body.recommenderId', reason: expect.stringContaining('ili 第十条; 第十一条') }),
    ]);
    const submitted = await call('POST', `${api}/applications/${iliId}/submit`, {
      token: org,
      body: { recommenderId: recommenderIds.ili },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', stage: 'recommendation' });
    expect((submitted.body.recommender as Json).id).toBe(recommenderIds.ili);

    const early = await call('POST', `${api}/applications/${iliId}/formal-review`, {
      token: office,
      body: { decision: 'pass', reasons: '材料齐全' },
    });
    expect(early.status).toBe(409);
    expect(early.body.currentStatus).toBe('submitted');

    const reviewed = await call('POST', `${api}/applications/${iliId}/review`, {
      token: tokens['ili-dept'],
      body: { decision: 'recommend', text: '材料完整、真实，同意推荐。' },
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('recommendation_notice');
    await pastNotices('ili', iliId, 'recommended');
    await sut.decideAll('ili', iliId, office);
    const passed = await call('POST', `${api}/applications/${iliId}/formal-review`, {
      token: office,
      body: { decision: 'pass', reasons: '材料齐全，符合条件' },
    });
    expect(passed.status).toBe(200);
    expect(statusesOf(passed.body)).toEqual([
      'draft',
      'internal_publicity',
      'submitted',
      'recommendation_notice',
      'recommended',
      'formal_review_passed',
    ]);
  });

  it('without one (a sixth jurisdiction): submitted straight to the office’s formal review, then the list', async () => {
    const key = SIXTH.key as string;
    const api = `/api/v1/tenants/${key}`;
    const org = tokens[`${key}-org`] as string;
    const office = tokens[`${key}-office`] as string;
    const created = await call('GET', `${api}/applications/${sixthId}`, { token: office });
    expect((created.body.plan as Json[]).map((s) => s.kind)).toEqual(['internal_publicity', 'acceptance']);

    // A department named where the text has none is refused, naming the field and why.
    const named = await call('POST', `${api}/applications/${sixthId}/submit`, {
      token: org,
      body: { recommenderId: recommenderIds[key] },
    });
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual([
      expect.objectContaining({ field: 'body.recommenderId', reason: expect.stringContaining('未规定推荐环节') }),
    ]);
    const submitted = await call('POST', `${api}/applications/${sixthId}/submit`, { token: org, body: {} });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', stage: 'acceptance', recommender: null });

    // No department sees it or reviews it; the office reviews it at once.
    const dept = tokens[`${key}-dept`] as string;
    expect((await call('GET', `${api}/applications/${sixthId}`, { token: dept })).status).toBe(404);
    const byDept = await call('POST', `${api}/applications/${sixthId}/review`, {
      token: dept,
      body: { decision: 'recommend', text: '同意推荐。' },
    });
    expect(byDept.status).toBe(404);
    await sut.decideAll(key, sixthId, office);
    const passed = await call('POST', `${api}/applications/${sixthId}/formal-review`, {
      token: office,
      body: { decision: 'pass', reasons: '材料齐全，符合条件' },
    });
    expect(passed.status).toBe(200);
    expect(passed.body).toMatchObject({ status: 'formal_review_passed', stage: 'acceptance', recommender: null });
    expect((passed.body.history as Json[]).find((h) => h.to === 'formal_review_passed')?.basis).toBe(`${key} 第十条`);

    const list = await call('POST', `/api/v1/tenants/${key}/cycles/1/acceptance-list`, {
      token: office,
      body: { applicationIds: [sixthId] },
    });
    expect(list.status).toBe(201);
    const accepted = await pastNotices(key, sixthId, 'accepted');
    expect(statusesOf(accepted)).toEqual([
      'draft',
      'internal_publicity',
      'submitted',
      'formal_review_passed',
      'acceptance_notice',
      'accepted',
    ]);
  });
});
