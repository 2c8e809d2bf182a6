import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { testRubricBody } from './reviews-loaded-rubric.util';

/**
 * Where the text is silent on who enters a review stage (xinzhou-city 第十七条: "评选环节包括但不限于材料评审、现场评审、陈述
 * 答辩"), the office records each entrant with its reason: who, when, why, audited. Through the gateway with the real
 * awards, objections, applications and reviews services.
 */
describe('reviews: the office records who enters where the policy is silent (xinzhou-city)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/xinzhou-city';
  const tokens: Record<string, string> = {};
  const ids: string[] = [];
  let expertUserId = '';

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city'], reviews: true });
    const dept = await sut.addUser('xinzhou-city', 'city-dept', ['recommender']);
    tokens.office = (await sut.addUser('xinzhou-city', 'city-office', ['office'])).token;
    tokens.dept = dept.token;
    const expert = await sut.addUser('xinzhou-city', 'city-expert', ['expert']);
    tokens.expert = expert.token;
    expertUserId = expert.id;
    ok(
      await call('POST', `${api}/cycles`, {
        token: tokens.office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const recommender = ok(
      await call('POST', `${api}/recommenders`, {
        token: tokens.office,
        body: { name: '忻州市工业和信息化局', kind: 'department', userIds: [dept.id] },
      }),
      201,
    );
    await sut.objectionRulesReady('xinzhou-city', tokens.office as string);
    for (const [n, name] of [
      [8301, '忻州甲制造有限公司'],
      [8302, '忻州乙科技有限公司'],
    ] as const) {
      const applicant = ok(
        await call('POST', `${api}/applicants`, {
          token: tokens.office,
          body: { kind: 'organisation', name, legalForm: 'legal_person', creditCode: creditCodeFor(n) },
        }),
        201,
      );
      const created = ok(
        await call('POST', `${api}/applications`, {
          token: tokens.office,
          body: {
            applicantId: applicant.id,
            cycleNumber: 1,
            facts: { registeredInJurisdiction: true, yearsOperating: 3, incidents: [] },
          },
        }),
        201,
      );
      ids.push(created.id as string);
      ok(
        await call('POST', `${api}/applications/${created.id}/internal-publicity`, {
          token: tokens.office,
          body: { startedOn: '2026-11-23', evidence: '公示照片' },
        }),
      );
    }
    await sut.settle('2026-12-01T01:00:00Z');
    for (const id of ids) {
      ok(
        await call('POST', `${api}/applications/${id}/state-secret-statement`, {
          token: tokens.office,
          body: { noStateSecrets: true },
        }),
      );
      ok(
        await call('POST', `${api}/applications/${id}/submit`, {
          token: tokens.office,
          body: { recommenderId: recommender.id },
        }),
      );
      ok(
        await call('POST', `${api}/applications/${id}/review`, {
          token: tokens.dept,
          body: { decision: 'recommend', text: '经县政府推荐，同意。' },
        }),
      );
      await sut.decideAll('xinzhou-city', id, tokens.office as string);
      ok(
        await call('POST', `${api}/applications/${id}/formal-review`, {
          token: tokens.office,
          body: { decision: 'pass', reasons: '材料齐全，符合条件' },
        }),
      );
    }
    ok(
      await call('POST', `${api}/cycles/1/acceptance-list`, {
        token: tokens.office,
        body: { applicationIds: ids, publishedOn: '2026-12-01', period: { count: 10, unit: 'calendar_days' } },
      }),
      201,
    );
    await sut.settle('2026-12-11T16:00:01Z');
    for (const id of ids) await sut.statusBecomes('xinzhou-city', id, tokens.office as string, 'accepted');
  }, 240_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('xinzhou-city 第十三条: a scored stage does not open before the office loads its rubric; a rubric that does not add up is 400', async () => {
    const reason = '领导小组办公室决定：受理名单中的申报全部进入材料评审';
    const entrants = ids.map((applicationId) => ({ applicationId, reason }));
    const early = await call('POST', `${api}/cycles/1/review-stages/material/open`, {
      token: tokens.office,
      body: { entrants },
    });
    expect(early.status).toBe(422);
    expect(early.body.basis).toBe('xinzhou-city 第十三条');
    expect(String(early.body.detail)).toContain('DB14/T 1463');
    expect(String(early.body.detail)).toContain('山西省质量奖组织类评价规范');

    const good = testRubricBody('DB14/T 1463', ['organisation']);
    const bad = await call('POST', `${api}/scoring/loaded-rubrics`, {
      token: tokens.office,
      body: {
        ...good,
        total: 95,
        categories: [
          { ...good.categories[0], points: 50 },
          { ...good.categories[1], items: [good.categories[0]?.items[0]] },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.field).sort()).toEqual([
      'body.categories.0.items',
      'body.categories.1.items.0.key',
      'body.total',
    ]);
    const unnamed = await call('POST', `${api}/scoring/loaded-rubrics`, {
      token: tokens.office,
      body: testRubricBody('GB/T 19580', ['organisation']),
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors).toEqual([expect.objectContaining({ field: 'body.standard' })]);
    const expert = await call('POST', `${api}/scoring/loaded-rubrics`, { token: tokens.dept, body: good });
    expect(expert.status).toBe(403);

    const loaded = ok(await call('POST', `${api}/scoring/loaded-rubrics`, { token: tokens.office, body: good }), 201);
    expect(loaded).toMatchObject({
      key: 'db14t-1463',
      version: 1,
      standard: 'DB14/T 1463',
      total: 100,
      items: 3,
      loadedBy: 'city-office',
      source: { document: 'DB14/T 1463（测试数据，非标准原文）', citation: '测试用表 1', url: null },
    });
    const again = ok(await call('POST', `${api}/scoring/loaded-rubrics`, { token: tokens.office, body: good }), 201);
    expect(again.version).toBe(2);
    const listed = ok(await call('GET', `${api}/scoring/loaded-rubrics`, { token: tokens.office }));
    expect((listed.rubrics as Json[]).map((r) => [r.key, r.version])).toEqual([
      ['db14t-1463', 2],
      ['db14t-1463', 1],
    ]);
  });

  it('the stages are the policy’s; nobody enters by rule; the office’s entrants are recorded with who, when and why', async () => {
    const listed = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    expect((listed.stages as Json[]).map((s) => [s.stageKey, s.entryRule])).toEqual([
      ['material', null],
      ['onsite', null],
      ['defense', null],
    ]);
    const material = (listed.stages as Json[])[0] as Json;
    expect((material.entryFindings as Json[]).map((f) => [f.decision, f.basis])).toEqual([
      ['office_decides', null],
      ['office_decides', null],
    ]);

    const nobody = await call('POST', `${api}/cycles/1/review-stages/material/open`, {
      token: tokens.office,
      body: {},
    });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors).toEqual([expect.objectContaining({ field: 'body.entrants' })]);
    const noReason = await call('POST', `${api}/cycles/1/review-stages/material/open`, {
      token: tokens.office,
      body: { entrants: [{ applicationId: ids[0] }] },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'body.entrants[0].reason' })]);

    const reason = '领导小组办公室决定：受理名单中的申报全部进入材料评审';
    const opened = ok(
      await call('POST', `${api}/cycles/1/review-stages/material/open`, {
        token: tokens.office,
        body: { entrants: ids.map((applicationId) => ({ applicationId, reason })) },
      }),
      201,
    );
    expect(opened.entrants).toHaveLength(2);
    expect(opened.entrants).toEqual(
      expect.arrayContaining(
        ids.map((applicationId) =>
          expect.objectContaining({ applicationId, source: 'office', basis: null, reason, decidedBy: 'city-office' }),
        ),
      ),
    );
    expect(opened.basis).toBe('xinzhou-city 第十七条');
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    expect(audit).toContain('review-stage.open');
    expect(audit).toContain('"source":"office"');
  });

  it('the stage opened with the loaded rubric pinned: a later version does not change it; individuals need DB14/T 1464', async () => {
    const good = testRubricBody('DB14/T 1463', ['organisation']);
    // Only organisations entered: the individuals' DB14/T 1464 was not needed to open this stage.
    const rubric = ok(
      await call('GET', `${api}/scoring/cycles/1/stages/material/rubric?applicantKind=organisation`, {
        token: tokens.office,
      }),
    );
    expect(rubric).toMatchObject({ key: 'db14t-1463', version: 2, standard: 'DB14/T 1463', max: 100 });
    // A third version loaded now does not change the stage under way: the version it opened with is pinned.
    ok(await call('POST', `${api}/scoring/loaded-rubrics`, { token: tokens.office, body: good }), 201);
    const pinned = ok(
      await call('GET', `${api}/scoring/cycles/1/stages/material/rubric?applicantKind=organisation`, {
        token: tokens.office,
      }),
    );
    expect(pinned).toMatchObject({ key: 'db14t-1463', version: 2 });
    const individuals = await call('GET', `${api}/scoring/cycles/1/stages/onsite/rubric?applicantKind=individual`, {
      token: tokens.office,
    });
    expect(individuals.status).toBe(409);
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    expect(audit).toContain('rubric.load');
  });

  it('an expert scores by the loaded rubric: its items and points decide what a sheet may hold', async () => {
    const registered = ok(
      await call('POST', `${api}/experts`, {
        token: tokens.office,
        body: {
          userId: expertUserId,
          name: '忻州专家',
          specialities: ['质量管理'],
          currentEmployer: { creditCode: creditCodeFor(8399), name: '忻州某高校' },
        },
      }),
      201,
    );
    const stages = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    const materialId = (stages.stages as Json[]).find((stage) => stage.stageKey === 'material')?.id as string;
    ok(
      await call('PUT', `${api}/review-stages/${materialId}/panel`, {
        token: tokens.office,
        body: {
          name: '材料评审组',
          size: 1,
          sizeReason: '测试：每份一名专家',
          members: [{ expertId: registered.id, minLoad: 0, maxLoad: 2 }],
        },
      }),
    );
    ok(await call('POST', `${api}/review-stages/${materialId}/assignments/solve`, { token: tokens.office }));
    const sheet = `${api}/scoring/cycles/1/stages/material/applications/${ids[0]}/sheet`;
    const opened = ok(await call('GET', sheet, { token: tokens.expert }));
    expect(opened.rubric).toMatchObject({ key: 'db14t-1463', version: 2, max: 100 });
    const bad = await call('PUT', sheet, {
      token: tokens.expert,
      body: {
        items: [
          { itemKey: 't1.1', score: 41 },
          { itemKey: '4.1.2', score: 10 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.field)).toEqual(['body.items[0].score', 'body.items[1].itemKey']);
    const items = [
      { itemKey: 't1.1', score: 35 },
      { itemKey: 't1.2', score: 15 },
      { itemKey: 't2.1', score: 30 },
    ];
    ok(await call('PUT', sheet, { token: tokens.expert, body: { items } }));
    const submitted = ok(await call('POST', `${sheet}/submit`, { token: tokens.expert }));
    expect(submitted).toMatchObject({ status: 'submitted', total: 80 });
    const results = ok(await call('GET', `${api}/scoring/cycles/1/stages/material/results`, { token: tokens.office }));
    expect(results.groups).toEqual([expect.objectContaining({ applicantKind: 'organisation', max: 100 })]);
  });
});
