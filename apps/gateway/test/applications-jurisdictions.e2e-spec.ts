import { TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  idNumberFor,
  type Json,
  startApplicationsPlatform,
  statusesOf,
} from './applications.util';

const TENANTS = ['linxia', 'inner-mongolia', 'xinzhou-district', 'xinzhou-city'] as const;
type Tenant = (typeof TENANTS)[number];

const planOf = (application: Json) =>
  (application.plan as Json[]).map((s) => {
    const notice = s.notice as Json | null;
    return `${s.kind}:${notice ? `${notice.count ?? 'office'}` : '-'}`;
  });

/**
 * Four more jurisdictions from draft to accepted through the gateway, with the real awards, objections and
 * applications services and one test clock, each along exactly its pinned policy's steps:
 * - linxia (an organisation and an individual): internal publicity 5 wd → recommender's notice 5 wd → acceptance
 *   list 5 wd (第十三条, 第十五条, 第十七条);
 * - inner-mongolia: submission → recommendation (no notice) → acceptance list whose period the office sets (第十三条);
 * - xinzhou-district: recommendation → the office's qualification review, accepted at once (no notice before the
 *   reviews);
 * - xinzhou-city: internal publicity 5 wd → recommendation (no notice) → acceptance list, period set by the office.
 * Ineligible applicants are stopped with the article; another tenant sees none of it.
 */
