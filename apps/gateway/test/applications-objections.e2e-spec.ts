import path from 'node:path';
import type { BanCheckView } from '@laurel/contracts';

import { eventually, TestClock } from '@laurel/testing';
import {
  type ApplicationsPlatform,
  creditCodeFor,
  EVIDENCE_PDF,
  type Json,
  OBJECTOR,
  startApplicationsPlatform,
} from './applications.util';

// The awards service records no titles or bans yet (a later issue): its ban check is observed and, once, answered
// with a `needs_decision` to see the application wait for a person's decision.
const { BanService } = require(path.resolve(__dirname, '../../awards/src/ban/ban.service')) as {
  BanService: new (...args: never[]) => { check: (...args: unknown[]) => Promise<BanCheckView> };
};

// Loaded by path like BanService: the repository whose history write is made to fail once.
const { ApplicationRepository } = require(
  path.resolve(__dirname, '../../applications/src/application/application.repository'),
) as {
  ApplicationRepository: new (
    ...args: never[]
  ) => { addHistory: (...args: unknown[]) => Promise<unknown>; lock: (tx: unknown, id: string) => Promise<void> };
};

const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };

/**
 * Objections on the recommender's notice through the gateway (ili 第十八～二十一条), with the real services: upheld on
 * a prohibited ground disqualifies; pending at the notice's close holds the application, which goes on when the
 * objection is dismissed or refused (`objections.objection.refused.v1`). And robustness: concurrent submits, the
 * cycle's application window, a ban check that needs a person's decision.
 */
