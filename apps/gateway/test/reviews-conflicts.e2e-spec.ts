import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { anApplication, anOrganisation, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';

/**
 * The reviews service through the gateway, with the real awards, objections and applications services: two
 * applications taken along ili's steps to acceptance reach the reviews service by `applications.application.accepted.v1`;
 * experts' conflicts of interest (回避, ili 第三十一条) are detected from their profiles, decided by the office, and an
 * expert never reads an application it is recused from (404, as for one that does not exist).
 */
describe('reviews: experts and conflicts of interest through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/ili';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const A = anOrganisation('ili', 7101, { name: '伊犁甲制造有限公司' });
  const B = anOrganisation('ili', 7102, { name: '伊犁乙科技有限公司' });
  const UNRELATED = creditCodeFor(7199);
  let appA: string;
  let appB: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  /** Takes the applicants' applications along ili's steps to acceptance, together. */
  async function acceptAll(orgs: { token: string; body: Json }[], recommenderId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const org of orgs) {
      const applicant = ok(await call('POST', `${api}/applicants`, { token: org.token, body: org.body }), 201);
      const created = ok(
        await call('POST', `${api}/applications`, {
          token: org.token,
          body: { ...anApplication('ili', applicant.id as string), applicantId: undefined },
        }),
        201,
      );
      ids.push(created.id as string);
      ok(
        await call('POST', `${api}/applications/${created.id}/internal-publicity`, {
          token: org.token,
          body: { startedOn: '2026-11-23', evidence: '公示照片' },
        }),
      );
    }
    await sut.settle('2026-12-01T01:00:00Z');
    for (const [i, id] of ids.entries()) {
      ok(await call('POST', `${api}/applications/${id}/submit`, { token: orgs[i]?.token, body: { recommenderId } }));
      ok(
        await call('POST', `${api}/applications/${id}/review`, {
          token: tokens.dept,
          body: { decision: 'recommend', text: '同意推荐。' },
        }),
      );
    }
    await sut.settle('2026-12-08T16:00:01Z');
    for (const id of ids) await sut.statusBecomes('ili', id, tokens.office as string, 'recommended');
    for (const id of ids) {
      await sut.decideAll('ili', id, tokens.office as string);
      ok(
        await call('POST', `${api}/applications/${id}/formal-review`, {
          token: tokens.office,
          body: { decision: 'pass', reasons: '材料齐全' },
        }),
      );
    }
    ok(
      await call('POST', `${api}/cycles/1/acceptance-list`, {
        token: tokens.office,
        body: { applicationIds: ids, publishedOn: '2026-12-09' },
      }),
      201,
    );
    await sut.settle('2026-12-16T16:00:01Z');
    for (const id of ids) await sut.statusBecomes('ili', id, tokens.office as string, 'accepted');
    return ids;
  }

  const profile = (overrides: Json = {}) => ({
    name: '王专家',
    email: 'wang@qq.com',
    phone: '13700001111',
    idNumber: '11010519491231002X',
    specialities: ['质量管理', '机械制造'],
    currentEmployer: { creditCode: UNRELATED, name: '新疆某大学' },
    ...overrides,
  });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'linxia'], reviews: true });
    for (const [tenant, username, roles] of [
      ['ili', 'office', ['office']],
      ['ili', 'org-a', ['applicant']],
      ['ili', 'org-b', ['applicant']],
      ['ili', 'dept', ['recommender']],
      ['ili', 'wang', ['expert']],
      ['ili', 'lisi', ['expert']],
      ['ili', 'zhao', ['expert']],
      ['ili', 'staff', ['supervisor']],
      ['linxia', 'linxia-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    ok(
      await call('POST', `${api}/cycles`, {
        token: tokens.office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await call('POST', `${api}/recommenders`, {
        token: tokens.office,
        body: { name: '州工业和信息化局', kind: 'department', userIds: [userIds.dept] },
      }),
      201,
    );
    await sut.objectionRulesReady('ili', tokens.office as string);
    [appA, appB] = (await acceptAll(
      [
        { token: tokens['org-a'] as string, body: A },
        { token: tokens['org-b'] as string, body: B },
      ],
      dept.id as string,
    )) as [string, string];
  }, 180_000);
  afterAll(async () => {
    await sut?.close();
  });

  let wangId: string;
  let defenseId: string;
  const openDefense = async () => {
    await eventually(async () => {
      const stages = await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office });
      expect(((stages.body.stages as Json[])[0] as Json).entryFindings).toHaveLength(2);
    });
    const opened = await call('POST', `${api}/cycles/1/review-stages/defense/open`, {
      token: tokens.office,
      body: { reason: '开始陈述答辩' },
    });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };
  /** The panel (size 1) with these members and loads, and the solver's assignment. */
  const assign = async (members: Json[]) => {
    const panel = await call('PUT', `${api}/review-stages/${defenseId}/panel`, {
      token: tokens.office,
      body: { name: '陈述答辩评审组', size: 1, sizeReason: '办公室决定每份一名专家', members },
    });
    expect(panel.status).toBe(200);
    const solved = await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, { token: tokens.office });
    expect(solved.status).toBe(200);
    return solved.body;
  };

  it('registers an expert linked to an expert account; ID and phone numbers sealed at rest and masked in lists', async () => {
    const registered = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: { userId: userIds.wang, ...profile() },
    });
    expect(registered.status).toBe(201);
    wangId = registered.body.id as string;
    expect(registered.body).toMatchObject({ phone: '13700001111', currentEmployer: { creditCode: UNRELATED } });
    const listed = await call('GET', `${api}/experts?speciality=${encodeURIComponent('质量管理')}`, {
      token: tokens.office,
    });
    expect((listed.body.experts as Json[]).map((e) => e.id)).toEqual([wangId]);
    expect((listed.body.experts as Json[])[0]).toMatchObject({ phone: '137****1111' });
    const rows = await (sut.reviews as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
      'SELECT phone_cipher, id_number_cipher FROM expert',
    );
    expect(JSON.stringify(rows)).not.toMatch(/13700001111|11010519491231002X/);
    // The expert reads its own profile; nobody else's.
    expect((await call('GET', `${api}/experts/me`, { token: tokens.wang })).body.id).toBe(wangId);
    // An unrelated employer and a webmail address (qq.com) raise nothing.
    const flags = await call('GET', `${api}/conflicts?expertId=${wangId}`, { token: tokens.office });
    expect(flags.body.conflicts).toEqual([]);
    // Not assigned yet: the expert sees no application.
    const unassigned = await call('GET', `${api}/experts/me/applications`, { token: tokens.wang });
    expect(unassigned.body.applications).toEqual([]);
    expect((await call('GET', `${api}/experts/me/applications/${appA}`, { token: tokens.wang })).status).toBe(404);
    // The office opens the defense (ili 第十四条) and assigns its one-expert panel: wang takes both.
    defenseId = await openDefense();
    await assign([{ expertId: wangId, minLoad: 2, maxLoad: 2 }]);
    const mine = await call('GET', `${api}/experts/me/applications`, { token: tokens.wang });
    expect((mine.body.applications as Json[]).map((a) => a.id).sort()).toEqual([appA, appB].sort());
    const one = await call('GET', `${api}/experts/me/applications/${appA}`, { token: tokens.wang });
    expect(one.body).toMatchObject({ applicant: { name: A.name, creditCode: A.creditCode }, cycleNumber: 1 });
    expect((one.body.recommender as Json).name).toBe('州工业和信息化局');
  });

  it('detects a conflict from a changed employer’s credit code; once recused the expert is refused everything about that application', async () => {
    const changed = await call('PUT', `${api}/experts/${wangId}`, {
      token: tokens.wang,
      body: profile({ currentEmployer: { creditCode: String(A.creditCode).toLowerCase(), name: A.name } }),
    });
    expect(changed.status).toBe(200);
    const flags = await call('GET', `${api}/conflicts?expertId=${wangId}&status=detected`, { token: tokens.office });
    expect(flags.body.conflicts).toEqual([
      expect.objectContaining({
        applicationId: appA,
        kind: 'applicant_is_employer',
        evidence: A.creditCode,
        basis: 'ili 第三十一条',
        status: 'detected',
      }),
    ]);
    const flagId = (flags.body.conflicts as Json[])[0]?.id as string;
    // Undecided, the interest is presumed: the application is already hidden.
    expect((await call('GET', `${api}/experts/me/applications/${appA}`, { token: tokens.wang })).status).toBe(404);

    const recused = await call('POST', `${api}/conflicts/${flagId}/decision`, {
      token: tokens.office,
      body: { decision: 'recuse', reason: '专家现任职于申报组织' },
    });
    expect(recused.status).toBe(200);
    expect(recused.body).toMatchObject({ status: 'recused', decidedBy: 'office' });
    expect((recused.body.history as Json[]).map((h) => `${h.from}->${h.to}`)).toEqual([
      'null->detected',
      'detected->recused',
    ]);

    // Every route an expert has to an application: a 404 identical to one for an application that does not exist.
    const hidden = await call('GET', `${api}/experts/me/applications/${appA}`, { token: tokens.wang });
    const missing = await call('GET', `${api}/experts/me/applications/${randomUUID()}`, { token: tokens.wang });
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toMatch(/problem\+json/);
    const { correlationId: _a, instance: _i, ...hiddenBody } = hidden.body;
    const { correlationId: _b, instance: _j, ...missingBody } = missing.body;
    expect(hiddenBody).toEqual(missingBody);
    const list = await call('GET', `${api}/experts/me/applications`, { token: tokens.wang });
    expect((list.body.applications as Json[]).map((a) => a.id)).toEqual([appB]);
    const byCycle = await call('GET', `${api}/experts/me/applications?cycle=1`, { token: tokens.wang });
    expect(JSON.stringify(byCycle.body)).not.toContain(appA);
    const declare = await call('POST', `${api}/experts/me/conflicts`, {
      token: tokens.wang,
      body: { applicationId: appA, relation: '任职' },
    });
    expect(declare.status).toBe(404);
    // Experts have no route to the applications service's own reads.
    expect((await call('GET', `${api}/applications/${appA}`, { token: tokens.wang })).status).toBe(403);
    // The decision is final and audited.
    const again = await call('POST', `${api}/conflicts/${flagId}/decision`, {
      token: tokens.office,
      body: { decision: 'dismiss', reason: '改判' },
    });
    expect(again.status).toBe(409);
    expect(String(again.body.detail)).toContain('已回避');
    const audit = await call('GET', `${api}/audit?service=reviews`, { token: tokens.office });
    expect(JSON.stringify(audit.body)).toContain('conflict.recuse');
  });

  it('a flag dismissed with its reason lets the expert see the application again', async () => {
    const li = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: {
        userId: userIds.lisi,
        ...profile({ name: '李专家', email: 'li@163.com', phone: null, idNumber: null }),
        engagements: [{ creditCode: B.creditCode, name: B.name, kind: 'consulting', from: '2025-03-01' }],
      },
    });
    expect(li.status).toBe(201);
    const flags = await call('GET', `${api}/conflicts?expertId=${li.body.id}`, { token: tokens.office });
    expect((flags.body.conflicts as Json[]).map((f) => [f.applicationId, f.kind])).toEqual([[appB, 'consultancy']]);
    const flagId = (flags.body.conflicts as Json[])[0]?.id as string;
    expect((await call('GET', `${api}/experts/me/applications/${appB}`, { token: tokens.lisi })).status).toBe(404);

    const noReason = await call('POST', `${api}/conflicts/${flagId}/decision`, {
      token: tokens.office,
      body: { decision: 'dismiss' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const dismissed = await call('POST', `${api}/conflicts/${flagId}/decision`, {
      token: tokens.office,
      body: { decision: 'dismiss', reason: '咨询为行业协会组织的公开培训，不构成利害关系' },
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({
      status: 'dismissed',
      reason: '咨询为行业协会组织的公开培训，不构成利害关系',
    });
    // Dismissed, but not assigned: still nothing to see.
    expect((await call('GET', `${api}/experts/me/applications/${appB}`, { token: tokens.lisi })).status).toBe(404);
    // The office puts li on the panel in wang's place (wang's assignments go with him): li takes both.
    await assign([{ expertId: li.body.id, minLoad: 2, maxLoad: 2 }]);
    expect((await call('GET', `${api}/experts/me/applications/${appB}`, { token: tokens.lisi })).status).toBe(200);
    // Assigned, before opening any material, the expert declares an interest itself: recused at once, and gone.
    const declared = await call('POST', `${api}/experts/me/conflicts`, {
      token: tokens.lisi,
      body: { applicationId: appA, relation: '配偶在该公司任职' },
    });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ status: 'recused', kind: 'declared', basis: 'ili 第三十一条' });
    expect((await call('GET', `${api}/experts/me/applications/${appA}`, { token: tokens.lisi })).status).toBe(404);
  });

  it('a past employer counts within the window the office records, with its reason', async () => {
    const zhao = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: {
        userId: userIds.zhao,
        ...profile({ name: '赵专家', email: 'zhao@xju.edu.cn' }),
        pastEmployers: [{ creditCode: B.creditCode, name: B.name, from: '2015-01-01', to: '2022-06-30' }],
      },
    });
    expect(zhao.status).toBe(201);
    const none = await call('GET', `${api}/conflicts?expertId=${zhao.body.id}`, { token: tokens.office });
    expect(none.body.conflicts).toEqual([]);
    // Not assigned to it: no declaration either (the application is not the expert's to see).
    const unassigned = await call('POST', `${api}/experts/me/conflicts`, {
      token: tokens.zhao,
      body: { applicationId: appA, relation: '任职' },
    });
    expect(unassigned.status).toBe(404);
    const settings = await call('PUT', `${api}/conflicts/settings`, {
      token: tokens.office,
      body: { pastEmployerWindowYears: 5, reason: '领导小组决定：离职五年内视为有利害关系' },
    });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ pastEmployerWindowYears: 5, decidedBy: 'office', basis: 'ili 第三十一条' });
    const flagged = await call('GET', `${api}/conflicts?expertId=${zhao.body.id}`, { token: tokens.office });
    expect(flagged.body.conflicts).toEqual([
      expect.objectContaining({ applicationId: appB, kind: 'recent_past_employer', status: 'detected' }),
    ]);
  });

  it('refuses bad input with clear 4xx naming the field', async () => {
    const badCode = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: { userId: userIds.staff, ...profile({ currentEmployer: { creditCode: '91110000600037341M', name: 'x' } }) },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.headers.get('content-type')).toMatch(/problem\+json/);
    expect(badCode.body.errors).toEqual([expect.objectContaining({ field: 'body.currentEmployer.creditCode' })]);
    const notExpert = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: { userId: userIds.staff, ...profile() },
    });
    expect(notExpert.status).toBe(400);
    expect(notExpert.body.errors).toEqual([expect.objectContaining({ field: 'body.userId' })]);
    const twice = await call('POST', `${api}/experts`, {
      token: tokens.office,
      body: { userId: userIds.wang, ...profile() },
    });
    expect(twice.status).toBe(409);
    const badDecision = await call('POST', `${api}/conflicts/${randomUUID()}/decision`, {
      token: tokens.office,
      body: { decision: 'ignore' },
    });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors).toEqual([expect.objectContaining({ field: 'body.decision' })]);
    const unknown = await call('POST', `${api}/conflicts/${randomUUID()}/decision`, {
      token: tokens.office,
      body: { decision: 'recuse' },
    });
    expect(unknown.status).toBe(404);
    const badWindow = await call('PUT', `${api}/conflicts/settings`, {
      token: tokens.office,
      body: { pastEmployerWindowYears: -1, reason: 'x' },
    });
    expect(badWindow.status).toBe(400);
    // Only the office decides, and an expert cannot read another expert's profile.
    expect((await call('GET', `${api}/conflicts`, { token: tokens.wang })).status).toBe(403);
    const li = await call('GET', `${api}/experts?speciality=${encodeURIComponent('机械制造')}`, {
      token: tokens.office,
    });
    const other = (li.body.experts as Json[]).find((e) => e.id !== wangId)?.id as string;
    expect((await call('GET', `${api}/experts/${other}`, { token: tokens.wang })).status).toBe(404);
    expect((await call('PUT', `${api}/experts/${other}`, { token: tokens.wang, body: profile() })).status).toBe(404);
  });

  it('another tenant sees nothing', async () => {
    const conflicts = await call('GET', '/api/v1/tenants/linxia/conflicts', { token: tokens['linxia-office'] });
    expect(conflicts.status).toBe(200);
    expect(conflicts.body.conflicts).toEqual([]);
    const experts = await call('GET', '/api/v1/tenants/linxia/experts', { token: tokens['linxia-office'] });
    expect(experts.body.experts).toEqual([]);
    expect(
      (await call('GET', `/api/v1/tenants/linxia/experts/${wangId}`, { token: tokens['linxia-office'] })).status,
    ).toBe(404);
    // ili's office through linxia's path is not a member there.
    expect((await call('GET', '/api/v1/tenants/linxia/conflicts', { token: tokens.office })).status).toBe(404);
  });
});
