import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { eventually, extractPdfTextCompact, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';
import { acceptCityApplications, acceptDistrictApplications, openCycle } from './reviews-xinzhou-acceptance.util';

/**
 * The `candidate_list` stage, as each text has it, through the gateway with the real awards, objections, applications
 * and reviews services: xinzhou-city 第十八条 — the office proposes candidates from the review results (here its own
 * list with a reason: the policy scores no stage, so there is no ranking), the leading group deliberates among them
 * (第十九条) and the list is published; xinzhou-district 第十三条 — the office's composite assessment report, one
 * recorded conclusion per organisation that passed the on-site verification (hostile input refused, naming the field),
 * as HTML and PDF — then 第十四条: the leading group's deliberation decides the candidate list itself, and publishing
 * works from it.
 */
describe('reviews: the candidate-list stage (xinzhou-city 第十八条, xinzhou-district 第十四条)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const city = '/api/v1/tenants/xinzhou-city';
  const district = '/api/v1/tenants/xinzhou-district';
  const tokens: Record<string, string> = {};
  let cityIds: string[] = [];
  let districtIds: string[] = [];

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fieldsOf = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((e) => e.field);
  const deliberation = (decisions: Json[]) => ({
    cycleNumber: 1,
    heldAt: '2026-12-28T02:00:00Z',
    attendees: ['领导小组组长 张某', '领导小组副组长 李某'],
    minutes: '领导小组审议候选名单。',
    decisions,
  });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-city', 'xinzhou-district'], reviews: true });
    for (const tenant of ['xinzhou-district', 'xinzhou-city'] as const) {
      tokens[`${tenant}-office`] = (await sut.addUser(tenant, `${tenant}-office`, ['office'])).token;
      const dept = await sut.addUser(tenant, `${tenant}-dept`, ['recommender']);
      tokens[`${tenant}-dept`] = dept.token;
      tokens[`${tenant}-recommender`] = await openCycle(sut, tenant, {
        office: tokens[`${tenant}-office`] as string,
        deptUserId: dept.id,
      });
    }
    const as = (tenant: string) => ({
      office: tokens[`${tenant}-office`] as string,
      dept: tokens[`${tenant}-dept`] as string,
    });
    districtIds = await acceptDistrictApplications(
      sut,
      as('xinzhou-district'),
      tokens['xinzhou-district-recommender'] as string,
      [
        [8401, '信州甲制造有限公司'],
        [8402, '信州乙科技有限公司'],
      ],
    );
    cityIds = await acceptCityApplications(sut, as('xinzhou-city'), tokens['xinzhou-city-recommender'] as string, [
      [8411, '忻州丙制造有限公司'],
      [8412, '忻州丁科技有限公司'],
    ]);
    await eventually(
      async () => {
        const copies = await (sut.reviews as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
          'SELECT count(*)::int AS n FROM review_application',
        );
        expect(copies[0]?.n).toBe(4);
      },
      { timeoutMs: 15000 },
    );
  }, 300_000);
  afterAll(async () => {
    await sut?.close();
  });

  it('xinzhou-city 第十八条: the office proposes the candidates (its own list where nothing is ranked); the leading group deliberates among them only', async () => {
    const office = tokens['xinzhou-city-office'] as string;
    const early = await call('POST', `${city}/deliberations`, {
      token: office,
      body: deliberation([{ applicationId: cityIds[0], tier: 'award' }]),
    });
    expect(early.status).toBe(409);
    expect(String(early.body.detail)).toContain('xinzhou-city 第十八条');
    // xinzhou-city's stages are scored by DB14/T 1463/1464 (第十三条) but nothing is scored here: no ranking yet.
    const fromRanking = await call('PUT', `${city}/candidate-lists/1/proposal`, {
      token: office,
      body: { reason: '按评审结果' },
    });
    expect(fromRanking.status).toBe(409);
    expect(String(fromRanking.body.detail)).toContain('尚无评分');
    const twice = await call('PUT', `${city}/candidate-lists/1/proposal`, {
      token: office,
      body: { applicationIds: [cityIds[0], cityIds[0]], reason: '重复' },
    });
    expect(twice.status).toBe(400);
    expect(fieldsOf(twice.body)).toEqual(['body.applicationIds.1']);
    const reason = '领导小组办公室根据材料评审、现场评审和陈述答辩结果提出候选名单';
    const proposal = ok(
      await call('PUT', `${city}/candidate-lists/1/proposal`, {
        token: office,
        body: { applicationIds: [cityIds[0]], reason },
      }),
    );
    expect(proposal).toMatchObject({
      stageKey: 'candidates',
      basis: 'xinzhou-city 第十八条',
      source: 'office_decision',
      reason,
      decidedBy: 'xinzhou-city-office',
      candidates: [{ applicationId: cityIds[0], applicantName: '忻州丙制造有限公司', position: 1, score: null }],
    });
    const again = await call('PUT', `${city}/candidate-lists/1/proposal`, {
      token: office,
      body: { applicationIds: [cityIds[1]], reason: '改' },
    });
    expect(again.status).toBe(409);

    const outside = await call('POST', `${city}/deliberations`, {
      token: office,
      body: deliberation([{ applicationId: cityIds[1], tier: 'award' }]),
    });
    expect(outside.status).toBe(400);
    expect(fieldsOf(outside.body)).toEqual(['body.decisions.0.applicationId']);
    const recorded = ok(
      await call('POST', `${city}/deliberations`, {
        token: office,
        body: deliberation([{ applicationId: cityIds[0], tier: 'award' }]),
      }),
      201,
    );
    expect(recorded).toMatchObject({ body: '领导小组', basis: 'xinzhou-city 第十九条' });
    const published = ok(await call('POST', `${city}/candidate-lists/1`, { token: office }), 201);
    expect(published).toMatchObject({
      stages: ['candidates', 'deliberation'],
      basis: 'xinzhou-city 第十八条; xinzhou-city 第十九条',
    });
    expect((published.entries as Json[]).map((e) => [e.applicationId, e.proposedTier])).toEqual([
      [cityIds[0], 'award'],
    ]);
    const audit = JSON.stringify(ok(await call('GET', `${city}/audit?service=reviews`, { token: office })));
    expect(audit).toContain('candidate-proposal.record');
  });

  it('xinzhou-district 第十三条: the office’s composite assessment report, per organisation with its reason, before the leading group decides', async () => {
    const office = tokens['xinzhou-district-office'] as string;
    const route = `${district}/scoring/cycles/1/composite`;
    const assess = (id: string, body: unknown, token = office) =>
      call('PUT', `${route}/assessments/${id}`, { token, body });
    const body = (outcome: string) => ({
      outcome,
      opinion: '现场查验资料真实，质量指标居同行业前列',
      reason: '考核工作组意见',
    });
    // The leading group decides on the report: not before it is formed.
    const early = await call('POST', `${district}/deliberations`, {
      token: office,
      body: deliberation([{ applicationId: districtIds[0], tier: 'award' }]),
    });
    expect(early.status).toBe(409);
    expect(String(early.body.detail)).toContain('xinzhou-district 第十三条');
    const before = ok(await call('GET', route, { token: office }));
    expect(before).toMatchObject({ method: 'assessed', stages: ['onsite'], basis: 'xinzhou-district 第十三条' });
    expect(JSON.stringify(before.pending)).toContain('现场查验');
    // Only those that went on from the on-site verification (第十二条) are assessed: none while it is open.
    const notYet = await assess(districtIds[0] as string, body('recommended'));
    expect(notYet.status).toBe(422);
    expect(notYet.body).toMatchObject({ basis: 'xinzhou-district 第十三条' });
    expect(fieldsOf(notYet.body)).toEqual(['path.applicationId']);
    const opened = ok(
      await call('POST', `${district}/cycles/1/review-stages/onsite/open`, { token: office, body: {} }),
      201,
    );
    ok(
      await call('POST', `${district}/review-stages/${opened.id}/close`, {
        token: office,
        body: { wentOn: districtIds, reason: '考核工作组现场查验：资料属实' },
      }),
    );
    const formed = ok(await call('GET', route, { token: office }));
    expect((formed.incomplete as Json[]).map((row) => row.applicationId).sort()).toEqual([...districtIds].sort());
    expect(JSON.stringify(formed.pending)).toContain('未记录综合意见');

    // Hostile input: each refusal names the field, nothing recorded.
    const leader = (await sut.addUser('xinzhou-district', 'xinzhou-district-leader', ['leading_group'])).token;
    expect((await assess(districtIds[0] as string, body('recommended'), leader)).status).toBe(403);
    expect((await call('PUT', `${route}/assessments/${districtIds[0]}`, { body: body('recommended') })).status).toBe(
      401,
    );
    const cases: [string, unknown, string][] = [
      [districtIds[0] as string, { ...body('recommended'), outcome: 'winner' }, 'body.outcome'],
      [districtIds[0] as string, { ...body('recommended'), opinion: '   ' }, 'body.opinion'],
      [districtIds[0] as string, { ...body('recommended'), opinion: '长'.repeat(4001) }, 'body.opinion'],
      [districtIds[0] as string, { outcome: 'recommended', opinion: '意见' }, 'body.reason'],
      [districtIds[0] as string, { ...body('recommended'), score: 95 }, 'body'],
      [districtIds[0] as string, ['recommended'], 'body'],
      ["x' OR 1=1 --", body('recommended'), 'path.applicationId'],
    ];
    for (const [id, given, field] of cases) {
      const refused = await call('PUT', `${route}/assessments/${encodeURIComponent(id)}`, {
        token: office,
        body: given,
      });
      expect([refused.status, refused.headers.get('content-type')]).toEqual([
        400,
        expect.stringContaining('application/problem+json'),
      ]);
      expect(fieldsOf(refused.body).some((f) => f === field || String(f).startsWith(`${field}.`))).toBe(true);
    }
    const badCycle = await call('PUT', `${district}/scoring/cycles/0/composite/assessments/${districtIds[0]}`, {
      token: office,
      body: body('recommended'),
    });
    expect(badCycle.status).toBe(400);
    expect(fieldsOf(badCycle.body)).toEqual(['path.cycle']);
    const stranger = await assess(randomUUID(), body('recommended'));
    expect(stranger.status).toBe(422);
    expect(fieldsOf(stranger.body)).toEqual(['path.applicationId']);
    // Another jurisdiction's application is not in this one's composite; a policy without the stage has none.
    expect((await assess(cityIds[0] as string, body('recommended'))).status).toBe(422);
    const noStage = await call('PUT', `${city}/scoring/cycles/1/composite/assessments/${cityIds[0]}`, {
      token: tokens['xinzhou-city-office'],
      body: body('recommended'),
    });
    expect(noStage.status).toBe(422);
    expect(String(noStage.body.detail)).toContain('未规定综合评分');
    expect((ok(await call('GET', route, { token: office })).assessments as Json[]).length).toBe(0);

    ok(await assess(districtIds[0] as string, body('recommended')));
    ok(await assess(districtIds[1] as string, body('not_recommended')));
    // Recorded again, the later one stands; the audit keeps the earlier.
    const done = ok(
      await assess(districtIds[1] as string, { ...body('recommended'), reason: '征求成员单位意见后改为推荐' }),
    );
    expect(done.pending).toEqual([]);
    // In the order accepted (organisations first); accepted at the same instant here, so compared as a set.
    const assessments = done.assessments as Json[];
    expect(assessments).toHaveLength(districtIds.length);
    expect(assessments.map((a) => [a.applicationId, a.outcome, a.basis, a.decidedBy])).toEqual(
      expect.arrayContaining(
        districtIds.map((id) => [id, 'recommended', 'xinzhou-district 第十三条', expect.any(String)]),
      ),
    );
    expect(assessments.find((a) => a.applicationId === districtIds[1])?.reason).toBe('征求成员单位意见后改为推荐');
    const audit = JSON.stringify(ok(await call('GET', `${district}/audit?service=reviews`, { token: office })));
    expect(audit).toContain('composite-assessment.put');
    expect(audit).toContain('"outcome":"not_recommended"');

    // The report (综合考核报告) as HTML and PDF, the leading group reads it too.
    const report = await fetch(`${sut.gateway.url}${route}/report`, { headers: { authorization: `Bearer ${leader}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/html');
    const html = await report.text();
    for (const expected of [
      '综合考核报告（第1届）',
      'xinzhou-district 第十三条',
      '信州甲制造有限公司',
      '征求成员单位意见后改为推荐',
    ]) {
      expect(html).toContain(expected);
    }
    expect(html).not.toContain('综合排名');
    const pdf = await fetch(`${sut.gateway.url}${route}/report.pdf`, {
      headers: { authorization: `Bearer ${office}` },
    });
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    const text = (await extractPdfTextCompact(Buffer.from(await pdf.arrayBuffer()))).text.replace(/\s+/g, '');
    expect(text).toContain('信州乙科技有限公司');
    // A scored composite's routes do not apply.
    const weights = await call('PUT', `${route}/weights`, {
      token: office,
      body: { weights: { onsite: 1 }, reason: '等权' },
    });
    expect(weights.status).toBe(422);
  });

  it('xinzhou-district 第十四条: the leading group’s deliberation decides the candidate list; it is published from it and recorded by awards', async () => {
    const office = tokens['xinzhou-district-office'] as string;
    // The office proposes nothing here: the leading group decides the list itself.
    const proposal = await call('PUT', `${district}/candidate-lists/1/proposal`, {
      token: office,
      body: { applicationIds: [districtIds[0]], reason: '提出' },
    });
    expect(proposal.status).toBe(409);
    expect((await call('POST', `${district}/candidate-lists/1`, { token: office })).status).toBe(409);
    const recorded = ok(
      await call('POST', `${district}/deliberations`, {
        token: office,
        body: deliberation([
          { applicationId: districtIds[0], tier: 'award' },
          { applicationId: districtIds[1], tier: 'nomination', reason: '综合考核报告' },
        ]),
      }),
      201,
    );
    expect(recorded).toMatchObject({ body: '领导小组', basis: 'xinzhou-district 第十四条' });
    const published = ok(await call('POST', `${district}/candidate-lists/1`, { token: office }), 201);
    expect(published).toMatchObject({ stages: ['candidates'], basis: 'xinzhou-district 第十四条' });
    expect((published.entries as Json[]).map((e) => [e.applicationId, e.deliberationTier, e.proposedTier])).toEqual([
      [districtIds[0], 'award', 'award'],
      [districtIds[1], 'nomination', 'nomination'],
    ]);
    const atAwards = await eventually(
      async () => {
        const got = await call('GET', `${district}/cycles/1/candidate-list`, { token: office });
        expect(got.status).toBe(200);
        return got.body;
      },
      { timeoutMs: 15000 },
    );
    expect(atAwards).toMatchObject({ listId: published.id, basis: 'xinzhou-district 第十四条' });
    // The other jurisdiction sees nothing of it.
    const other = await call('GET', `${city}/candidate-lists/1`, { token: tokens['xinzhou-city-office'] });
    expect(JSON.stringify(other.body)).not.toContain(districtIds[0] as string);
  });
});
