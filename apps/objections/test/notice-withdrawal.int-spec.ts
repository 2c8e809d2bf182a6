import { randomUUID } from 'node:crypto';
import {
  type MessageContract,
  noticeGet,
  noticeGetPublic,
  noticeList,
  noticeOpen,
  noticeWithdraw,
  objectionFile,
  objectionRulesPut,
  type RequestOf,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { asPublic, asRole, launchRules, pdf, person, type StartedObjections, startObjections } from './objections.util';

interface OutboxRow {
  subject: string;
  payload: { reason: string; reference: string | null; entries: { entryId: string; applicationId: string | null }[] };
}

/** A notice published in error is withdrawn: no more objections, never closed, the public told why. */
describe('withdrawing a notice (撤回公示)', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const tenant = randomUUID();
  const office = () => asRole(tenant);
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = office()) =>
    started.service.runtime.client.request(contract, payload, { context });
  const open = (reference?: string) =>
    request(noticeOpen, {
      ...(reference ? { reference } : {}),
      stage: 'proposed_winners',
      title: '拟授奖名单公示',
      publishedOn: '2026-09-28',
      entries: [
        {
          subjectKind: 'organisation',
          subjectId: 'a-1',
          subjectName: '甲公司',
          proposal: '拟授予质量奖',
          applicationId: 'app-1',
        },
      ],
    });

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('ili'));
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('takes no more objections, is never closed, tells the public and the entries’ owner why', async () => {
    const notice = await open('applications:recommendation:app-1:1');
    const entryId = notice.entries[0]?.id as string;
    const objection = {
      noticeId: notice.id,
      entryId,
      objector: person(),
      grounds: '公示名单中的甲公司并未申报本届质量奖。',
      evidence: [pdf()],
    };
    await request(objectionFile, objection, asPublic(tenant));

    const reason = '名单有误，更正后重新公示';
    const sut = await request(noticeWithdraw, { id: notice.id, reason });
    expect(sut.status).toBe('withdrawn');
    expect(sut.withdrawal).toMatchObject({ reason, by: 'user-office' });
    expect(sut.reference).toBe('applications:recommendation:app-1:1');
    // Withdrawing again answers the notice as it is.
    expect((await request(noticeWithdraw, { id: notice.id, reason: '再次' })).withdrawal?.reason).toBe(reason);

    await expect(request(objectionFile, objection, asPublic(tenant))).rejects.toMatchObject({ code: 'conflict' });
    const seen = await request(noticeGetPublic, { id: notice.id }, asPublic(tenant));
    expect(seen).toMatchObject({ status: 'withdrawn', withdrawal: { reason }, howToObject: { open: false } });
    expect((await request(noticeList, { status: 'withdrawn' })).notices.map((n) => n.id)).toContain(notice.id);

    const events = await started.service.runtime.database.system.$queryRawUnsafe<OutboxRow[]>(
      `SELECT subject, payload FROM outbox_message WHERE payload->>'noticeId' = $1`,
      notice.id,
    );
    expect(events).toEqual([
      {
        subject: 'objections.notice.withdrawn.v1',
        payload: expect.objectContaining({
          reason,
          reference: 'applications:recommendation:app-1:1',
          entries: [expect.objectContaining({ entryId, applicationId: 'app-1' })],
        }),
      },
    ]);

    // Past its deadline the close job leaves it alone: no outcome for its entries.
    await clock.set('2026-10-20T02:00:00Z');
    await started.service.runtime.jobs.reschedule();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await request(noticeGet, { id: notice.id });
    expect(later).toMatchObject({ status: 'withdrawn', closedAt: null });
    expect(later.entries[0]?.outcome).toBeNull();

    // Its reference is free again: the caller opens the corrected notice under it.
    await clock.set('2026-09-28T03:00:00Z');
    const corrected = await open('applications:recommendation:app-1:1');
    expect(corrected.id).not.toBe(notice.id);
    expect(corrected.status).toBe('open');
  });

  it('refuses to withdraw a notice whose period is over, and an empty reason', async () => {
    const notice = await open();
    await expect(request(noticeWithdraw, { id: notice.id, reason: ' ' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await clock.set('2026-10-20T02:00:00Z');
    await expect(request(noticeWithdraw, { id: notice.id, reason: '太晚了' })).rejects.toMatchObject({
      code: 'conflict',
    });
    await clock.set('2026-09-28T03:00:00Z');
  });
});
