import { randomUUID } from 'node:crypto';
import {
  type MessageContract,
  noticeGet,
  noticeGetPublic,
  noticeListPublic,
  noticeOpen,
  objectionRulesPut,
  type RequestOf,
} from '@laurel/contracts';

import { eventually, TestClock, TestInfrastructure } from '@laurel/testing';
import { asPublic, asRole, launchRules, type StartedObjections, startObjections } from './objections.util';

const NATIONAL_DAY_2027 = {
  year: 2027,
  holidays: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ date: `2027-10-0${day}`, name: '国庆节' })),
  workdays: ['2027-09-26', '2027-10-09'],
  source: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
};

interface OutboxRow {
  subject: string;
  payload: { entryId: string; subject: { id: string; name: string }; objectionsPending: number };
}

/** Notices: the period from the policy, the deadline on the official calendar, closed by a job on the clock. */
describe('notices (公示)', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-29T02:00:00Z');
  const tenant = randomUUID();
  const other = randomUUID();
  const office = () => asRole(tenant);
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = office()) =>
    started.service.runtime.client.request(contract, payload, { context });

  const entries = [
    { subjectKind: 'organisation' as const, subjectId: 'app-1', subjectName: '伊犁甲公司', proposal: '拟授予质量奖' },
    { subjectKind: 'organisation' as const, subjectId: 'app-2', subjectName: '伊犁乙公司', proposal: '拟授予提名奖' },
  ];

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await started.service.runtime.client.request(objectionRulesPut, launchRules('ili'), { context: office() });
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  const outbox = (noticeId: string) =>
    started.service.runtime.database.system.$queryRawUnsafe<OutboxRow[]>(
      `SELECT subject, payload FROM outbox_message WHERE payload->>'noticeId' = $1 ORDER BY payload->>'entryId'`,
      noticeId,
    );

  it('takes the period from the policy and closes at 24:00 of its last working day, across National Day', async () => {
    const sut = await started.service.runtime.client.request(
      noticeOpen,
      { stage: 'proposed_winners', title: '第一届质量奖拟授奖名单公示', publishedOn: '2026-09-29', entries },
      { context: office() },
    );
    // 5 working days from 29 September, the start day not counted: 30 Sep, 8, 9, 10 (a shifted Saturday), 12 Oct.
    expect(sut.deadline).toMatchObject({
      count: 5,
      unit: 'working_days',
      lastDay: '2026-10-12',
      closesAt: '2026-10-12T16:00:00.000Z',
      provisional: false,
    });
    expect(sut.deadline.basis).toMatch(/ili 第十七条/);
    expect(sut.deadline.basis).toMatch(/民法典 第二百零一条/);
    expect(sut.status).toBe('open');

    // Not before: at 23:59 on the last day it is still open, the job does nothing.
    await clock.set('2026-10-12T15:59:00Z');
    await started.service.runtime.jobs.reschedule();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      (await started.service.runtime.client.request(noticeGet, { id: sut.id }, { context: office() })).closedAt,
    ).toBeNull();

    await clock.set('2026-10-12T16:00:01Z');
    await started.service.runtime.jobs.reschedule();
    const closed = await eventually(async () => {
      const notice = await started.service.runtime.client.request(noticeGet, { id: sut.id }, { context: office() });
      expect(notice.closedAt).not.toBeNull();
      return notice;
    });
    expect(closed.status).toBe('closed');
    expect(closed.entries.map((e) => e.outcome)).toEqual(['passed', 'passed']);
    const events = await outbox(sut.id);
    expect(events.map((e) => e.subject)).toEqual([
      'objections.notice-entry.passed.v1',
      'objections.notice-entry.passed.v1',
    ]);
    expect(events.map((e) => e.payload.subject.name).sort()).toEqual(['伊犁乙公司', '伊犁甲公司']);
  });

  it('refuses a period shorter than the regulation’s, citing its article', async () => {
    await expect(
      request(noticeOpen, {
        stage: 'acceptance',
        title: '受理名单公示',
        publishedOn: '2026-10-13',
        period: { count: 3, unit: 'working_days' },
        entries,
      }),
    ).rejects.toMatchObject({ code: 'rule_violation', basis: 'ili 第十三条' });
  });

  it('needs a period from the office where the regulation gives none', async () => {
    await expect(
      request(noticeOpen, { stage: 'candidates', title: '候选名单', publishedOn: '2026-10-13', entries }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ field: 'body.period' })] });
  });

  it('opens one notice per reference', async () => {
    const body = {
      reference: 'applications:acceptance:c1',
      stage: 'acceptance',
      title: '受理名单',
      publishedOn: '2026-10-14',
      entries,
    };
    const first = await request(noticeOpen, body);
    const second = await request(noticeOpen, body);
    expect(second.id).toBe(first.id);
  });

  it('shows the public open and recent notices, only what the public may see; another tenant sees nothing', async () => {
    const listed = await request(noticeListPublic, {}, asPublic(tenant));
    expect(listed.notices.length).toBeGreaterThanOrEqual(1);
    const one = await request(noticeGetPublic, { id: listed.notices[0]?.id as string }, asPublic(tenant));
    expect(one.entries[0]).toEqual({
      id: expect.any(String),
      subjectName: expect.any(String),
      proposal: expect.any(String),
    });
    expect(one.howToObject.identity).toMatchObject({ basis: 'ili 第十八条' });
    expect(one.howToObject.examination).toMatchObject({ count: 3, basis: 'ili 第十九条' });

    expect((await request(noticeListPublic, {}, asPublic(other))).notices).toEqual([]);
    await expect(request(noticeGetPublic, { id: one.id }, asPublic(other))).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(request(noticeGet, { id: one.id }, asRole(other))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('moves a provisional deadline when the official year is loaded', async () => {
    const sut = await request(noticeOpen, {
      stage: 'acceptance',
      title: '2027 受理名单',
      publishedOn: '2027-09-29',
      period: { count: 5, unit: 'working_days' },
      entries,
    });
    expect(sut.deadline).toMatchObject({ provisional: true });
    const before = sut.deadline.lastDay;
    const moved = await started.service.runtime.calendar.apply([NATIONAL_DAY_2027]);
    expect(moved).toEqual([
      expect.objectContaining({
        service: 'objections',
        kind: 'notice',
        id: sut.id,
        previousLastDay: before,
        provisional: false,
      }),
    ]);
    const after = await request(noticeGet, { id: sut.id });
    expect(after.deadline.provisional).toBe(false);
    expect(after.deadline.lastDay > before).toBe(true);
    expect(after.deadline.basis).toMatch(/国务院办公厅关于2027年部分节假日安排的通知/);
  });
});