describe('applications: objections and robustness (ili)', () => {
  let sut: ApplicationsPlatform;
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const api = '/api/v1/tenants/ili';
  let office: string;
  let dept: string;
  let recommenderId: string;
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const get = async (id: string) => (await call('GET', `${api}/applications/${id}`, { token: office })).body;
  const post = (id: string, action: string, body: Json, token = office, headers: Record<string, string> = {}) =>
    call('POST', `${api}/applications/${id}/${action}`, { token, body, headers });

  let applicants = 100;
  const apply = async (name: string) => {
    applicants += 1;
    const registered = await call('POST', `${api}/applicants`, {
      token: office,
      body: { kind: 'organisation', name, creditCode: creditCodeFor(applicants), legalForm: 'legal_person' },
    });
    expect(registered.status).toBe(201);
    return call('POST', `${api}/applications`, {
      token: office,
      body: { applicantId: registered.body.id, cycleNumber: 1, facts: ELIGIBLE_FACTS },
    });
  };
  const startPublicity = (id: string) =>
    post(id, 'internal-publicity', { startedOn: '2026-11-23', evidence: '公示照片与无异议说明' });

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili'] });
    office = (await sut.addUser('ili', 'office', ['office'])).token;
    const recommender = await sut.addUser('ili', 'dept', ['recommender']);
    dept = recommender.token;
    // Applications are taken until Thursday 31 December 2026.
    const cycle = await call('POST', `${api}/cycles`, {
      token: office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
    });
    expect(cycle.status).toBe(201);
    const created = await call('POST', `${api}/recommenders`, {
      token: office,
      body: { name: '州工业和信息化局', kind: 'department', userIds: [recommender.id] },
    });
    recommenderId = created.body.id as string;
    await sut.objectionRulesReady('ili', office);
  });
  afterAll(async () => {
    await sut?.close();
  });

  const ids: Record<string, string> = {};

  it('a ban check that needs a person’s decision stops the application until the office decides', async () => {
    const bans = sut.awards.app.get(BanService);
    const real = bans.check.bind(bans);
    const spy = jest.spyOn(bans, 'check').mockImplementationOnce(async (...args: unknown[]) => {
      const answer = await real(...args);
      const finding = {
        source: 'award' as const,
        outcome: 'needs_decision' as const,
        basis: null,
        reason: {
          zh: '获得2024年（第1届）质量奖；办法未规定再次申报的限制，由人工认定',
          en: 'won the award of 2024 (cycle 1); the regulation sets no rule on applying again, so a person decides',
        },
      };
      return { ...answer, outcome: 'needs_decision', findings: [finding] };
    });
    const created = await apply('伊犁曾获奖公司');
    spy.mockRestore();
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.banChecks).toEqual([
      expect.objectContaining({ step: 'application', outcome: 'needs_decision' }),
    ]);

    const waiting = await startPublicity(id);
    expect(waiting.status).toBe(422);
    expect(waiting.body).toMatchObject({ ruleId: 'reapplication' });
    expect(waiting.body.detail).toContain('人工认定');
    // Only the office decides, with its reasons.
    const byRecommender = await call('POST', `${api}/applications/${id}/decisions`, {
      token: dept,
      body: { ruleId: 'reapplication', outcome: 'pass', reason: '自行认定' },
    });
    expect(byRecommender.status).toBe(403);
    const decided = await call('POST', `${api}/applications/${id}/decisions`, {
      token: office,
      body: { ruleId: 'reapplication', outcome: 'pass', reason: '上届获奖已满两届，经领导小组办公室研究可再次申报' },
    });
    expect(decided.status).toBe(200);
    expect((decided.body.banChecks as Json[])[0]).toMatchObject({
      decision: { outcome: 'pass', decidedBy: 'office', reason: expect.stringContaining('可再次申报') },
    });
    expect((await startPublicity(id)).status).toBe(200);
    // Nothing left to decide: a second decision is refused.
    const again = await call('POST', `${api}/applications/${id}/decisions`, {
      token: office,
      body: { ruleId: 'reapplication', outcome: 'pass', reason: '再次认定' },
    });
    expect(again.status).toBe(422);
  });

  it('two concurrent submits with different Idempotency-Keys: exactly one goes through', async () => {
    for (const name of ['甲', '乙', '丙', '丁', '戊', '己']) {
      const created = await apply(`伊犁${name}公司`);
      expect(created.status).toBe(201);
      ids[name] = created.body.id as string;
      expect((await startPublicity(ids[name] as string)).status).toBe(200);
    }
    await sut.settle('2026-12-01T01:00:00Z');
    const id = ids.丁 as string;
    const results = await Promise.all(
      ['one', 'two'].map((key) => post(id, 'submit', { recommenderId }, office, { 'Idempotency-Key': `${id}-${key}` })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const history = (await get(id)).history as Json[];
    expect(history.filter((h) => h.action === 'submit')).toHaveLength(1);
  });

  const noticeOf = async (id: string) => ((await get(id)).notices as Json[])[0]?.noticeId as string;
  const receipts: Record<string, string> = {};
  const objectionId = async (receipt: string) => {
    const listed = await call('GET', `${api}/objections`, { token: office });
    return (listed.body.objections as Json[]).find((o) => o.receiptNumber === receipt)?.id as string;
  };
  const investigate = async (receipt: string, outcome: 'upheld' | 'dismissed', prohibitedGround: boolean) => {
    const base = `${api}/objections/${await objectionId(receipt)}`;
    const investigator = await call('POST', `${base}/investigators`, {
      token: office,
      body: { name: '王五', declaration: { hasInterest: false } },
    });
    expect(investigator.status).toBe(200);
    expect((await call('POST', `${base}/findings`, { token: office, body: { text: '已调取相关记录。' } })).status).toBe(
      200,
    );
    const decided = await call('POST', `${base}/decision`, {
      token: office,
      body: {
        outcome,
        prohibitedGround,
        reasons: outcome === 'upheld' ? '经调查，近三年发生重大质量事故。' : '经调查，反映情况不属实。',
      },
    });
    expect(decided.status).toBe(200);
  };

  it('objections are filed on the recommender’s notice; one upheld on a prohibited ground disqualifies at once', async () => {
    for (const name of ['甲', '乙', '丙']) {
      const id = ids[name] as string;
      expect((await post(id, 'submit', { recommenderId })).status).toBe(200);
      const recommended = await post(
        id,
        'review',
        { decision: 'recommend', text: '材料完整、真实，同意推荐。', publishedOn: '2026-12-01' },
        dept,
      );
      expect(recommended.body.status).toBe('recommendation_notice');
      const noticeId = await noticeOf(id);
      // The notice carries the policy version the application's cycle pinned.
      const opened = await call('GET', `${api}/notices/${noticeId}`, { token: office });
      expect(opened.body.policyVersion).toBe(((await get(id)).policy as Json).version);
      const notice = await call('GET', `/api/v1/public/ili/notices/${noticeId}`);
      const entryId = (notice.body.entries as Json[])[0]?.id;
      const filed = await call('POST', `/api/v1/public/ili/notices/${noticeId}/objections`, {
        body: { entryId, objector: OBJECTOR, grounds: '该单位近三年发生重大质量事故。', evidence: [EVIDENCE_PDF] },
      });
      expect(filed.status).toBe(201);
      receipts[name] = filed.body.receiptNumber as string;
    }
    for (const name of ['甲', '乙']) {
      const admitted = await call('POST', `${api}/objections/${await objectionId(receipts[name] as string)}/admit`, {
        token: office,
        body: {},
      });
      expect(admitted.status).toBe(200);
    }
    await investigate(receipts.甲 as string, 'upheld', true);
    const disqualified = await sut.statusBecomes('ili', ids.甲 as string, office, 'disqualified');
    expect(disqualified.outcome).toMatchObject({
      status: 'disqualified',
      reasons: expect.stringContaining('重大质量事故'),
      basis: 'ili 第二十一条',
    });
  });

  it('ili 第二十一条: the recommender reads the decided result of an objection against an entry it recommended, never who objected', async () => {
    const decided = await objectionId(receipts.甲 as string);
    const read = await call('GET', `${api}/objections/${decided}/result`, { token: dept });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: decided,
      receiptNumber: receipts.甲,
      entry: expect.objectContaining({ subjectName: '伊犁甲公司' }),
      recommender: { id: recommenderId, name: '州工业和信息化局' },
      outcome: 'upheld',
      prohibitedGround: true,
      disqualify: true,
      reasons: expect.stringContaining('重大质量事故'),
      notifiedBasis: 'ili 第二十一条',
    });
    expect(read.body).not.toHaveProperty('objector');
    expect(read.body).not.toHaveProperty('grounds');
    expect(JSON.stringify(read.body)).not.toContain(OBJECTOR.name);
    expect(JSON.stringify(read.body)).not.toContain(OBJECTOR.phone);

    // Not yet decided: 409. Another recommender's user, or the full objection view: not for it.
    const pending = await call('GET', `${api}/objections/${await objectionId(receipts.乙 as string)}/result`, {
      token: dept,
    });
    expect(pending.status).toBe(409);
    const other = await sut.addUser('ili', 'dept-other', ['recommender']);
    expect((await call('GET', `${api}/objections/${decided}/result`, { token: other.token })).status).toBe(404);
    expect((await call('GET', `${api}/objections/${decided}`, { token: dept })).status).toBe(403);
    expect((await call('GET', `${api}/objections/${decided}/result`, { token: office })).status).toBe(403);
  });

  it('objections pending at the close hold the application; dismissed or refused, it goes on', async () => {
    // Published Tuesday 1 December: 5 working days to Tuesday 8 December.
    await sut.settle('2026-12-08T16:00:01Z');
    for (const name of ['乙', '丙']) {
      await eventually(async () => expect((await get(ids[name] as string)).held).toBe(true), { timeoutMs: 15000 });
    }
    const held = await get(ids.乙 as string);
    expect(held).toMatchObject({ status: 'recommendation_notice', held: true, objectionsPending: 1 });
    expect((held.notices as Json[])[0]).toMatchObject({ outcome: 'objections_pending' });
    // While it waits, the office cannot take it further.
    const early = await post(ids.乙 as string, 'formal-review', { decision: 'pass', reasons: '材料齐全' });
    expect(early.status).toBe(409);

    await investigate(receipts.乙 as string, 'dismissed', false);
    const dismissed = await sut.statusBecomes('ili', ids.乙 as string, office, 'recommended');
    expect(dismissed).toMatchObject({ held: false, objectionsPending: 0 });
    expect((await get(ids.丙 as string)).status).toBe('recommendation_notice');

    // Refused on examination after the notice closed: the application no longer waits.
    const refused = await call('POST', `${api}/objections/${await objectionId(receipts.丙 as string)}/refuse`, {
      token: office,
      body: { reasons: '异议未提供有效证据，不予受理。' },
    });
    expect(refused.status).toBe(200);
    const goesOn = await sut.statusBecomes('ili', ids.丙 as string, office, 'recommended');
    expect(goesOn).toMatchObject({ held: false, objectionsPending: 0 });
    expect((goesOn.notices as Json[])[0]).toMatchObject({ outcome: 'passed' });
  });

  it('a recommendation notice withdrawn by the office sends the application back to review; the next opens anew', async () => {
    const id = ids.丁 as string;
    const review = { decision: 'recommend', text: '材料完整、真实，同意推荐。', publishedOn: '2026-12-09' };
    expect((await post(id, 'review', review, dept)).body.status).toBe('recommendation_notice');
    const first = await noticeOf(id);

    // Someone objects on a prohibited ground before the notice is withdrawn.
    const notice = await call('GET', `/api/v1/public/ili/notices/${first}`);
    const filed = await call('POST', `/api/v1/public/ili/notices/${first}/objections`, {
      body: {
        entryId: (notice.body.entries as Json[])[0]?.id,
        objector: OBJECTOR,
        grounds: '该单位近三年发生重大质量事故。',
        evidence: [EVIDENCE_PDF],
      },
    });
    expect(filed.status).toBe(201);

    const reason = '推荐公示中单位名称有误，更正后重新公示';
    const withdrawn = await call('POST', `${api}/notices/${first}/withdraw`, { token: office, body: { reason } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason } });
    expect((await call('POST', `${api}/notices/${first}/withdraw`, { token: dept, body: { reason } })).status).toBe(
      403,
    );
    const seen = await call('GET', `/api/v1/public/ili/notices/${first}`);
    expect(seen.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason }, howToObject: { open: false } });

    const back = await sut.statusBecomes('ili', id, office, 'submitted');
    expect((back.notices as Json[])[0]).toMatchObject({ noticeId: first, outcome: 'withdrawn' });
    expect((back.history as Json[]).at(-1)).toMatchObject({ action: 'notice-withdrawn', reason });

    // Reviewed again, and the review's record fails after its notice opened: that notice is withdrawn, not left public.
    const repository = sut.applications.app.get(ApplicationRepository);
    const spy = jest.spyOn(repository, 'addHistory').mockRejectedValueOnce(new Error('history write failed'));
    const failed = await post(id, 'review', review, dept);
    spy.mockRestore();
    expect(failed.status).toBe(500);
    expect((await get(id)).status).toBe('submitted');
    const orphans = await call('GET', `${api}/notices?status=withdrawn`, { token: office });
    const orphan = (orphans.body.notices as Json[]).find((n) => n.id !== first);
    expect(orphan).toMatchObject({ withdrawal: { reason: expect.stringContaining('推荐审核未能记录') } });

    // Reviewed again: a new notice, open to objections.
    expect((await post(id, 'review', review, dept)).body.status).toBe('recommendation_notice');
    const notices = (await get(id)).notices as Json[];
    expect(notices).toHaveLength(2);
    expect(notices[1]?.noticeId).not.toBe(first);
    expect(notices[1]?.noticeId).not.toBe(orphan?.id);
    const second = await call('GET', `/api/v1/public/ili/notices/${notices[1]?.noticeId}`);
    expect(second.body).toMatchObject({ status: 'open', withdrawal: null });

    // The objection filed on the withdrawn notice is still examined, and upheld on a prohibited ground it disqualifies.
    const receipt = filed.body.receiptNumber as string;
    const admitted = await call('POST', `${api}/objections/${await objectionId(receipt)}/admit`, {
      token: office,
      body: {},
    });
    expect(admitted.status).toBe(200);
    await investigate(receipt, 'upheld', true);
    expect((await sut.statusBecomes('ili', id, office, 'disqualified')).outcome).toMatchObject({
      basis: 'ili 第二十一条',
    });
  });

  it('a notice withdrawn before its review is recorded is not recorded: the review answers 409', async () => {
    const id = ids.己 as string;
    expect((await post(id, 'submit', { recommenderId })).status).toBe(200);
    const repository = sut.applications.app.get(ApplicationRepository);
    const lock = repository.lock.bind(repository);
    const reason = '公示对象有误';
    // The review's step is about to lock the application: the office withdraws the notice just opened, and its event
    // is consumed (finding no application on it) before the step is recorded.
    const spy = jest.spyOn(repository, 'lock').mockImplementationOnce(async (tx, applicationId) => {
      const open = await call('GET', `${api}/notices?status=open`, { token: office });
      const opened = (open.body.notices as Json[]).find((n) => String(n.reference).includes(applicationId));
      expect(
        (await call('POST', `${api}/notices/${opened?.id}/withdraw`, { token: office, body: { reason } })).status,
      ).toBe(200);
      await eventually(async () => {
        const recorded = await sut.applications.runtime.database.system.$queryRawUnsafe<unknown[]>(
          'SELECT 1 FROM withdrawn_notice WHERE notice_id = $1::uuid',
          opened?.id,
        );
        expect(recorded).toHaveLength(1);
      });
      return lock(tx, applicationId);
    });
    const review = { decision: 'recommend', text: '同意推荐。', publishedOn: '2026-12-09' };
    const reviewed = await post(id, 'review', review, dept);
    spy.mockRestore();
    expect(reviewed.status).toBe(409);
    expect(reviewed.body.detail).toContain(reason);
    const still = await get(id);
    expect(still).toMatchObject({ status: 'submitted', notices: [] });
  });

  it('an acceptance list that cannot be recorded in full is withdrawn, and its applications go back', async () => {
    const both = [ids.乙, ids.丙] as string[];
    for (const id of both) {
      await sut.decideAll('ili', id, office);
      expect((await post(id, 'formal-review', { decision: 'pass', reasons: '材料齐全，符合条件' })).status).toBe(200);
    }
    const repository = sut.applications.app.get(ApplicationRepository);
    const addHistory = repository.addHistory.bind(repository);
    // The second application's step fails after the first one's was recorded.
    const steps: string[] = [];
    const spy = jest.spyOn(repository, 'addHistory').mockImplementation(async (...args: unknown[]) => {
      const entry = args[1] as { applicationId: string; action: string };
      if (entry.action === 'acceptance-list') {
        steps.push(entry.applicationId);
        if (steps.length === 2) throw new Error('history write failed');
      }
      return addHistory(...args);
    });
    const body = { applicationIds: both, publishedOn: '2026-12-10' };
    const failed = await call('POST', `${api}/cycles/1/acceptance-list`, { token: office, body });
    spy.mockRestore();
    expect(failed.status).toBe(500);
    const withdrawn = await call('GET', `${api}/notices?status=withdrawn`, { token: office });
    expect(withdrawn.body.notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stage: 'acceptance',
          withdrawal: expect.objectContaining({ reason: expect.stringContaining('受理名单未能全部记录') }),
        }),
      ]),
    );
    // The one already on it goes back with the withdrawal.
    const [first, second] = steps as [string, string];
    await eventually(async () => {
      const back = await get(first);
      expect(back.status).toBe('formal_review_passed');
      expect((back.notices as Json[]).at(-1)).toMatchObject({ stage: 'acceptance', outcome: 'withdrawn' });
    });
    expect((await get(second)).status).toBe('formal_review_passed');

    // Published again: a new notice with both.
    const listed = await call('POST', `${api}/cycles/1/acceptance-list`, { token: office, body });
    expect(listed.status).toBe(201);
    expect((listed.body.applications as Json[]).map((a) => a.status)).toEqual([
      'acceptance_notice',
      'acceptance_notice',
    ]);
  });

  it('outside the cycle’s application window: 409 with the dates (Asia/Shanghai)', async () => {
    // Friday 1 January 2027, 08:00 in Shanghai (still 31 December in UTC): the window closed on 31 December.
    await sut.settle('2027-01-01T00:00:00Z');
    // 戊's internal publicity ended long ago, but it was not submitted in time.
    const late = await post(ids.戊 as string, 'submit', { recommenderId });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ closesOn: '2026-12-31', today: '2027-01-01' });
    // Nor can a new application be started.
    const created = await apply('伊犁迟到公司');
    expect(created.status).toBe(409);
    expect(created.body).toMatchObject({ opensOn: '2026-11-01', closesOn: '2026-12-31', today: '2027-01-01' });
    expect(created.body.detail).toContain('2026-12-31');
  });
});
