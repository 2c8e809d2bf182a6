import type { Json } from './applications.util';
import { itemsFor, type ScoringFixture, scoreAndSettleMaterial, startScoringFixture } from './reviews-scoring.fixture';

/**
 * After the material review is scored and settled (the first scoring spec's steps, `scoreAndSettleMaterial`): the
 * office's cut after material review deciding who is scored on site (inner-mongolia 第十四条（一）), the composite of
 * on-site and defense (第十五条) with the office's weights and the tie named, the candidate proposal from it, the
 * report, and another tenant seeing nothing. Through the gateway and the real services.
 */
describe('reviews: the cut, the composite and the report through the gateway (inner-mongolia)', () => {
  let fx: ScoringFixture;
  const call: ScoringFixture['call'] = (...args) => fx.call(...args);
  const ok: ScoringFixture['ok'] = (...args) => fx.ok(...args);
  const sheet: ScoringFixture['sheet'] = (...args) => fx.sheet(...args);
  const openAndAssign: ScoringFixture['openAndAssign'] = (...args) => fx.openAndAssign(...args);
  let api: string;
  let results: string;
  let tokens: Record<string, string>;
  let apps: string[];
  let stageIds: Record<string, string>;
  let revisedSheetId: string;
  let sut: ReturnType<ScoringFixture['sut']>;

  beforeAll(async () => {
    fx = await startScoringFixture();
    ({ api, results, tokens, apps, stageIds } = fx);
    sut = fx.sut();
    revisedSheetId = await scoreAndSettleMaterial(fx);
  }, 300_000);
  afterAll(async () => {
    await fx?.sut()?.close();
  });

  it('inner-mongolia 第十四条（一）: the material score decides who is scored on site, by the office’s recorded cut', async () => {
    // Before the cut and the on-site stage, nobody is scored on site.
    const early = await call('GET', sheet(apps[4] as string, 'onsite'), { token: tokens.e1 });
    expect(early.status).toBe(409);

    const cutUrl = results.replace('/results', '/cut');
    const both = await call('POST', cutUrl, {
      token: tokens.office,
      body: { count: 3, minScore: 700, reason: '两者' },
    });
    expect(both.status).toBe(400);
    // The material review cannot close before its cut: the cut is the decision of who goes on.
    const earlyClose = await call('POST', `${api}/review-stages/${stageIds.material}/close`, {
      token: tokens.office,
      body: { wentOn: [apps[4]], reason: '先结束' },
    });
    expect(earlyClose.status).toBe(409);
    expect(earlyClose.body.detail).toContain('第十四条（一）');
    const cut = ok(
      await call('POST', cutUrl, {
        token: tokens.office,
        body: { count: 3, reason: '综合各组评审结果，材料评审前三名进入现场评审' },
      }),
    );
    expect(cut.cut).toMatchObject({
      toStage: 'onsite',
      count: 3,
      goesOn: [apps[4], apps[3], apps[2]],
      stops: [apps[1], apps[0]],
      basis: 'inner-mongolia 第十四条（一）',
      reason: '综合各组评审结果，材料评审前三名进入现场评审',
      decidedBy: expect.any(String),
    });
    expect((await call('POST', cutUrl, { token: tokens.office, body: { count: 2, reason: '改' } })).status).toBe(409);

    // Closing the material review takes the cut's list: who goes on is decided once (第十四条（一）); a different list is
    // refused naming the field; closed from the cut, each entrant's outcome carries the cut's reason, who and when.
    const closeUrl = `${api}/review-stages/${stageIds.material}/close`;
    const differs = await call('POST', closeUrl, {
      token: tokens.office,
      body: { wentOn: [apps[4], apps[3]], reason: '另定名单' },
    });
    expect(differs.status).toBe(400);
    expect(differs.body.errors).toEqual([expect.objectContaining({ field: 'body.wentOn' })]);
    const closedStage = ok(await call('POST', closeUrl, { token: tokens.office, body: {} }));
    const outcomes = (closedStage.entrants as Json[]).map((e) => [e.applicationId, e.outcome, e.outcomeReason]);
    expect(outcomes.sort()).toEqual(
      [
        ...[apps[4], apps[3], apps[2]].map((a) => [a, 'went_on', '综合各组评审结果，材料评审前三名进入现场评审']),
        ...[apps[1], apps[0]].map((a) => [a, 'stopped', '综合各组评审结果，材料评审前三名进入现场评审']),
      ].sort(),
    );
    // Closed: the material scores no longer change.
    const late = await call('POST', `${api}/scoring/sheets/${revisedSheetId}/revisions`, {
      token: tokens.e1,
      body: { items: [{ itemKey: '4.1.2', score: 1 }], reason: '结束后修改' },
    });
    expect(late.status).toBe(409);
    expect(late.body.stageStatus).toBe('closed');
    const solved = await openAndAssign('onsite', 1, [{ name: 'e1', min: 0, max: 3 }]);
    expect((solved.assignments as Json[]).map((a) => a.applicationId).sort()).toEqual(
      [apps[4], apps[3], apps[2]].sort(),
    );
    const onsite = ok(await call('GET', sheet(apps[4] as string, 'onsite'), { token: tokens.e1 }));
    expect(onsite).toMatchObject({ sheet: null, rubric: { key: 'gbt-19580' } });
    // An application the cut stopped is not on site: not an entrant, nobody is assigned to it (404).
    const stopped = await call('PUT', sheet(apps[0] as string, 'onsite'), {
      token: tokens.e1,
      body: { items: itemsFor(500) },
    });
    expect(stopped.status).toBe(404);
  });

  it('the composite (第十五条) waits for the office’s weights, then ranks on-site and defense with the tie named; the report downloads', async () => {
    const composite = ok(await call('GET', `${api}/scoring/cycles/1/composite`, { token: tokens.office }));
    expect(composite).toMatchObject({ stages: ['onsite', 'defense'], basis: 'inner-mongolia 第十五条', weights: null });
    expect((composite.pending as Json[])[0]).toMatchObject({ zh: expect.stringContaining('权重') });
    const wrong = await call('PUT', `${api}/scoring/cycles/1/composite/weights`, {
      token: tokens.office,
      body: { weights: { material: 1 }, reason: '误' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.weights' })]);
    const weighted = ok(
      await call('PUT', `${api}/scoring/cycles/1/composite/weights`, {
        token: tokens.office,
        body: { weights: { onsite: 6, defense: 4 }, reason: '领导小组办公室会议决定：现场评审60%，陈述答辩40%' },
      }),
    );
    expect(weighted.weights).toMatchObject({ values: { onsite: 6, defense: 4 }, source: 'office_decision' });
    expect(weighted.pending).toEqual([]);
    expect(weighted.ranking).toEqual([]);

    // On site, then the defense (第十四条（二）（三）), each scored by e1 alone (3 sheets: raw scores, too few to normalise).
    const score = async (stage: string, totals: [number, number][]) => {
      for (const [j, total] of totals) {
        ok(await call('PUT', sheet(apps[j] as string, stage), { token: tokens.e1, body: { items: itemsFor(total) } }));
        ok(await call('POST', `${sheet(apps[j] as string, stage)}/submit`, { token: tokens.e1 }));
      }
    };
    await score('onsite', [
      [4, 700],
      [3, 800],
      [2, 750],
    ]);
    ok(
      await call('POST', `${api}/review-stages/${stageIds.onsite}/close`, {
        token: tokens.office,
        body: { wentOn: [apps[4], apps[3], apps[2]], reason: '现场评审完成，全部进入陈述答辩' },
      }),
    );
    await openAndAssign('defense', 1, [{ name: 'e1', min: 0, max: 3 }]);
    await score('defense', [
      [4, 800],
      [3, 650],
      [2, 750],
    ]);
    // 6:4 — apps[2]: 750; apps[4]: 0.6·700 + 0.4·800 = 740; apps[3]: 0.6·800 + 0.4·650 = 740 (a tie, named, not broken).
    const ranked = ok(await call('GET', `${api}/scoring/cycles/1/composite`, { token: tokens.office }));
    expect((ranked.ranking as Json[]).map((row) => [row.applicationId, row.score, row.rank, row.tiedWith])).toEqual([
      [apps[2], 750, 1, []],
      ...[
        [apps[3], 740, 2, [apps[4]]],
        [apps[4], 740, 2, [apps[3]]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    expect((ranked.ranking as Json[])[0]?.stages).toEqual({ onsite: 750, defense: 750 });
    // 第十五条: the office proposes the candidates from the composite ranking; a count that splits the tie is refused.
    const proposalUrl = `${api}/candidate-lists/1/proposal`;
    const split = await call('PUT', proposalUrl, { token: tokens.office, body: { count: 2, reason: '前两名' } });
    expect(split.status).toBe(409);
    expect(split.body.rank).toBe(2);
    const proposal = ok(
      await call('PUT', proposalUrl, { token: tokens.office, body: { minScore: 745, reason: '综合评分 745 分以上' } }),
    );
    expect(proposal).toMatchObject({
      basis: 'inner-mongolia 第十五条',
      source: 'ranking',
      minScore: 745,
      candidates: [{ applicationId: apps[2], position: 1, score: 750 }],
    });
    const report = await fetch(`${sut.gateway.url}${api}/scoring/cycles/1/composite/report`, {
      headers: { authorization: `Bearer ${tokens.office}` },
    });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/html');
    expect(report.headers.get('content-disposition')).toContain('attachment');
    const text = await report.text();
    expect(text).toContain('综合评审报告');
    expect(text).toContain('inner-mongolia 第十五条');
    expect(text).toContain('2（并列）');
    expect(text).toContain('现场评审');
    // Every decision is in the audit trail with its article.
    const audit = JSON.stringify(ok(await call('GET', `${api}/audit?service=reviews`, { token: tokens.office })));
    for (const action of [
      'score-sheet.submit',
      'score-sheet.revise',
      'consensus.record',
      'stage-cut.record',
      'composite-weights.put',
    ]) {
      expect([action, audit.includes(action)]).toEqual([action, true]);
    }
    expect(audit).toContain('inner-mongolia 第十四条（一）');
  });

  it('another tenant sees nothing', async () => {
    const linxia = tokens['linxia-office'] as string;
    expect((await call('GET', results, { token: linxia })).status).toBe(404);
    expect((await call('GET', `${api}/scoring/cycles/1/stages/material/sheets`, { token: linxia })).status).toBe(404);
    const own = ok(
      await call('GET', '/api/v1/tenants/linxia/scoring/cycles/1/stages/defense/results', { token: linxia }),
    );
    expect(own).toMatchObject({ sheets: [], ranking: [], openFlags: 0 });
    expect(JSON.stringify(own)).not.toContain(apps[0] as string);
    const sheets = ok(
      await call('GET', '/api/v1/tenants/linxia/scoring/cycles/1/stages/defense/sheets', { token: linxia }),
    );
    expect(sheets.sheets).toEqual([]);
  });
});
