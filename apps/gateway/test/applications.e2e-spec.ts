import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { eventually, TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  idNumberFor,
  type Json,
  startApplicationsPlatform,
} from './applications.util';

const ORG = { kind: 'organisation', name: '伊犁甲公司', creditCode: '91110000600037341L', legalForm: 'legal_person' };
const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };

/**
 * The applications service through the gateway, with the awards and objections services: applicants with checked
 * and sealed identities, applications along exactly the ili policy's steps (internal publicity 5 wd → recommender's
 * review and notice 5 wd → formal review → acceptance list notice 5 wd → accepted), and who sees what.
 */
describe('applications through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai. The gateway keeps real time (tokens), the services the test clock.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const settle = (to: string) => sut.settle(to);

  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let recommenderId: string;
  const api = '/api/v1/tenants/ili';

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'linxia'] });
    for (const [tenant, username, roles] of [
      ['ili', 'office', ['office']],
      ['ili', 'org-a', ['applicant']],
      ['ili', 'org-b', ['applicant']],
      ['ili', 'dept', ['recommender']],
      ['ili', 'other-dept', ['recommender']],
      ['linxia', 'linxia-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    const cycle = await call('POST', `${api}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(cycle.status).toBe(201);
    const department = await call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '州工业和信息化局', kind: 'department', userIds: [userIds.dept] },
    });
    expect(department.status).toBe(201);
    recommenderId = department.body.id as string;
    await call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '州市场监督管理局', kind: 'department', userIds: [userIds['other-dept']] },
    });
    await sut.objectionRulesReady('ili', tokens.office as string);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('refuses invalid credit codes and ID numbers with a 400 naming the field', async () => {
    const badCode = await call('POST', `${api}/applicants`, {
      token: tokens['org-a'],
      body: { ...ORG, creditCode: '91110000600037341M' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.headers.get('content-type')).toMatch(/problem\+json/);
    expect(badCode.body.errors).toEqual([expect.objectContaining({ field: 'body.creditCode' })]);
    const badId = await call('POST', `${api}/applicants`, {
      token: tokens.office,
      body: { kind: 'individual', name: '张三', idNumber: '110105194912310021' },
    });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'body.idNumber' })]);
  });

  let applicantId: string;

  it('registers applicants: the account is linked to its own; ID and phone numbers sealed and masked', async () => {
    const created = await call('POST', `${api}/applicants`, {
      token: tokens['org-a'],
      body: { ...ORG, phone: '13812345678', fourNewField: false },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ accountUserId: userIds['org-a'], phone: '138****5678' });
    applicantId = created.body.id as string;
    const again = await call('POST', `${api}/applicants`, { token: tokens.office, body: ORG });
    expect(again.status).toBe(409);

    const person = await call('POST', `${api}/applicants`, {
      token: tokens.office,
      body: { kind: 'individual', name: '张三', idNumber: '11010519491231002X', phone: '13912345678' },
    });
    expect(person.status).toBe(201);
    expect(person.body.idNumber).toBe('11010519491231002X');
    // An applicant account that types in someone's registered ID number learns neither whose it is nor their id.
    const probing = await call('POST', `${api}/applicants`, {
      token: tokens['org-b'],
      body: { kind: 'individual', name: '李四', idNumber: '11010519491231002X' },
    });
    expect(probing.status).toBe(409);
    expect(JSON.stringify(probing.body)).not.toMatch(/张三|existingApplicantId/);
    expect(JSON.stringify(probing.body)).not.toContain(person.body.id as string);
    // An account cannot tell a registered number from a free one: an account that acts for an applicant already gets
    // the same answer for both, so numbers cannot be tried one after another.
    const answerTo = async (idNumber: string) => {
      const answer = await call('POST', `${api}/applicants`, {
        token: tokens['org-a'],
        body: { kind: 'individual', name: '王五', idNumber },
      });
      const { correlationId: _correlationId, ...rest } = answer.body;
      return { status: answer.status, rest };
    };
    const registered = await answerTo('11010519491231002X');
    expect(registered.status).toBe(409);
    expect(registered).toEqual(await answerTo(idNumberFor(901)));
    expect(JSON.stringify(registered)).not.toMatch(/idNumber|已登记|registered as/);
    // The account that acts for no applicant yet gets that same answer for a registered number.
    const { correlationId: _c, ...refusedToB } = probing.body;
    expect(refusedToB).toEqual(registered.rest);
    const listed = await call('GET', `${api}/applicants`, { token: tokens.office });
    expect(JSON.stringify(listed.body)).not.toContain('11010519491231002X');
    expect(JSON.stringify(listed.body)).toContain('110105********002X');
    const rows = await (sut.applications as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
      'SELECT id_number_cipher, phone_cipher FROM applicant',
    );
    expect(JSON.stringify(rows)).not.toMatch(/11010519491231002X|13912345678|13812345678/);

    // An applicant account sees only its own; another tenant nothing.
    const own = await call('GET', `${api}/applicants`, { token: tokens['org-a'] });
    expect((own.body.applicants as Json[]).map((a) => a.id)).toEqual([applicantId]);
    expect((await call('GET', `${api}/applicants/${person.body.id}`, { token: tokens['org-a'] })).status).toBe(404);
    expect((await call('GET', `${api}/applicants/${applicantId}`, { token: tokens['linxia-office'] })).status).toBe(
      404,
    );
    expect(
      (await call('GET', `/api/v1/tenants/linxia/applicants/${applicantId}`, { token: tokens['linxia-office'] }))
        .status,
    ).toBe(404);

    // Individuals may not apply in ili: refused with the article.
    const refused = await call('POST', `${api}/applications`, {
      token: tokens.office,
      body: { applicantId: person.body.id, cycleNumber: 1, facts: {} },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.basis).toBe('ili 第二条');
  });

  let applicationId: string;

  it('starts one application per cycle; eligibility per rule with its basis; a second is a 409', async () => {
    const created = await call('POST', `${api}/applications`, {
      token: tokens['org-a'],
      body: { cycleNumber: 1, facts: { ...ELIGIBLE_FACTS, yearsOperating: 4 } },
    });
    expect(created.status).toBe(201);
    applicationId = created.body.id as string;
    expect((created.body.plan as Json[]).map((s) => `${s.kind}:${(s.notice as Json | null)?.count ?? '-'}`)).toEqual([
      'internal_publicity:5',
      'recommendation:5',
      'acceptance:5',
    ]);
    const findings = (created.body.eligibility as { findings: Json[] }).findings;
    expect(findings.find((f) => f.ruleId === 'years-operating')).toMatchObject({
      outcome: 'fail',
      basis: '第八条（二）',
    });
    expect((created.body.banChecks as Json[])[0]).toMatchObject({ step: 'application', outcome: 'allowed' });

    const second = await call('POST', `${api}/applications`, { token: tokens['org-a'], body: { cycleNumber: 1 } });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(applicationId);

    // Four years and not in a 四新 field: stopped with the article.
    const stopped = await call('POST', `${api}/applications/${applicationId}/internal-publicity`, {
      token: tokens['org-a'],
      body: { startedOn: '2026-11-23', evidence: '公示照片与公示期内无异议的说明' },
    });
    expect(stopped.status).toBe(422);
    expect(stopped.body.basis).toContain('第八条');
  });

  it('goes from draft to accepted along ili’s steps with its notice periods', async () => {
    const put = await call('PUT', `${api}/applications/${applicationId}/facts`, {
      token: tokens['org-a'],
      body: { facts: ELIGIBLE_FACTS },
    });
    expect(put.status).toBe(200);
    const early = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
    });
    expect(early.status).toBe(422);
    expect(early.body.basis).toBe('ili 第十条');

    const started = await call('POST', `${api}/applications/${applicationId}/internal-publicity`, {
      token: tokens['org-a'],
      body: { startedOn: '2026-11-23', evidence: '公示照片' },
    });
    expect(started.status).toBe(200);
    // 5 working days, the start day not counted: 24, 25, 26, 27 and 30 November.
    expect(started.body.publicity).toMatchObject({ lastDay: '2026-11-30', endsAt: '2026-11-30T16:00:00.000Z' });
    const tooSoon = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
    });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.lastDay).toBe('2026-11-30');

    await settle('2026-12-01T01:00:00Z');
    // The recommender sees nothing before it is submitted to it.
    expect((await call('GET', `${api}/applications/${applicationId}`, { token: tokens.dept })).status).toBe(404);
    const key = { 'Idempotency-Key': `submit-${applicationId}` };
    const submitted = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
      headers: key,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', stage: 'recommendation' });
    const replay = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
      headers: key,
    });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const afterReplay = await call('GET', `${api}/applications/${applicationId}`, { token: tokens.office });
    expect((afterReplay.body.history as Json[]).filter((h) => h.action === 'submit')).toHaveLength(1);

    // Only the recommender it was submitted to sees and reviews it.
    expect((await call('GET', `${api}/applications/${applicationId}`, { token: tokens['other-dept'] })).status).toBe(
      404,
    );
    expect(
      ((await call('GET', `${api}/applications`, { token: tokens['other-dept'] })).body.applications as Json[]).length,
    ).toBe(0);
    const toDept = await call('GET', `${api}/applications`, { token: tokens.dept });
    expect((toDept.body.applications as Json[]).map((a) => a.id)).toEqual([applicationId]);
    expect(toDept.body.next).toBeNull();
    const recommended = await call('POST', `${api}/applications/${applicationId}/review`, {
      token: tokens.dept,
      body: { decision: 'recommend', text: '材料完整、真实，同意推荐。' },
    });
    expect(recommended.status).toBe(200);
    expect(recommended.body.status).toBe('recommendation_notice');
    // Published Tuesday 1 December: 2, 3, 4, 7, 8 December.
    expect((recommended.body.notices as Json[])[0]).toMatchObject({ stage: 'recommendation', lastDay: '2026-12-08' });
    // The notice the recommendation opened names its cycle by number, as the application does.
    const recommendationNotice = await call(
      'GET',
      `${api}/notices/${(recommended.body.notices as Json[])[0]?.noticeId}`,
      { token: tokens.office },
    );
    expect(recommendationNotice.body).toMatchObject({ cycleNumber: 1, stage: 'recommendation' });

    await settle('2026-12-08T16:00:01Z');
    await eventually(
      async () => {
        const one = await call('GET', `${api}/applications/${applicationId}`, { token: tokens.office });
        expect(one.body.status).toBe('recommended');
      },
      { timeoutMs: 15000 },
    );

    // The office settles every condition left to people, then passes the formal review.
    const notSettled = await call('POST', `${api}/applications/${applicationId}/formal-review`, {
      token: tokens.office,
      body: { decision: 'pass', reasons: '材料齐全' },
    });
    expect(notSettled.status).toBe(422);
    const current = await call('GET', `${api}/applications/${applicationId}`, { token: tokens.office });
    for (const finding of (current.body.eligibility as { findings: Json[] }).findings) {
      if (finding.outcome !== 'needs_decision') continue;
      const decided = await call('POST', `${api}/applications/${applicationId}/decisions`, {
        token: tokens.office,
        body: { ruleId: finding.ruleId, outcome: 'pass', reason: '经核实符合' },
      });
      expect(decided.status).toBe(200);
    }
    const decidedByApplicant = await call('POST', `${api}/applications/${applicationId}/decisions`, {
      token: tokens['org-a'],
      body: { ruleId: 'party-line', outcome: 'pass', reason: '自我认定' },
    });
    expect(decidedByApplicant.status).toBe(403);
    const passed = await call('POST', `${api}/applications/${applicationId}/formal-review`, {
      token: tokens.office,
      body: { decision: 'pass', reasons: '材料齐全，符合条件' },
    });
    expect(passed.status).toBe(200);
    expect(passed.body.status).toBe('formal_review_passed');
    expect((passed.body.eligibility as Json).outcome).toBe('pass');
    expect((passed.body.banChecks as Json[]).map((b) => b.step)).toEqual(['application', 'acceptance']);

    const list = await call('POST', `${api}/cycles/1/acceptance-list`, {
      token: tokens.office,
      body: { applicationIds: [applicationId], publishedOn: '2026-12-09' },
    });
    expect(list.status).toBe(201);
    await settle('2026-12-16T16:00:01Z');
    await eventually(
      async () => {
        const one = await call('GET', `${api}/applications/${applicationId}`, { token: tokens['org-a'] });
        expect(one.body.status).toBe('accepted');
        expect((one.body.notices as Json[])[1]).toMatchObject({ stage: 'acceptance', lastDay: '2026-12-16' });
      },
      { timeoutMs: 15000 },
    );

    // An objection to that notice upheld on a prohibited ground, delivered after the close accepted it (each outcome
    // has its own consumer, so they may arrive in either order): it still disqualifies (ili 第二十一条).
    const applications = sut.applications as RunningService;
    const [row] = await applications.runtime.database.system.$queryRawUnsafe<{ tenant_id: string }[]>(
      'SELECT tenant_id::text FROM application WHERE id = $1::uuid',
      applicationId,
    );
    await applications.runtime.consumers.handle('applications-objection-upheld', {
      id: randomUUID(),
      subject: 'objections.objection.upheld.v1',
      tenantId: row?.tenant_id ?? null,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      actor: null,
      payload: {
        objectionId: randomUUID(),
        receiptNumber: 'YY-TEST',
        noticeId: randomUUID(),
        reference: `applications:${applicationId}:acceptance`,
        cycleNumber: 1,
        stage: 'acceptance',
        entryId: randomUUID(),
        subject: { kind: 'organisation', id: applicationId, name: ORG.name },
        applicationId,
        recommender: null,
        reasons: '近三年发生重大质量事故',
        decidedAt: new Date().toISOString(),
        basis: 'ili 第二十一条',
        prohibitedGround: true,
        disqualify: true,
      },
    });
    const after = await call('GET', `${api}/applications/${applicationId}`, { token: tokens.office });
    expect(after.body.status).toBe('disqualified');
  });

  it('a 四新 organisation with 3 years is eligible under ili’s exception', async () => {
    const applicant = await call('POST', `${api}/applicants`, {
      token: tokens['org-b'],
      body: { ...ORG, name: '伊犁乙公司', creditCode: '91310000MA1FL4CT3U', fourNewField: true },
    });
    expect(applicant.status).toBe(201);
    const created = await call('POST', `${api}/applications`, {
      token: tokens['org-b'],
      body: { cycleNumber: 1, facts: { ...ELIGIBLE_FACTS, yearsOperating: 3 } },
    });
    expect(created.status).toBe(201);
    const finding = (created.body.eligibility as { findings: Json[] }).findings.find(
      (f) => f.ruleId === 'years-operating',
    );
    expect(finding).toMatchObject({ outcome: 'pass' });
    // The other applicant's account cannot see or act on it.
    expect((await call('GET', `${api}/applications/${created.body.id}`, { token: tokens['org-a'] })).status).toBe(404);
  });

  it('ili’s exception stops at 3 years: a 四新 organisation with 2, or another with 3, is stopped with the article', async () => {
    for (const [name, creditCode, fourNewField, yearsOperating] of [
      ['伊犁丙公司', creditCodeFor(901), true, 2],
      ['伊犁丁公司', creditCodeFor(902), false, 3],
    ] as const) {
      const applicant = await call('POST', `${api}/applicants`, {
        token: tokens.office,
        body: { ...ORG, name, creditCode, fourNewField },
      });
      expect(applicant.status).toBe(201);
      const created = await call('POST', `${api}/applications`, {
        token: tokens.office,
        body: { applicantId: applicant.body.id, cycleNumber: 1, facts: { ...ELIGIBLE_FACTS, yearsOperating } },
      });
      expect(created.status).toBe(201);
      const finding = (created.body.eligibility as { findings: Json[] }).findings.find(
        (f) => f.ruleId === 'years-operating',
      );
      expect([name, finding?.outcome, finding?.basis]).toEqual([name, 'fail', '第八条（二）']);
      const stopped = await call('POST', `${api}/applications/${created.body.id}/internal-publicity`, {
        token: tokens.office,
        body: { startedOn: '2026-12-17', evidence: '公示照片' },
      });
      expect(stopped.status).toBe(422);
      expect(stopped.body.basis).toContain('第八条（二）');
    }
  });
});
