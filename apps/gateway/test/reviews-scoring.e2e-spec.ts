import { randomUUID } from 'node:crypto';
import type { Json } from './applications.util';
import { EXPERTS, itemsFor, type ScoringFixture, startScoringFixture, TOTALS } from './reviews-scoring.fixture';

/**
 * Scoring in inner-mongolia through the gateway and the real services (awards, objections, applications, reviews):
 * five organisations taken to acceptance; the material review (第十四条（一）) scored by GB/T 19580 (第六条) by four
 * experts — a draft, one submission, a revision recorded with old and new values; bad scores refused naming the
 * field; an expert with a conflict or without an assignment gets 404; the stage must be open and assigned (the panels' part); an outlier flagged and settled in consensus; the normalised scores as
 * computed by hand (shrunk z-scores, 5 pseudo-sheets); the office's cut after material review deciding who is scored
 * on site; another tenant sees nothing.
 */
describe('reviews: score sheets, normalisation and consensus through the gateway (inner-mongolia)', () => {
  let fx: ScoringFixture;
  const call: ScoringFixture['call'] = (...args) => fx.call(...args);
  const ok: ScoringFixture['ok'] = (...args) => fx.ok(...args);
  const sheet: ScoringFixture['sheet'] = (...args) => fx.sheet(...args);
  const openAndAssign: ScoringFixture['openAndAssign'] = (...args) => fx.openAndAssign(...args);
  let api: string;
  let results: string;
  let tokens: Record<string, string>;
  let apps: string[];
  let expertIds: Record<string, string>;

  beforeAll(async () => {
    fx = await startScoringFixture();
    ({ api, results, tokens, apps, expertIds } = fx);
  }, 240_000);
  afterAll(async () => {
    await fx?.sut()?.close();
  });

  let revisedSheetId: string;

  it('opens the expert’s sheet with GB/T 19580 (the policy’s standard, 第六条) once the stage is open and assigned; saves drafts; submits once; revises with a record', async () => {
    // Before the office opens the material review and assigns its panel, nobody scores: an expert not assigned does
    // not see the application at all (404, as for one that does not exist).
    const closed = await call('GET', sheet(apps[0] as string), { token: tokens.e1 });
    expect(closed.status).toBe(404);
    // Four experts each take all five applications (panel size 4); e5 is a member but no load is left for it.
    const solved = await openAndAssign('material', 4, [
      ...EXPERTS.map((name) => ({ name, min: 5, max: 5 })),
      { name: 'e5', min: 0, max: 1 },
    ]);
    expect((solved.assignments as Json[]).length).toBe(20);
    expect((solved.assignments as Json[]).some((a) => a.expertId === expertIds.e5)).toBe(false);

    const opened = ok(await call('GET', sheet(apps[0] as string), { token: tokens.e1 }));
    expect(opened.sheet).toBeNull();
    expect(opened.rubric).toMatchObject({
      key: 'gbt-19580',
      version: 1,
      standard: 'GB/T 19580',
      max: 1000,
      step: 1,
      source: { kind: 'policy', basis: 'inner-mongolia 第六条' },
    });

    // Two first saves at once (two tabs): no unique-key 500; one sheet, saved twice.
    const firstSaves = await Promise.all(
      [0, 1].map(() =>
        call('PUT', sheet(apps[0] as string), { token: tokens.e1, body: { items: itemsFor(640).slice(0, 2) } }),
      ),
    );
    expect(firstSaves.map((r) => r.status)).toEqual([200, 200]);
    expect(firstSaves[0]?.body.id).toBe(firstSaves[1]?.body.id);
    const partial = firstSaves[0]?.body as Json;
    expect(partial).toMatchObject({ status: 'draft', total: 80 });
    const early = await call('POST', `${sheet(apps[0] as string)}/submit`, { token: tokens.e1 });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'items' })]);

    ok(await call('PUT', sheet(apps[0] as string), { token: tokens.e1, body: { items: itemsFor(640) } }));
    const submitted = ok(await call('POST', `${sheet(apps[0] as string)}/submit`, { token: tokens.e1 }));
    expect(submitted).toMatchObject({ status: 'submitted', total: 640 });
    expect(submitted.submittedAt).toEqual(expect.any(String));

    const again = await call('POST', `${sheet(apps[0] as string)}/submit`, { token: tokens.e1 });
    expect(again.status).toBe(409);
    const overwrite = await call('PUT', sheet(apps[0] as string), { token: tokens.e1, body: { items: itemsFor(700) } });
    expect(overwrite.status).toBe(409);
    expect(overwrite.body.currentStatus).toBe('submitted');

    // The revision: only the items that change, with a reason.
    const before = new Map(itemsFor(640).map((item) => [item.itemKey, item.score]));
    const changed = itemsFor(650).filter((item) => before.get(item.itemKey) !== item.score);
    const noReason = await call('POST', `${api}/scoring/sheets/${submitted.id}/revisions`, {
      token: tokens.e1,
      body: { items: changed },
    });
    expect(noReason.status).toBe(400);
    const revised = ok(
      await call('POST', `${api}/scoring/sheets/${submitted.id}/revisions`, {
        token: tokens.e1,
        body: { items: changed, reason: '复核结果部分数据后加分' },
      }),
    );
    revisedSheetId = submitted.id as string;
    expect(revised).toMatchObject({ status: 'revised', total: 650 });
    expect(revised.revisions).toEqual([
      expect.objectContaining({
        reason: '复核结果部分数据后加分',
        from: 'submitted',
        to: 'revised',
        oldTotal: 640,
        newTotal: 650,
        actor: expect.any(String),
        changes: changed.map((item) =>
          expect.objectContaining({
            itemKey: item.itemKey,
            old: expect.objectContaining({ score: before.get(item.itemKey) }),
            new: expect.objectContaining({ score: item.score }),
          }),
        ),
      }),
    ]);
  });

  it('refuses bad scores with the field named: out of range, off the step, unknown item, another expert’s sheet', async () => {
    const bad = await call('PUT', sheet(apps[1] as string), {
      token: tokens.e1,
      body: {
        items: [
          { itemKey: '4.1.2', score: 51 },
          { itemKey: '4.1.3', score: 10.5 },
          { itemKey: '9.9.9', score: 1 },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((bad.body.errors as Json[]).map((error) => error.field)).toEqual([
      'body.items[0].score',
      'body.items[1].score',
      'body.items[2].itemKey',
    ]);
    // Nothing was saved.
    expect(ok(await call('GET', sheet(apps[1] as string), { token: tokens.e1 })).sheet).toBeNull();
    expect(
      (
        await call('PUT', sheet(apps[1] as string), {
          token: tokens.e1,
          body: { items: [{ itemKey: '4.1.2', score: -1 }] },
        })
      ).status,
    ).toBe(400);
    // A stage the policy does not score, a stage it does not have, an application that is not there.
    const unscored = await call('GET', sheet(apps[1] as string, 'acceptance'), { token: tokens.e1 });
    expect(unscored.status).toBe(422);
    expect(unscored.body.basis).toBe('inner-mongolia 第十三条');
    // The composite stage (综合评分, 第十五条) is computed from on-site and defense, not scored with sheets.
    const composite = await call('GET', sheet(apps[1] as string, 'candidates'), { token: tokens.e1 });
    expect(composite.status).toBe(422);
    expect(composite.body.basis).toBe('inner-mongolia 第十五条');
    const stages = ok(await call('GET', `${api}/scoring/stages`, { token: tokens.e1 }));
    expect((stages.stages as Json[]).map((stage) => [stage.key, stage.cut])).toEqual([
      ['material', { to: 'onsite', basis: 'inner-mongolia 第十四条（一）' }],
      ['onsite', null],
      ['defense', null],
    ]);
    expect((await call('GET', sheet(apps[1] as string, 'nowhere'), { token: tokens.e1 })).status).toBe(404);
    expect((await call('GET', sheet(randomUUID()), { token: tokens.e1 })).status).toBe(404);
    // Another expert cannot revise e1's sheet: 404, as for a sheet that does not exist.
    const foreign = await call('POST', `${api}/scoring/sheets/${revisedSheetId}/revisions`, {
      token: tokens.e2,
      body: { items: [{ itemKey: '4.1.2', score: 1 }], reason: '试图修改' },
    });
    expect(foreign.status).toBe(404);
    // The office does not score.
    expect((await call('PUT', sheet(apps[1] as string), { token: tokens.office, body: { items: [] } })).status).toBe(
      403,
    );
  });

  it('an expert with a conflict (employer’s credit code, undecided) gets 404 for that application’s sheet; one not assigned too', async () => {
    for (const attempt of [
      call('GET', sheet(apps[0] as string), { token: tokens.e5 }),
      call('PUT', sheet(apps[0] as string), { token: tokens.e5, body: { items: itemsFor(500) } }),
      call('POST', `${sheet(apps[0] as string)}/submit`, { token: tokens.e5 }),
    ]) {
      const response = await attempt;
      expect(response.status).toBe(404);
      expect(response.body.type).toBe('urn:laurel:problem:not_found');
    }
    // No conflict with the second application, but not assigned to it either: 404 as well.
    expect((await call('GET', sheet(apps[1] as string), { token: tokens.e5 })).status).toBe(404);
    expect((await call('GET', sheet(apps[1] as string), { token: tokens.e2 })).status).toBe(200);
  });

  it('flags the outlier, holds the cut until consensus, and normalises each expert’s leniency (known answer)', async () => {
    for (const name of EXPERTS) {
      for (const [j, id] of apps.entries()) {
        if (name === 'e1' && j === 0) continue; // submitted and revised above
        ok(await call('PUT', sheet(id), { token: tokens[name], body: { items: itemsFor(TOTALS[name][j] as number) } }));
        ok(await call('POST', `${sheet(id)}/submit`, { token: tokens[name] }));
      }
    }
    const table = ok(await call('GET', results, { token: tokens.office }));
    expect(table.openFlags).toBe(1);
    const flagged = (table.sheets as Json[]).filter((row) => row.flag);
    expect(flagged).toEqual([
      expect.objectContaining({
        applicationId: apps[4],
        expertName: '专家e4',
        raw: 300,
        flag: expect.objectContaining({ reasons: ['robust_z', 'gap'], restMedian: 800 }),
        consensus: null,
      }),
    ]);
    // No cut while a flag awaits consensus.
    const held = await call('POST', `${results.replace('/results', '/cut')}`, {
      token: tokens.office,
      body: { count: 3, reason: '按材料评审得分取前三名' },
    });
    expect(held.status).toBe(409);
    expect(held.body.openFlags).toBe(1);

    // Consensus: the panel agreed e4 misread the results section; adjusted, with the reason kept.
    const consensusUrl = results.replace('/results', '/consensus');
    const sheetId = flagged[0]?.sheetId as string;
    const noTotal = await call('POST', consensusUrl, {
      token: tokens.office,
      body: { sheetId, outcome: 'adjust', reason: '合议' },
    });
    expect(noTotal.status).toBe(400);
    expect(noTotal.body.errors).toEqual([expect.objectContaining({ field: 'body.adjustedTotal' })]);
    const notFlagged = await call('POST', consensusUrl, {
      token: tokens.office,
      body: { sheetId: revisedSheetId, outcome: 'keep', reason: '合议' },
    });
    expect(notFlagged.status).toBe(400);
    // An office user who declared an interest in the flagged application is refused (with the article) while the
    // flag stands; a colleague records the consensus.
    const flaggedApplication = flagged[0]?.applicationId as string;
    ok(
      await call('POST', `${api}/conflicts/declarations`, {
        token: tokens['office-zhao'],
        body: { applicationId: flaggedApplication, relation: '曾任该企业质量顾问' },
      }),
      201,
    );
    const recused = await call('POST', consensusUrl, {
      token: tokens['office-zhao'],
      body: { sheetId, outcome: 'keep', reason: '合议' },
    });
    expect(recused.status).toBe(403);
    expect(String(recused.body.detail)).toContain('利害关系');
    expect(recused.body.basis).toBe('inner-mongolia 第二十条');
    expect(recused.body.conflictId).toEqual(expect.any(String));
    const settled = ok(
      await call('POST', consensusUrl, {
        token: tokens.office,
        body: {
          sheetId,
          outcome: 'adjust',
          adjustedTotal: 820,
          reason: '专家组合议：结果部分漏评，按合议结果调整为820分',
        },
      }),
    );
    expect(settled.openFlags).toBe(0);
    expect((settled.sheets as Json[]).find((row) => row.sheetId === sheetId)).toMatchObject({
      raw: 300,
      counted: 820,
      consensus: { outcome: 'adjust', adjustedTotal: 820, reason: expect.stringContaining('合议') },
    });
    const twice = await call('POST', consensusUrl, {
      token: tokens.office,
      body: { sheetId, outcome: 'keep', reason: '再议' },
    });
    expect(twice.status).toBe(409);

    // Known answer (worked out by hand): pool mean 705, sd √6325 = 79.53; each expert's mean and variance shrunk
    // with 5 pseudo-sheets of the pool; normalised = 705 + 79.53 × (total − shrunk mean) / shrunk sd.
    const normalised = (expert: string, j: number) =>
      (settled.sheets as Json[]).find((row) => row.expertName === `专家${expert}` && row.applicationId === apps[j])
        ?.normalised;
    expect(normalised('e1', 0)).toBe(623.09); // raw 650, the lenient expert
    expect(normalised('e2', 0)).toBe(570.25); // raw 550, the strict one
    expect(normalised('e3', 2)).toBe(702.36);
    expect(normalised('e4', 4)).toBe(818.61); // the consensus's 820
    const group = (settled.groups as Json[])[0];
    expect(group).toMatchObject({
      applicantKind: 'organisation',
      max: 1000,
      pool: { sheets: 20, mean: 705, sd: 79.53 },
    });
    expect(((group?.experts ?? []) as Json[]).every((expert) => expert.method === 'normalised')).toBe(true);
    expect((settled.applications as Json[]).map((row) => [row.applicationId, row.raw, row.normalised])).toEqual(
      expect.arrayContaining([
        [apps[0], 605, 599.31],
        [apps[2], 705, 705],
        [apps[4], 805, 810.69],
      ]),
    );
    expect((settled.ranking as Json[]).map((row) => [row.applicationId, row.rank])).toEqual([
      [apps[4], 1],
      [apps[3], 2],
      [apps[2], 3],
      [apps[1], 4],
      [apps[0], 5],
    ]);
  });
});