describe('applications along each jurisdiction’s steps', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const office: Partial<Record<Tenant, string>> = {};
  const dept: Partial<Record<Tenant, string>> = {};
  const recommenderIds: Partial<Record<Tenant, string>> = {};
  const api = (tenant: Tenant) => `/api/v1/tenants/${tenant}`;
  const as = (tenant: Tenant) => office[tenant] as string;
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);

  let applicants = 0;
  /** Registers an applicant (by the office) and starts its application in cycle 1. */
  const apply = async (tenant: Tenant, applicant: Json, facts: Json) => {
    applicants += 1;
    const identity =
      applicant.kind === 'individual'
        ? { idNumber: idNumberFor(applicants) }
        : { creditCode: creditCodeFor(applicants) };
    const registered = await call('POST', `${api(tenant)}/applicants`, {
      token: as(tenant),
      body: { ...applicant, ...identity },
    });
    expect(registered.status).toBe(201);
    const created = await call('POST', `${api(tenant)}/applications`, {
      token: as(tenant),
      body: { applicantId: registered.body.id, cycleNumber: 1, facts },
    });
    return { applicantId: registered.body.id as string, created };
  };
  const post = (tenant: Tenant, id: string, action: string, body: Json, token = as(tenant)) =>
    call('POST', `${api(tenant)}/applications/${id}/${action}`, { token, body });
  const get = async (tenant: Tenant, id: string) =>
    (await call('GET', `${api(tenant)}/applications/${id}`, { token: as(tenant) })).body;
  const passFormalReview = async (tenant: Tenant, id: string) => {
    await sut.decideAll(tenant, id, as(tenant));
    return post(tenant, id, 'formal-review', { decision: 'pass', reasons: '材料齐全，符合条件' });
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: TENANTS });
    for (const tenant of TENANTS) {
      office[tenant] = (await sut.addUser(tenant, `${tenant}-office`, ['office'])).token;
      const recommender = await sut.addUser(tenant, `${tenant}-dept`, ['recommender']);
      dept[tenant] = recommender.token;
      const cycle = await call('POST', `${api(tenant)}/cycles`, {
        token: as(tenant),
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      });
      expect([tenant, cycle.status]).toEqual([tenant, 201]);
      const created = await call('POST', `${api(tenant)}/recommenders`, {
        token: as(tenant),
        body: { name: `${tenant} 市场监督管理局`, kind: 'department', userIds: [recommender.id] },
      });
      expect(created.status).toBe(201);
      recommenderIds[tenant] = created.body.id as string;
    }
    for (const tenant of TENANTS) await sut.objectionRulesReady(tenant, as(tenant));
  });
  afterAll(async () => {
    await sut?.close();
  });

  const ids: Record<string, string> = {};

  it('refuses the kinds of applicant a policy does not admit, with the article', async () => {
    for (const [tenant, basis] of [
      ['inner-mongolia', 'inner-mongolia 第二条; 第十条（一）'],
      ['xinzhou-district', 'xinzhou-district 第四条; 第九条（一）'],
    ] as const) {
      const { created } = await apply(tenant, { kind: 'individual', name: '李四' }, {});
      expect([tenant, created.status, created.body.basis]).toEqual([tenant, 422, basis]);
    }
    // An inner-mongolia applicant that is not an independent legal person.
    const { created: branch } = await apply(
      'inner-mongolia',
      { kind: 'organisation', name: '某分公司', legalForm: 'branch', organisationType: 'enterprise' },
      {},
    );
    expect(branch.status).toBe(422);
    expect(branch.body.basis).toBe('inner-mongolia 第二条; 第十条（一）');
  });

  it('stops those short of the years of operation or of quality work, with the article', async () => {
    const linxia = await apply(
      'linxia',
      { kind: 'organisation', name: '临夏短期公司', legalForm: 'legal_person' },
      { registeredInJurisdiction: true, yearsOperating: 4, incidents: [] },
    );
    expect(linxia.created.status).toBe(201);
    const stopped = await post('linxia', linxia.created.body.id as string, 'internal-publicity', {
      startedOn: '2026-11-23',
      evidence: '公示照片',
    });
    expect(stopped.status).toBe(422);
    expect(stopped.body.basis).toContain('第十条（一）');
    expect(stopped.body.detail).toContain('5');

    const district = await apply(
      'xinzhou-district',
      { kind: 'organisation', name: '信州短期公司', legalForm: 'legal_person' },
      {
        registeredInJurisdiction: true,
        yearsOperating: 2,
        incidents: [],
        lossYears: [],
        spotChecksPassedConsecutiveYears: 3,
      },
    );
    const tooYoung = await post('xinzhou-district', district.created.body.id as string, 'submit', {
      recommenderId: recommenderIds['xinzhou-district'],
    });
    expect(tooYoung.status).toBe(422);
    expect(tooYoung.body.basis).toContain('第九条（一）');

    const person = await apply(
      'xinzhou-city',
      { kind: 'individual', name: '王五', employer: '忻州某公司', yearsInQualityWork: 2 },
      { incidents: [] },
    );
    expect(person.created.status).toBe(201);
    const newcomer = await post('xinzhou-city', person.created.body.id as string, 'internal-publicity', {
      startedOn: '2026-11-23',
      evidence: '所在单位公示',
    });
    expect(newcomer.status).toBe(422);
    expect(newcomer.body.basis).toContain('第十一条');
  });

  it('starts the eligible applications; each plan is its policy’s steps; internal publicity only where it exists', async () => {
    const linxiaFacts = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
    const org = await apply(
      'linxia',
      { kind: 'organisation', name: '临夏甲公司', legalForm: 'legal_person' },
      linxiaFacts,
    );
    const person = await apply(
      'linxia',
      { kind: 'individual', name: '马六', employer: '临夏甲公司' },
      { incidents: [] },
    );
    const mongolia = await apply(
      'inner-mongolia',
      { kind: 'organisation', name: '内蒙古甲公司', legalForm: 'legal_person', organisationType: 'enterprise' },
      { registeredInJurisdiction: true, yearsOperating: 8, qualitySystemYears: 3, incidents: [] },
    );
    const district = await apply(
      'xinzhou-district',
      { kind: 'organisation', name: '信州甲公司', legalForm: 'legal_person', organisationType: 'enterprise' },
      {
        registeredInJurisdiction: true,
        yearsOperating: 5,
        incidents: [],
        lossYears: [],
        spotChecksPassedConsecutiveYears: 3,
      },
    );
    const city = await apply(
      'xinzhou-city',
      { kind: 'organisation', name: '忻州甲公司', legalForm: 'legal_person' },
      { registeredInJurisdiction: true, yearsOperating: 3, incidents: [] },
    );
    for (const [name, { created }] of Object.entries({ org, person, mongolia, district, city })) {
      expect([name, created.status]).toEqual([name, 201]);
      ids[name] = created.body.id as string;
    }
    expect(planOf(org.created.body)).toEqual(['internal_publicity:5', 'recommendation:5', 'acceptance:5']);
    expect(planOf(person.created.body)).toEqual(planOf(org.created.body));
    expect(planOf(mongolia.created.body)).toEqual(['submission:-', 'recommendation:-', 'acceptance:office']);
    expect(planOf(district.created.body)).toEqual(['recommendation:-', 'formal_review:-']);
    expect(planOf(city.created.body)).toEqual(['internal_publicity:5', 'recommendation:-', 'acceptance:office']);

    // Internal publicity: 5 working days from Monday 23 November (24, 25, 26, 27, 30 November).
    for (const [tenant, id] of [
      ['linxia', ids.org],
      ['linxia', ids.person],
      ['xinzhou-city', ids.city],
    ] as const) {
      const started = await post(tenant, id as string, 'internal-publicity', {
        startedOn: '2026-11-23',
        evidence: '公示照片',
      });
      expect(started.status).toBe(200);
      expect(started.body.publicity).toMatchObject({ lastDay: '2026-11-30', endsAt: '2026-11-30T16:00:00.000Z' });
      expect((started.body.publicity as Json).basis).toContain(tenant === 'linxia' ? '第十三条' : '第十四条');
    }
    // Where the policy has no internal publicity, there is none.
    const none = await post('inner-mongolia', ids.mongolia as string, 'internal-publicity', {
      startedOn: '2026-11-23',
      evidence: '公示照片',
    });
    expect(none.status).toBe(422);
  });

  it('inner-mongolia and xinzhou-district: recommended without a notice; the office sets the acceptance period', async () => {
    for (const [tenant, id] of [
      ['inner-mongolia', ids.mongolia],
      ['xinzhou-district', ids.district],
    ] as const) {
      const submitted = await post(tenant, id as string, 'submit', { recommenderId: recommenderIds[tenant] });
      expect(submitted.status).toBe(200);
      const recommended = await post(
        tenant,
        id as string,
        'review',
        { decision: 'recommend', text: '经审查，同意推荐。' },
        dept[tenant],
      );
      expect(recommended.status).toBe(200);
      expect(recommended.body).toMatchObject({ status: 'recommended', notices: [] });
    }
    // xinzhou-district: the qualification review is the last step before the reviews: accepted at once.
    const district = await passFormalReview('xinzhou-district', ids.district as string);
    expect(district.status).toBe(200);
    expect(district.body).toMatchObject({ status: 'accepted', stage: 'qualification' });
    expect(statusesOf(district.body)).toEqual(['draft', 'submitted', 'recommended', 'accepted']);

    const mongolia = await passFormalReview('inner-mongolia', ids.mongolia as string);
    expect(mongolia.body.status).toBe('formal_review_passed');
    const list = (body: Json) =>
      call('POST', `${api('inner-mongolia')}/cycles/1/acceptance-list`, { token: as('inner-mongolia'), body });
    const noPeriod = await list({ applicationIds: [ids.mongolia], publishedOn: '2026-11-23' });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.errors).toEqual([expect.objectContaining({ field: 'body.period' })]);
    const listed = await list({
      applicationIds: [ids.mongolia],
      publishedOn: '2026-11-23',
      period: { count: 5, unit: 'working_days' },
    });
    expect(listed.status).toBe(201);
    expect((await get('inner-mongolia', ids.mongolia as string)).notices).toEqual([
      expect.objectContaining({ stage: 'acceptance', lastDay: '2026-11-30', closesAt: '2026-11-30T16:00:00.000Z' }),
    ]);
  });

  it('linxia (organisation and individual) and xinzhou-city submit after their publicity; notices as their policies say', async () => {
    await sut.settle('2026-12-01T01:00:00Z');
    const mongolia = await sut.statusBecomes(
      'inner-mongolia',
      ids.mongolia as string,
      as('inner-mongolia'),
      'accepted',
    );
    expect(statusesOf(mongolia)).toEqual([
      'draft',
      'submitted',
      'recommended',
      'formal_review_passed',
      'acceptance_notice',
      'accepted',
    ]);

    for (const id of [ids.org, ids.person]) {
      expect((await post('linxia', id as string, 'submit', { recommenderId: recommenderIds.linxia })).status).toBe(200);
      const recommended = await post(
        'linxia',
        id as string,
        'review',
        { decision: 'recommend', text: '材料完整、真实，同意推荐。', publishedOn: '2026-12-01' },
        dept.linxia,
      );
      expect(recommended.status).toBe(200);
      expect(recommended.body.status).toBe('recommendation_notice');
      // Published Tuesday 1 December, 5 working days: 2, 3, 4, 7, 8 December (第十五条).
      expect(recommended.body.notices).toEqual([
        expect.objectContaining({ stage: 'recommendation', lastDay: '2026-12-08' }),
      ]);
    }

    expect(
      (await post('xinzhou-city', ids.city as string, 'submit', { recommenderId: recommenderIds['xinzhou-city'] }))
        .status,
    ).toBe(200);
    const city = await post(
      'xinzhou-city',
      ids.city as string,
      'review',
      { decision: 'recommend', text: '经县政府推荐，同意。' },
      dept['xinzhou-city'],
    );
    expect(city.body).toMatchObject({ status: 'recommended', notices: [] });
    expect((await passFormalReview('xinzhou-city', ids.city as string)).body.status).toBe('formal_review_passed');
    // 第十六条 gives no period: the office sets 10 calendar days from Tuesday 1 December.
    const listed = await call('POST', `${api('xinzhou-city')}/cycles/1/acceptance-list`, {
      token: as('xinzhou-city'),
      body: { applicationIds: [ids.city], publishedOn: '2026-12-01', period: { count: 10, unit: 'calendar_days' } },
    });
    expect(listed.status).toBe(201);
    expect((await get('xinzhou-city', ids.city as string)).notices).toEqual([
      expect.objectContaining({ stage: 'acceptance', lastDay: '2026-12-11' }),
    ]);
  });

  it('linxia: recommended after its notice, one acceptance list for both, then accepted; xinzhou-city accepted', async () => {
    await sut.settle('2026-12-08T16:00:01Z');
    for (const id of [ids.org, ids.person])
      await sut.statusBecomes('linxia', id as string, as('linxia'), 'recommended');
    for (const id of [ids.org, ids.person]) {
      expect((await passFormalReview('linxia', id as string)).body.status).toBe('formal_review_passed');
    }
    const listed = await call('POST', `${api('linxia')}/cycles/1/acceptance-list`, {
      token: as('linxia'),
      body: { applicationIds: [ids.org, ids.person], publishedOn: '2026-12-09' },
    });
    expect(listed.status).toBe(201);
    expect((listed.body.applications as Json[]).map((a) => a.status)).toEqual([
      'acceptance_notice',
      'acceptance_notice',
    ]);

    await sut.settle('2026-12-16T16:00:01Z');
    for (const id of [ids.org, ids.person]) {
      const accepted = await sut.statusBecomes('linxia', id as string, as('linxia'), 'accepted');
      // Published Wednesday 9 December, 5 working days: 10, 11, 14, 15, 16 December (第十七条).
      expect((accepted.notices as Json[])[1]).toMatchObject({ stage: 'acceptance', lastDay: '2026-12-16' });
      expect(statusesOf(accepted)).toEqual([
        'draft',
        'internal_publicity',
        'submitted',
        'recommendation_notice',
        'recommended',
        'formal_review_passed',
        'acceptance_notice',
        'accepted',
      ]);
    }
    const city = await sut.statusBecomes('xinzhou-city', ids.city as string, as('xinzhou-city'), 'accepted');
    expect(statusesOf(city)).toEqual([
      'draft',
      'internal_publicity',
      'submitted',
      'recommended',
      'formal_review_passed',
      'acceptance_notice',
      'accepted',
    ]);
  });

  it('another tenant sees no applications', async () => {
    // A member of another tenant cannot reach linxia's routes at all.
    expect((await call('GET', `${api('linxia')}/applications`, { token: as('inner-mongolia') })).status).toBe(404);
    expect(
      (await call('GET', `${api('linxia')}/applications/${ids.org}`, { token: as('inner-mongolia') })).status,
    ).toBe(404);
    // In its own tenant, linxia's applications do not exist.
    expect(
      (await call('GET', `${api('inner-mongolia')}/applications/${ids.org}`, { token: as('inner-mongolia') })).status,
    ).toBe(404);
    const own = await call('GET', `${api('inner-mongolia')}/applications`, { token: as('inner-mongolia') });
    expect((own.body.applications as Json[]).map((a) => a.id)).toEqual([ids.mongolia]);
    const linxia = await call('GET', `${api('linxia')}/applications`, { token: as('linxia') });
    expect((linxia.body.applications as Json[]).map((a) => (a.applicant as Json).name).sort()).toEqual(
      ['临夏短期公司', '临夏甲公司', '马六'].sort(),
    );
    // Nor does a recommender of another tenant see them.
    expect(
      (await call('GET', `${api('xinzhou-city')}/applications/${ids.org}`, { token: dept['xinzhou-city'] })).status,
    ).toBe(404);
  });
});
