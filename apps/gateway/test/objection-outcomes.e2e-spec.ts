import { anApplication, anOrganisation, eventually, TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  EVIDENCE_PDF,
  type Json,
  OBJECTOR,
  startApplicationsPlatform,
} from './applications.util';

/**
 * What a decided objection does to the application is the policy's, judged by one evaluator in both services
 * (`evaluateObjectionOutcome`): linxia 第二十三条 names only the unfounded case, so an objection upheld even on a
 * prohibited ground disqualifies nobody there — the office decides, and the letter says so — while ili 第二十一条
 * disqualifies (covered in applications-objections.e2e-spec.ts).
 */
describe('objection outcomes follow the tenant’s policy (linxia 第二十三条)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/linxia';
  const tokens = { office: '', dept: '' };
  let recommenderId = '';

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['linxia'] });
    tokens.office = (await sut.addUser('linxia', 'linxia-office', ['office'])).token;
    const dept = await sut.addUser('linxia', 'linxia-dept', ['recommender']);
    tokens.dept = dept.token;
    const cycle = await sut.call('POST', `${api}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(cycle.status).toBe(201);
    const recommender = await sut.call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '临夏县市场监督管理局', kind: 'department', userIds: [dept.id] },
    });
    recommenderId = recommender.body.id as string;
    await sut.objectionRulesReady('linxia', tokens.office);
  }, 120000);
  afterAll(async () => {
    await sut?.close();
  });

  const post = (path: string, body: Json, token = tokens.office) => sut.call('POST', `${api}${path}`, { token, body });

  it('an objection upheld on a prohibited ground leaves the application to the office, and the letter says so', async () => {
    const applicant = await post('/applicants', anOrganisation('linxia', 901));
    expect(applicant.status).toBe(201);
    const created = await post('/applications', anApplication('linxia', applicant.body.id as string));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await sut.decideAll('linxia', id, tokens.office);
    expect(
      (await post(`/applications/${id}/internal-publicity`, { startedOn: '2026-11-23', evidence: '公示照片' })).status,
    ).toBe(200);
    await sut.settle('2026-12-01T01:00:00Z');
    expect((await post(`/applications/${id}/submit`, { recommenderId })).status).toBe(200);
    const reviewed = await post(
      `/applications/${id}/review`,
      { decision: 'recommend', text: '同意推荐。', publishedOn: '2026-12-01' },
      tokens.dept,
    );
    expect(reviewed.body.status).toBe('recommendation_notice');
    const noticeId = (reviewed.body.notices as Json[])[0]?.noticeId as string;
    const notice = await sut.call('GET', `/api/v1/public/linxia/notices/${noticeId}`);
    const filed = await sut.call('POST', `/api/v1/public/linxia/notices/${noticeId}/objections`, {
      body: {
        entryId: (notice.body.entries as Json[])[0]?.id,
        objector: OBJECTOR,
        grounds: '该单位近五年发生重大质量事故。',
        evidence: [EVIDENCE_PDF],
      },
    });
    expect(filed.status).toBe(201);
    const listed = await sut.call('GET', `${api}/objections`, { token: tokens.office });
    const objection = (listed.body.objections as Json[]).find((o) => o.receiptNumber === filed.body.receiptNumber);
    const base = `/objections/${objection?.id as string}`;
    expect((await post(`${base}/admit`, {})).status).toBe(200);
    expect((await post(`${base}/investigators`, { name: '王五', declaration: { hasInterest: false } })).status).toBe(
      200,
    );
    expect((await post(`${base}/findings`, { text: '经核查，事故属实。' })).status).toBe(200);
    const decided = await post(`${base}/decision`, {
      outcome: 'upheld',
      prohibitedGround: true,
      reasons: '经调查，近五年发生重大质量事故。',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.outcome).toMatchObject({ effect: 'decided_by_people', disqualify: false });

    // The objector's letter states the conclusion the policy gives, not a disqualification linxia never wrote.
    const tracked = await sut.call('GET', `/api/v1/public/linxia/objections/${filed.body.receiptNumber as string}`);
    expect((tracked.body.result as Json).letter).toContain('由办公室依职责决定');
    expect((tracked.body.result as Json).letter).not.toContain('取消资格');

    // At the close (5 working days from Tuesday 1 December) nothing is pending: the application goes on, for the
    // office to act on the finding by its own steps.
    await sut.settle('2026-12-08T16:00:01Z');
    const after = await eventually(
      async () => {
        const one = await sut.call('GET', `${api}/applications/${id}`, { token: tokens.office });
        expect(one.body.status).toBe('recommended');
        return one.body;
      },
      { timeoutMs: 15000 },
    );
    expect((after.history as Json[]).map((h) => h.to)).not.toContain('disqualified');
  });
});
