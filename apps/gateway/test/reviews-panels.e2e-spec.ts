import { randomUUID } from 'node:crypto';
import { EVIDENCE_PDF, type Json } from './applications.util';
import { type PanelsFixture, startPanelsFixture } from './reviews-panels.fixture';

/**
 * Review stages, panels and assignments through the gateway with the real awards, objections, applications and reviews
 * services: linxia's two organisations and one individual taken to acceptance; the stages come from linxia's pinned
 * policy (陈述答辩 then 现场评审), the individual skips the defense and enters on-site review (第十九条); experts are
 * assigned by the solver around a recusal, an impossible panel is explained, locks survive a re-solve, and an expert
 * sees and reads (audited) only what it is assigned to.
 */
describe('reviews: stages, panels and assignments through the gateway (linxia)', () => {
  let fx: PanelsFixture;
  const call: PanelsFixture['call'] = (...args) => fx.call(...args);
  const ok: PanelsFixture['ok'] = (...args) => fx.ok(...args);
  let api: string;
  let tokens: Record<string, string>;
  let experts: Record<string, string>;
  let ids: Record<string, string>;
  let names: PanelsFixture['names'];
  let sut: ReturnType<PanelsFixture['sut']>;
  let defenseId: string;

  beforeAll(async () => {
    fx = await startPanelsFixture();
    ({ api, tokens, experts, ids, names } = fx);
    sut = fx.sut();
  }, 240_000);
  afterAll(async () => {
    await fx?.sut()?.close();
  });

  it('lists the stages from the cycle’s policy version; linxia’s individual skips the defense (第十九条)', async () => {
    const listed = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    const stages = listed.stages as Json[];
    const defense = stages[0] as Json;
    expect(stages.map((s) => [s.stageKey, s.kind, s.status, s.basis])).toEqual([
      ['defense', 'defense', 'planned', 'linxia 第十八条'],
      ['onsite', 'onsite_review', 'planned', 'linxia 第十九条; 第二十条'],
    ]);
    const preview = (defense.entryFindings as Json[]).map((f) => [f.applicantName, f.decision, f.basis]);
    expect(preview).toEqual(
      expect.arrayContaining([
        [names.orgA, 'enters', 'linxia 第十八条; 第十九条'],
        [names.orgB, 'enters', 'linxia 第十八条; 第十九条'],
        [names.person, 'skips', 'linxia 第十八条; 第十九条'],
      ]),
    );
    expect((defense.entryRule as Json).zh).toContain('申报个人：不参加本环节');

    // The policy decides the individual: the office cannot add it; on-site review waits for the defense to close.
    const added = await call('POST', `${api}/cycles/1/review-stages/defense/open`, {
      token: tokens.office,
      body: { entrants: [{ applicationId: ids.person, reason: '办公室决定' }] },
    });
    expect(added.status).toBe(400);
    expect(added.body.errors).toEqual([expect.objectContaining({ field: 'body.entrants[0].applicationId' })]);
    expect(JSON.stringify(added.body.errors)).toContain('第十九条');
    const early = await call('POST', `${api}/cycles/1/review-stages/onsite/open`, { token: tokens.office, body: {} });
    expect(early.status).toBe(409);
    expect(String(early.body.detail)).toContain('陈述答辩');

    const opened = ok(
      await call('POST', `${api}/cycles/1/review-stages/defense/open`, {
        token: tokens.office,
        body: { reason: '第一批陈述答辩' },
      }),
      201,
    );
    defenseId = opened.id as string;
    expect(opened.status).toBe('open');
    expect((opened.entrants as Json[]).map((e) => [e.applicantName, e.source, e.basis]).sort()).toEqual(
      [
        [names.orgA, 'policy', 'linxia 第十八条; 第十九条'],
        [names.orgB, 'policy', 'linxia 第十八条; 第十九条'],
      ].sort(),
    );
    expect((opened.history as Json[]).map((h) => `${h.from}->${h.to}:${h.actor}`)).toEqual(['planned->open:office']);
    const twice = await call('POST', `${api}/cycles/1/review-stages/defense/open`, { token: tokens.office, body: {} });
    expect(twice.status).toBe(409);
  });

  it('explains an impossible panel: 甲 has only 2 experts without a conflict, the panel needs 3 (422, zh and en)', async () => {
    ok(
      await call('PUT', `${api}/review-stages/${defenseId}/panel`, {
        token: tokens.office,
        body: {
          name: '陈述答辩评审组',
          size: 3,
          sizeReason: '评委办决定每份申报由三名专家评议',
          members: ['wang', 'lisi', 'zhao'].map((u) => ({ expertId: experts[u], minLoad: 0, maxLoad: 2 })),
        },
      }),
    );
    const impossible = await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, {
      token: tokens.office,
    });
    expect(impossible.status).toBe(422);
    expect(impossible.headers.get('content-type')).toMatch(/problem\+json/);
    expect(String(impossible.body.detail)).toContain(`申报「${names.orgA}」无利益冲突的专家仅剩 2 名，评审组需要 3 名`);
    expect(impossible.body.bindings).toEqual([
      expect.objectContaining({
        constraint: 'panel_size',
        applicationId: ids.orgA,
        eligible: 2,
        needed: 3,
        message: expect.objectContaining({ en: expect.stringContaining('the panel needs 3') }),
      }),
    ]);
    const none = ok(await call('GET', `${api}/review-stages/${defenseId}/assignments`, { token: tokens.office }));
    expect(none.assignments).toEqual([]);
  });

  let assignments: Json[];

  it('assigns around the recusal with even loads; the panel size is recorded', async () => {
    const panel = ok(
      await call('PUT', `${api}/review-stages/${defenseId}/panel`, {
        token: tokens.office,
        body: {
          name: '陈述答辩评审组',
          size: 2,
          sizeReason: '申报数量少，每份由两名专家评议',
          members: ['wang', 'lisi', 'zhao', 'qian'].map((u) => ({ expertId: experts[u], minLoad: 1, maxLoad: 1 })),
        },
      }),
    );
    expect(panel).toMatchObject({ size: 2, sizeReason: '申报数量少，每份由两名专家评议', sizeDecidedBy: 'office' });
    const solved = ok(
      await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, { token: tokens.office }),
    );
    assignments = solved.assignments as Json[];
    expect(assignments).toHaveLength(4);
    const ofA = assignments.filter((a) => a.applicationId === ids.orgA).map((a) => a.expertId);
    expect(ofA).toHaveLength(2);
    expect(ofA).not.toContain(experts.lisi);
    const loads = new Map<unknown, number>();
    for (const a of assignments) loads.set(a.expertId, (loads.get(a.expertId) ?? 0) + 1);
    expect([...loads.values()]).toEqual([1, 1, 1, 1]);
    const stage = ok(await call('GET', `${api}/review-stages/${defenseId}`, { token: tokens.office }));
    expect(stage.progress).toEqual({ entrants: 2, fullyAssigned: 2, assignments: 4, panelSize: 2, panelMembers: 4 });
  });

  it('a locked assignment and an office change survive a re-solve; both recorded and audited', async () => {
    const ofB = assignments.filter((a) => a.applicationId === ids.orgB);
    const kept = ofB[0] as Json;
    const moved = ofB[1] as Json;
    const locked = ok(
      await call('POST', `${api}/assignments/${kept.id}/lock`, {
        token: tokens.office,
        body: { locked: true, reason: '该专家熟悉食品行业' },
      }),
    );
    expect(locked).toMatchObject({
      locked: true,
      history: [
        expect.objectContaining({ action: 'assign' }),
        expect.objectContaining({ action: 'lock', reason: '该专家熟悉食品行业', actor: 'office' }),
      ],
    });
    // The other seat of 乙 goes to an expert not on 乙 yet.
    const onB = new Set(ofB.map((a) => a.expertId));
    const target = Object.values(experts).find((e) => !onB.has(e) && e !== experts.lisi) as string;
    // Every expert is at its most (1): the change is refused until the office raises the loads.
    const full = await call('POST', `${api}/assignments/${moved.id}/change`, {
      token: tokens.office,
      body: { expertId: target, reason: '原专家出差，改由其他专家评议' },
    });
    expect(full.status).toBe(400);
    expect(full.body.errors).toEqual([expect.objectContaining({ field: 'body.expertId' })]);
    ok(
      await call('PUT', `${api}/review-stages/${defenseId}/panel`, {
        token: tokens.office,
        body: {
          name: '陈述答辩评审组',
          size: 2,
          sizeReason: '申报数量少，每份由两名专家评议',
          members: ['wang', 'lisi', 'zhao', 'qian'].map((u) => ({ expertId: experts[u], minLoad: 0, maxLoad: 2 })),
        },
      }),
    );
    const changed = ok(
      await call('POST', `${api}/assignments/${moved.id}/change`, {
        token: tokens.office,
        body: { expertId: target, reason: '原专家出差，改由其他专家评议' },
      }),
    );
    expect(changed).toMatchObject({ expertId: target, locked: true, source: 'office', status: 'assigned' });
    const again = ok(
      await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, { token: tokens.office }),
    );
    const pairs = (again.assignments as Json[]).map((a) => `${a.applicationId}|${a.expertId}`);
    expect(pairs).toContain(`${ids.orgB}|${kept.expertId}`);
    expect(pairs).toContain(`${ids.orgB}|${target}`);
    expect(pairs.filter((p) => p.startsWith(ids.orgA as string))).toHaveLength(2);
    expect(pairs).not.toContain(`${ids.orgA}|${experts.lisi}`);
    assignments = again.assignments as Json[];
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    for (const action of [
      'review-stage.open',
      'panel.put',
      'assignment.solve',
      'assignment.lock',
      'assignment.change',
    ]) {
      expect([action, audit.includes(action)]).toEqual([action, true]);
    }
  });

  it('an expert sees only its assignments; materials (trade secrets too) only when assigned, every view audited', async () => {
    const onA = assignments.filter((a) => a.applicationId === ids.orgA).map((a) => a.expertId as string);
    const assignedUser = Object.keys(experts).find((u) => experts[u] === onA[0]) as string;
    const mine = ok(await call('GET', `${api}/experts/me/assignments`, { token: tokens[assignedUser] }));
    expect(mine.assignments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: expect.objectContaining({ id: defenseId, name: { zh: '陈述答辩', en: 'Defense' } }),
          application: expect.objectContaining({ id: ids.orgA, applicantName: names.orgA }),
        }),
      ]),
    );
    const listed = ok(
      await call('GET', `${api}/experts/me/assignments/${ids.orgA}/materials`, { token: tokens[assignedUser] }),
    );
    expect((listed.materials as Json[]).map((m) => [m.title, m.tradeSecret])).toEqual([
      ['自评报告（含商业秘密）', true],
    ]);
    const file = await fetch(`${sut.gateway.url}${api}/experts/me/assignments/${ids.orgA}/materials/${ids.material}`, {
      headers: { authorization: `Bearer ${tokens[assignedUser]}` },
    });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).toString('base64')).toBe(EVIDENCE_PDF.contentBase64);
    const reviewsAudit = JSON.stringify(
      ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })),
    );
    expect(reviewsAudit).toContain('material.expert-list');
    expect(reviewsAudit).toContain('material.expert-download');
    const applicationsAudit = JSON.stringify(
      ok(await call('GET', `${api}/audit?service=applications`, { token: tokens.office })),
    );
    expect(applicationsAudit).toMatch(/application\.material\.download[^}]*"as":"expert"/);

    // 李 (recused from 甲) and an expert not assigned to 甲 get the same 404 for everything about it.
    const notOnA = Object.keys(experts).find((u) => u !== 'lisi' && !onA.includes(experts[u] as string)) as string;
    for (const username of ['lisi', notOnA]) {
      const own = ok(await call('GET', `${api}/experts/me/assignments`, { token: tokens[username] }));
      expect(JSON.stringify(own)).not.toContain(ids.orgA);
      for (const url of [
        `${api}/experts/me/assignments/${ids.orgA}/materials`,
        `${api}/experts/me/assignments/${ids.orgA}/materials/${ids.material}`,
        `${api}/applications/${ids.orgA}/materials`,
      ]) {
        const refused = await fetch(`${sut.gateway.url}${url}`, {
          headers: { authorization: `Bearer ${tokens[username]}` },
        });
        expect([username, url, refused.status]).toEqual([username, url, url.includes('/experts/') ? 404 : 403]);
      }
    }
    expect((await call('GET', `${api}/experts/me/applications/${ids.orgA}`, { token: tokens.lisi })).status).toBe(404);
    const missing = await call('GET', `${api}/experts/me/assignments/${randomUUID()}/materials`, {
      token: tokens.lisi,
    });
    const hidden = await call('GET', `${api}/experts/me/assignments/${ids.orgA}/materials`, { token: tokens.lisi });
    const { correlationId: _a, instance: _i, ...hiddenBody } = hidden.body;
    const { correlationId: _b, instance: _j, ...missingBody } = missing.body;
    expect(hiddenBody).toEqual(missingBody);
  });

  it('a new recusal on an assigned pair withdraws the assignment and says so', async () => {
    const onB = assignments.find((a) => a.applicationId === ids.orgB) as Json;
    const username = Object.keys(experts).find((u) => experts[u] === onB.expertId) as string;
    ok(
      await call('POST', `${api}/experts/me/conflicts`, {
        token: tokens[username],
        body: { applicationId: ids.orgB, relation: '近亲属在该公司任职' },
      }),
      201,
    );
    const listed = ok(await call('GET', `${api}/review-stages/${defenseId}/assignments`, { token: tokens.office }));
    const withdrawn = (listed.assignments as Json[]).find((a) => a.id === onB.id) as Json;
    expect(withdrawn).toMatchObject({ status: 'removed', locked: false });
    expect((withdrawn.history as Json[]).at(-1)).toMatchObject({
      action: 'withdraw',
      reason: expect.stringContaining('利益冲突（已回避'),
    });
    const mine = ok(await call('GET', `${api}/experts/me/assignments`, { token: tokens[username] }));
    expect(JSON.stringify(mine)).not.toContain(ids.orgB);
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    expect(audit).toContain('assignment.withdraw');
    const stage = ok(await call('GET', `${api}/review-stages/${defenseId}`, { token: tokens.office }));
    expect(stage.progress).toMatchObject({ fullyAssigned: 1 });
  });

  it('another tenant sees nothing', async () => {
    expect(
      (await call('GET', `/api/v1/tenants/ili/review-stages/${defenseId}`, { token: tokens['ili-office'] })).status,
    ).toBe(404);
    expect(
      (await call('GET', `/api/v1/tenants/ili/review-stages/${defenseId}/assignments`, { token: tokens['ili-office'] }))
        .status,
    ).toBe(404);
    const lock = await call('POST', `/api/v1/tenants/ili/assignments/${assignments[0]?.id}/lock`, {
      token: tokens['ili-office'],
      body: { locked: true, reason: 'x' },
    });
    expect(lock.status).toBe(404);
    const theirs = ok(await call('GET', '/api/v1/tenants/ili/experts/me/assignments', { token: tokens['ili-expert'] }));
    expect(theirs.assignments).toEqual([]);
    // linxia's office through its own path works; ili's office on linxia's path is not a member there.
    expect((await call('GET', `${api}/review-stages/${defenseId}`, { token: tokens['ili-office'] })).status).toBe(404);
  });

  it('refuses bad input with clear 4xx naming the field', async () => {
    const badPanel = await call('PUT', `${api}/review-stages/${defenseId}/panel`, {
      token: tokens.office,
      body: {
        name: '组',
        size: 0,
        sizeReason: '',
        members: [{ expertId: experts.wang, minLoad: 3, maxLoad: 2 }],
      },
    });
    expect(badPanel.status).toBe(400);
    expect((badPanel.body.errors as Json[]).map((e) => e.field).sort()).toEqual(
      ['body.members[0].minLoad', 'body.size', 'body.sizeReason'].sort(),
    );
    const notAStage = await call('POST', `${api}/cycles/1/review-stages/composite/open`, {
      token: tokens.office,
      body: {},
    });
    expect(notAStage.status).toBe(400);
    expect(notAStage.body.errors).toEqual([expect.objectContaining({ field: 'path.stageKey' })]);
    const noReason = await call('POST', `${api}/assignments/${assignments[0]?.id}/lock`, {
      token: tokens.office,
      body: { locked: true },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const stranger = await call('PUT', `${api}/review-stages/${randomUUID()}/panel`, {
      token: tokens.office,
      body: { name: '组', size: 1, sizeReason: '理由', members: [{ expertId: randomUUID(), minLoad: 0, maxLoad: 1 }] },
    });
    expect(stranger.status).toBe(404);
    // Only the office assigns; an expert cannot read the office's lists.
    expect(
      (await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, { token: tokens.wang })).status,
    ).toBe(403);
    expect((await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.wang })).status).toBe(403);
  });
});
