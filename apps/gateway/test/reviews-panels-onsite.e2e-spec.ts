import { extractPdfTextCompact } from '@laurel/testing';
import type { Json } from './applications.util';
import { GBT_ITEMS, openDefenseAndAssign, type PanelsFixture, startPanelsFixture } from './reviews-panels.fixture';

/**
 * After linxia's defense (第十八条) is assigned (`openDefenseAndAssign`): closing it records who went on; on-site review
 * takes the organisation that went on and the individual who skipped the defense (第十九条); the composite (第二十条)
 * lists the individual until the office records how its composite is formed; organisations and individuals are ranked
 * separately, and the composite report downloads as a PDF per kind. Through the gateway and the real services.
 */
describe('reviews: on-site review, the composite per applicant kind and its report (linxia)', () => {
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
    ({ defenseId } = await openDefenseAndAssign(fx));
  }, 300_000);
  afterAll(async () => {
    await fx?.sut()?.close();
  });

  it('closing the defense records who went on; on-site review takes 甲 and the individual (第十九条), not 乙', async () => {
    const wrong = await call('POST', `${api}/review-stages/${defenseId}/close`, {
      token: tokens.office,
      body: { wentOn: [ids.person], reason: '答辩结果' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.wentOn[0]' })]);
    const closed = ok(
      await call('POST', `${api}/review-stages/${defenseId}/close`, {
        token: tokens.office,
        body: { wentOn: [ids.orgA], reason: '评审组评议：甲通过陈述答辩' },
      }),
    );
    expect(closed.status).toBe('closed');
    expect((closed.entrants as Json[]).map((e) => [e.applicantName, e.outcome]).sort()).toEqual(
      [
        [names.orgA, 'went_on'],
        [names.orgB, 'stopped'],
      ].sort(),
    );
    const onsite = ok(
      await call('POST', `${api}/cycles/1/review-stages/onsite/open`, { token: tokens.office, body: {} }),
      201,
    );
    expect((onsite.entrants as Json[]).map((e) => [e.applicantName, e.basis]).sort()).toEqual(
      [
        [names.orgA, 'linxia 第十九条'],
        [names.person, 'linxia 第十九条'],
      ].sort(),
    );
    const findings = (onsite.entryFindings as Json[]).find((f) => f.applicationId === ids.orgB) as Json;
    expect(findings).toMatchObject({ decision: 'stays_out', basis: 'linxia 第十九条' });
    // A closed stage's assignments do not change.
    const late = await call('POST', `${api}/review-stages/${defenseId}/assignments/solve`, { token: tokens.office });
    expect(late.status).toBe(409);
  });

  it('the composite (第二十条) shows the individual who skipped the defense (第十九条) until the office records how its composite is formed', async () => {
    // The on-site panel scores the individual (GB/T 19580, 第三条): 720.
    const stages = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    const onsiteId = (stages.stages as Json[]).find((stage) => stage.stageKey === 'onsite')?.id as string;
    ok(
      await call('PUT', `${api}/review-stages/${onsiteId}/panel`, {
        token: tokens.office,
        body: {
          name: '现场评审组',
          size: 1,
          sizeReason: '每份一名专家',
          members: ['wang', 'zhao', 'qian'].map((u) => ({ expertId: experts[u], minLoad: 0, maxLoad: 2 })),
        },
      }),
    );
    const solved = ok(
      await call('POST', `${api}/review-stages/${onsiteId}/assignments/solve`, { token: tokens.office }),
    );
    const onPerson = (solved.assignments as Json[]).find((a) => a.applicationId === ids.person)?.expertId;
    const scorer = Object.keys(experts).find((u) => experts[u] === onPerson) as string;
    const sheet = `${api}/scoring/cycles/1/stages/onsite/applications/${ids.person}/sheet`;
    let left = 720;
    const items = GBT_ITEMS.map((item) => {
      const score = Math.min(item.points, left);
      left -= score;
      return { itemKey: item.key, score };
    });
    ok(await call('PUT', sheet, { token: tokens[scorer], body: { items } }));
    ok(await call('POST', `${sheet}/submit`, { token: tokens[scorer] }));

    const composite = `${api}/scoring/cycles/1/composite`;
    const before = ok(await call('GET', composite, { token: tokens.office }));
    expect(before.kindRules).toEqual([]);
    expect((before.incomplete as Json[]).find((row) => row.applicationId === ids.person)).toMatchObject({
      missing: ['defense'],
      skipped: { stages: ['defense'], basis: 'linxia 第十八条; 第十九条' },
    });
    const kinds = `${composite}/kinds`;
    const organisations = await call('PUT', kinds, {
      token: tokens.office,
      body: { applicantKind: 'organisation', weights: { onsite: 1 }, reason: '组织' },
    });
    expect(organisations.status).toBe(409);
    const withDefense = await call('PUT', kinds, {
      token: tokens.office,
      body: { applicantKind: 'individual', weights: { defense: 1, onsite: 1 }, reason: '个人' },
    });
    expect(withDefense.status).toBe(400);
    expect(withDefense.body.errors).toEqual([expect.objectContaining({ field: 'body.weights' })]);
    const reason = '评委办决定：个人不参加陈述答辩，以现场评审得分为其综合评分';
    const ruled = ok(
      await call('PUT', kinds, {
        token: tokens.office,
        body: { applicantKind: 'individual', weights: { onsite: 1 }, reason },
      }),
    );
    expect(ruled.kindRules).toEqual([
      expect.objectContaining({
        applicantKind: 'individual',
        weights: { onsite: 1 },
        basis: 'linxia 第十八条; 第十九条',
        reason,
      }),
    ]);
    expect((ruled.incomplete as Json[]).map((row) => row.applicationId)).not.toContain(ids.person);
    // The composite's own weights (第二十条 names none) are still the office's to record before anything is ranked.
    const weighted = ok(
      await call('PUT', `${composite}/weights`, {
        token: tokens.office,
        body: { weights: { defense: 1, onsite: 1 }, reason: '评委办决定：陈述答辩与现场评审各半' },
      }),
    );
    expect((weighted.ranking as Json[]).map((row) => [row.applicationId, row.score])).toEqual([[ids.person, 720]]);
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    expect(audit).toContain('composite-kind-rule.put');
  });

  it('organisations and individuals are ranked separately (rank 1 in each); the composite report downloads as a PDF per kind', async () => {
    const stages = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
    const onsiteId = (stages.stages as Json[]).find((stage) => stage.stageKey === 'onsite')?.id as string;
    const assigned = ok(await call('GET', `${api}/review-stages/${onsiteId}/assignments`, { token: tokens.office }));
    const onA = (assigned.assignments as Json[]).find((a) => a.applicationId === ids.orgA)?.expertId;
    const scorer = Object.keys(experts).find((u) => experts[u] === onA) as string;
    const sheet = `${api}/scoring/cycles/1/stages/onsite/applications/${ids.orgA}/sheet`;
    let left = 810;
    const items = GBT_ITEMS.map((item) => {
      const score = Math.min(item.points, left);
      left -= score;
      return { itemKey: item.key, score };
    });
    ok(await call('PUT', sheet, { token: tokens[scorer], body: { items } }));
    ok(await call('POST', `${sheet}/submit`, { token: tokens[scorer] }));
    const results = ok(await call('GET', `${api}/scoring/cycles/1/stages/onsite/results`, { token: tokens.office }));
    expect(
      (results.ranking as Json[]).map((row) => [row.applicantKind, row.applicationId, row.rank, row.tiedWith]),
    ).toEqual([
      ['organisation', ids.orgA, 1, []],
      ['individual', ids.person, 1, []],
    ]);
    const composite = ok(await call('GET', `${api}/scoring/cycles/1/composite`, { token: tokens.office }));
    expect((composite.ranking as Json[]).map((row) => [row.applicantKind, row.rank])).toEqual([['individual', 1]]);

    const pdf = await fetch(`${sut.gateway.url}${api}/scoring/cycles/1/composite/report.pdf`, {
      headers: { authorization: `Bearer ${tokens.office}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('composite-report-linxia-1.pdf');
    const { text } = await extractPdfTextCompact(Buffer.from(await pdf.arrayBuffer()));
    const all = text.replace(/\s+/g, '');
    for (const expected of [
      '综合评审报告（第1届）',
      '综合排名（个人）',
      names.person,
      '720.00',
      '环节：现场评审',
      names.orgA,
    ]) {
      expect(all).toContain(expected.replace(/\s+/g, ''));
    }
    expect(all).not.toContain('综合排名（组织）');
    const member = await fetch(`${sut.gateway.url}${api}/scoring/cycles/1/composite/report.pdf`, {
      headers: { authorization: `Bearer ${tokens[scorer]}` },
    });
    expect(member.status).toBe(403);
  });
});
