import { randomUUID } from 'node:crypto';
import { rubricForStandard } from '@laurel/policy';
import { anOrganisation, eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';

const rubric = rubricForStandard('GB/T 19580');
if (!rubric) throw new Error('no GB/T 19580 rubric');
const ITEMS = rubric.categories.flatMap((category) => category.items);

/** A full sheet adding up to `total`: each item filled in rubric order up to its points. */
function itemsFor(total: number, note = '') {
  let left = total;
  return ITEMS.map((item) => {
    const score = Math.min(item.points, left);
    left -= score;
    return { itemKey: item.key, score, strengths: `${note}优势：${item.name.zh}`, improvements: '改进机会：持续改进' };
  });
}

/**
 * Scoring in inner-mongolia through the gateway and the real services (awards, objections, applications, reviews):
 * five organisations taken to acceptance; the material review (第十四条（一）) scored by GB/T 19580 (第六条) by four
 * experts — a draft, one submission, a revision recorded with old and new values; bad scores refused naming the
 * field; an expert with a conflict or without an assignment gets 404; the stage must be open and assigned (the panels' part); an outlier flagged and settled in consensus; the normalised scores as
 * computed by hand (shrunk z-scores, 5 pseudo-sheets); the office's cut after material review deciding who is scored
 * on site; another tenant sees nothing.
 */
describe('reviews: score sheets, normalisation, consensus and the cut through the gateway (inner-mongolia)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/inner-mongolia';
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const apps: string[] = [];
  const expertIds: Record<string, string> = {};
  const stageIds: Record<string, string> = {};

  /** The office opens a review stage, sets its panel and solves the assignment (the panels' part, ADR of h-panels). */
  async function openAndAssign(stageKey: string, size: number, members: { name: string; min: number; max: number }[]) {
    const opened = ok(
      await call('POST', `${api}/cycles/1/review-stages/${stageKey}/open`, {
        token: tokens.office,
        body: { reason: `开启${stageKey}` },
      }),
      201,
    );
    stageIds[stageKey] = opened.id as string;
    ok(
      await call('PUT', `${api}/review-stages/${opened.id}/panel`, {
        token: tokens.office,
        body: {
          name: `${stageKey}评审组`,
          size,
          sizeReason: '办公室决定的评审组人数',
          members: members.map((m) => ({ expertId: expertIds[m.name], minLoad: m.min, maxLoad: m.max })),
        },
      }),
    );
    return ok(await call('POST', `${api}/review-stages/${opened.id}/assignments/solve`, { token: tokens.office }));
  }
  const EXPERTS = ['e1', 'e2', 'e3', 'e4'] as const;
  // Totals by expert and application (apps[0..4]): e1 lenient, e2 strict; e4 writes 300 for apps[4] (an outlier).
  const TOTALS: Record<(typeof EXPERTS)[number], number[]> = {
    e1: [650, 700, 750, 800, 850],
    e2: [550, 600, 650, 700, 750],
    e3: [600, 650, 700, 750, 800],
    e4: [620, 670, 720, 770, 300],
  };
  const sheet = (id: string, stage = 'material') => `${api}/scoring/cycles/1/stages/${stage}/applications/${id}/sheet`;
  const results = `${api}/scoring/cycles/1/stages/material/results`;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['inner-mongolia', 'linxia'],
      reviews: true,
      // Ten sign-ins in the first minute (nine users and the operator).
      gatewayEnv: { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
    });
    for (const [tenant, username, roles] of [
      ['inner-mongolia', 'office', ['office']],
      ['inner-mongolia', 'office-zhao', ['office']],
      ['inner-mongolia', 'dept', ['recommender']],
      ['inner-mongolia', 'e1', ['expert']],
      ['inner-mongolia', 'e2', ['expert']],
      ['inner-mongolia', 'e3', ['expert']],
      ['inner-mongolia', 'e4', ['expert']],
      ['inner-mongolia', 'e5', ['expert']],
      ['linxia', 'linxia-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username.length < 3 ? `expert-${username}` : username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    const office = tokens.office as string;
    ok(
      await call('POST', `${api}/cycles`, {
        token: office,
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    const dept = ok(
      await call('POST', `${api}/recommenders`, {
        token: office,
        body: { name: '呼和浩特市市场监督管理局', kind: 'department', userIds: [userIds.dept] },
      }),
      201,
    );
    await sut.objectionRulesReady('inner-mongolia', office);
    ok(
      await call('POST', '/api/v1/tenants/linxia/cycles', {
        token: tokens['linxia-office'],
        body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
      }),
      201,
    );
    for (let n = 1; n <= 5; n++) {
      const applicant = ok(
        await call('POST', `${api}/applicants`, {
          token: office,
          body: anOrganisation('inner-mongolia', 8100 + n, { name: `内蒙古评分测试企业${n}` }),
        }),
        201,
      );
      const created = ok(
        await call('POST', `${api}/applications`, {
          token: office,
          body: {
            applicantId: applicant.id,
            cycleNumber: 1,
            facts: { registeredInJurisdiction: true, yearsOperating: 8, qualitySystemYears: 3, incidents: [] },
          },
        }),
        201,
      );
      const id = created.id as string;
      apps.push(id);
      ok(await call('POST', `${api}/applications/${id}/submit`, { token: office, body: { recommenderId: dept.id } }));
      ok(
        await call('POST', `${api}/applications/${id}/review`, {
          token: tokens.dept,
          body: { decision: 'recommend', text: '经审查，同意推荐。' },
        }),
      );
      await sut.decideAll('inner-mongolia', id, office);
      ok(
        await call('POST', `${api}/applications/${id}/formal-review`, {
          token: office,
          body: { decision: 'pass', reasons: '材料齐全，符合条件' },
        }),
      );
    }
    ok(
      await call('POST', `${api}/cycles/1/acceptance-list`, {
        token: office,
        body: { applicationIds: apps, publishedOn: '2026-11-23', period: { count: 5, unit: 'working_days' } },
      }),
      201,
    );
    await sut.settle('2026-12-01T01:00:00Z');
    for (const id of apps) await sut.statusBecomes('inner-mongolia', id, office, 'accepted');
    for (const name of [...EXPERTS, 'e5']) {
      const registered = ok(
        await call('POST', `${api}/experts`, {
          token: office,
          body: {
            userId: userIds[name],
            name: `专家${name}`,
            specialities: ['卓越绩效'],
            // e5 works for the first applicant: a conflict detected from the employer's credit code.
            currentEmployer:
              name === 'e5'
                ? { creditCode: creditCodeFor(8101), name: '内蒙古评分测试企业1' }
                : { creditCode: creditCodeFor(8190 + Number(name.slice(1))), name: '某高校' },
          },
        }),
        201,
      );
      expertIds[name] = registered.id as string;
    }
    // The reviews service holds the five accepted applications (the office sees them as the stage's entry findings).
    await eventually(async () => {
      const stages = ok(await call('GET', `${api}/cycles/1/review-stages`, { token: tokens.office }));
      expect(((stages.stages as Json[])[0] as Json).entryFindings).toHaveLength(5);
    });
  }, 240_000);
  afterAll(async () => {
    await sut?.close();
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
