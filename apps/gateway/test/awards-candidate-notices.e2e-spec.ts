import { randomUUID } from 'node:crypto';
import type { RunningService } from '@laurel/platform';
import { creditCodeFor, eventually, TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  EVIDENCE_PDF,
  type Json,
  OBJECTOR,
  startApplicationsPlatform,
} from './applications.util';

/**
 * The candidate notice (xinzhou-district 第十四条: 7 days on the district government's disclosure platform) opened by
 * the awards service from its recorded candidate list through the objections service: the policy's period, unit and
 * channel with the notice; an objection upheld on an entry removes the candidate, recorded with the objection and
 * the article; the approval refuses the removed candidate; the generic notice route refuses an entry not on the
 * list; another tenant sees nothing.
 */
describe('awards: candidate notices through the objections service (xinzhou-district)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/xinzhou-district';
  let office: string;
  let otherOffice: string;
  const A = {
    applicationId: randomUUID(),
    name: '信州甲光学有限公司',
    applicantId: '',
  };
  const B = {
    applicationId: randomUUID(),
    name: '信州乙电子有限公司',
    applicantId: '',
  };

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fields = (response: { body: Json }) => ((response.body.errors as Json[]) ?? []).map((e) => e.field);
  const post = (path: string, body: Json, token = office) => call('POST', `${api}${path}`, { token, body });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({
      clock,
      tenants: ['xinzhou-district', 'linxia'],
      funds: false,
    });
    const operator = await sut.login('operator');
    const tenantId = ok(await call('GET', api, { token: operator })).id as string;
    office = (await sut.addUser('xinzhou-district', 'xd-office', ['office'])).token;
    otherOffice = (await sut.addUser('linxia', 'lx-office', ['office'])).token;
    ok(
      await post('/cycles', {
        year: 2026,
        opensOn: '2026-11-01',
        closesOn: '2026-12-31',
      }),
      201,
    );
    await sut.objectionRulesReady('xinzhou-district', office);
    const entries = [];
    for (const [index, c] of [A, B].entries()) {
      const applicant = ok(
        await post('/applicants', {
          kind: 'organisation',
          name: c.name,
          creditCode: creditCodeFor(400 + index),
          legalForm: 'legal_person',
        }),
        201,
      );
      c.applicantId = applicant.id as string;
      entries.push({
        applicationId: c.applicationId,
        applicantId: c.applicantId,
        applicantName: c.name,
        applicantKind: 'organisation' as const,
        position: index + 1,
        voteTier: null,
        deliberationTier: 'award',
        proposedTier: 'award',
      });
    }
    // The candidate list as the reviews service publishes it (the journey that makes it is in reviews-votes).
    await (sut.awards as RunningService).runtime.consumers.handle('awards-candidate-list-published', {
      id: randomUUID(),
      subject: 'reviews.candidate-list.published.v1',
      tenantId,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: null,
      payload: {
        id: randomUUID(),
        cycleNumber: 1,
        stages: ['composite'],
        entries,
        basis: '第十四条',
        publishedBy: 'xd-office',
        publishedAt: clock.now().toISOString(),
      },
    } as never);
  }, 120000);
  afterAll(async () => {
    await sut?.close();
  });

  let noticeId = '';

  it('refuses a stage the policy gives no notice of the candidate list', async () => {
    const response = await post('/cycles/1/candidate-notices', {
      stage: 'proposed_winners',
    });
    expect(response.status).toBe(422);
    expect(fields(response)).toEqual(['body.stage']);
  });

  it('refuses a period of the office’s where the text sets one (第十四条: 7 calendar days)', async () => {
    const response = await post('/cycles/1/candidate-notices', {
      stage: 'candidates',
      period: { count: 3, unit: 'calendar_days' },
    });
    expect(response.status).toBe(400);
    expect(fields(response)).toEqual(['body.period']);
  });

  it('opens the candidate notice with 7 calendar days on the district disclosure platform (第十四条)', async () => {
    const opened = ok(await post('/cycles/1/candidate-notices', { stage: 'candidates' }), 201);
    expect(opened).toMatchObject({
      stage: 'candidates',
      period: { count: 7, unit: 'calendar_days' },
      channel: { zh: '信州区人民政府信息公开平台' },
      basis: 'xinzhou-district 第十四条',
    });
    const notice = opened.notice as Json;
    noticeId = notice.id as string;
    expect(notice.deadline).toMatchObject({
      start: '2026-11-23',
      count: 7,
      unit: 'calendar_days',
      lastDay: '2026-11-30',
    });
    expect((notice.entries as Json[]).map((e) => [e.subjectName, e.applicationId, e.proposal])).toEqual([
      [A.name, A.applicationId, expect.stringContaining('候选')],
      [B.name, B.applicationId, expect.stringContaining('候选')],
    ]);
    const again = await post('/cycles/1/candidate-notices', {
      stage: 'candidates',
    });
    expect(again.status).toBe(409);
    const listed = ok(await call('GET', `${api}/cycles/1/candidate-notices`, { token: office }));
    expect(listed.notices).toEqual([expect.objectContaining({ noticeId, lastDay: '2026-11-30' })]);
    const published = ok(await call('GET', `/api/v1/public/xinzhou-district/notices/${noticeId}`));
    expect((published.entries as Json[]).map((e) => e.subjectName)).toEqual([A.name, B.name]);
  });

  it('an objection upheld on an entry removes the candidate, and the approval refuses it', async () => {
    const published = ok(await call('GET', `/api/v1/public/xinzhou-district/notices/${noticeId}`));
    const entry = (published.entries as Json[]).find((e) => e.subjectName === A.name) as Json;
    const filed = ok(
      await call('POST', `/api/v1/public/xinzhou-district/notices/${noticeId}/objections`, {
        body: {
          entryId: entry.id,
          objector: OBJECTOR,
          grounds: '该单位近三年发生质量事故。',
          evidence: [EVIDENCE_PDF],
        },
      }),
      201,
    );
    const listed = ok(await call('GET', `${api}/objections`, { token: office }));
    const objection = (listed.objections as Json[]).find((o) => o.receiptNumber === filed.receiptNumber) as Json;
    const base = `/objections/${objection.id as string}`;
    ok(await post(`${base}/admit`, {}));
    ok(
      await post(`${base}/investigators`, {
        name: '王五',
        declaration: { hasInterest: false },
      }),
    );
    ok(await post(`${base}/findings`, { text: '经核查，事故属实。' }));
    ok(
      await post(`${base}/decision`, {
        outcome: 'upheld',
        prohibitedGround: true,
        reasons: '近三年发生质量事故。',
      }),
    );

    const standings = await eventually(
      async () => {
        const list = ok(
          await call('GET', `${api}/cycles/1/candidate-notices`, {
            token: office,
          }),
        );
        expect(list.standings).toHaveLength(1);
        return list.standings as Json[];
      },
      { timeoutMs: 15000 },
    );
    expect(standings[0]).toMatchObject({
      applicationId: A.applicationId,
      status: 'removed',
      noticeId,
      objectionId: objection.id,
      receiptNumber: filed.receiptNumber,
      basis: expect.stringContaining('xinzhou-district'),
    });

    const refused = await post('/cycles/1/commendation-decision', {
      approvingBody: '上饶市信州区人民政府',
      documentNumber: '信府字〔2026〕12号',
      decidedOn: '2026-12-14',
      winners: [
        { applicationId: A.applicationId, tier: 'award' },
        { applicationId: B.applicationId, tier: 'award' },
      ],
    });
    expect(refused.status).toBe(422);
    expect(fields(refused)).toEqual(['body.winners[0].applicationId']);
    expect(JSON.stringify(refused.body)).toContain(filed.receiptNumber as string);
  });

  it('the generic notice route refuses an entry not on the candidate list at that stage', async () => {
    const response = await post('/notices', {
      stage: 'candidates',
      title: '候选获奖名单公示（补充）',
      publishedOn: '2026-11-24',
      entries: [
        {
          subjectKind: 'organisation',
          subjectId: B.applicantId,
          subjectName: B.name,
          proposal: '拟列为候选',
          applicationId: B.applicationId,
        },
        {
          subjectKind: 'organisation',
          subjectId: randomUUID(),
          subjectName: '某陌生公司',
          proposal: '拟列为候选',
          applicationId: randomUUID(),
        },
      ],
    });
    expect(response.status).toBe(422);
    expect(fields(response)).toEqual(['body.entries[1]']);
  });

  it('another tenant sees nothing', async () => {
    const list = await call('GET', '/api/v1/tenants/linxia/cycles/1/candidate-notices', { token: otherOffice });
    expect(list.status === 404 || ((list.body.notices as Json[]) ?? []).length === 0).toBe(true);
    expect((await call('GET', `/api/v1/public/linxia/notices/${noticeId}`)).status).toBe(404);
    expect(
      (
        await call('GET', `${api}/cycles/1/candidate-notices`, {
          token: otherOffice,
        })
      ).status,
    ).toBe(404);
  });
});
