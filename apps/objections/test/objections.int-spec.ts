import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  findingRecord,
  investigatorAssign,
  type MessageContract,
  noticeGet,
  noticeOpen,
  objectionAdmit,
  objectionContactReveal,
  objectionDecide,
  objectionFile,
  objectionGet,
  objectionList,
  objectionReceipt,
  objectionRefuse,
  objectionRulesPut,
  objectionTrack,
  type RequestOf,
  storedFileGet,
} from '@laurel/contracts';

import { databaseUrl, eventually, TestClock, TestInfrastructure } from '@laurel/testing';
import { Client } from 'pg';
import {
  asPublic,
  asRole,
  launchRules,
  organisation,
  PDF_BASE64,
  pdf,
  person,
  type StartedObjections,
  startObjections,
} from './objections.util';

interface OutboxRow {
  subject: string;
  payload: {
    entryId: string;
    objectionId?: string;
    subject: { kind: string; id: string; name: string };
    disqualify?: boolean;
    objectionsPending?: number;
  };
}

/**
 * Objections through their life: filed with identity during the period, examined within 3 working days (ili 第十九条)
 * with a reminder and an overdue record on working-day time, investigated and decided, the outcome an event.
 */
describe('objections (异议)', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  // Monday 28 September 2026, 10:00 in Shanghai; National Day runs 1–7 October.
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const tenant = randomUUID();
  const office = () => asRole(tenant);
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = office()) =>
    started.service.runtime.client.request(contract, payload, { context });
  const settle = async (to: string) => {
    await clock.set(to);
    await started.service.runtime.jobs.reschedule();
  };
  const outbox = (subjectPrefix: string) =>
    started.service.runtime.database.system.$queryRawUnsafe<OutboxRow[]>(
      `SELECT subject, payload FROM outbox_message WHERE subject LIKE $1 ORDER BY created_at`,
      `${subjectPrefix}%`,
    );

  let noticeId: string;
  let entryA: string;
  let entryB: string;
  const file = (entryId: string, extra: Partial<RequestOf<typeof objectionFile>> = {}) =>
    request(
      objectionFile,
      {
        noticeId,
        entryId,
        objector: person(),
        grounds: '该单位近三年发生过重大质量事故，不符合申报条件。',
        evidence: [pdf()],
        ...extra,
      },
      asPublic(tenant),
    );

  /** A notice of its own for one test, so that the other tests' counts of pending objections stay as they are. */
  const openOwnNotice = async (title: string, subjectId: string, subjectName: string) => {
    const notice = await request(noticeOpen, {
      stage: 'proposed_winners',
      title,
      publishedOn: '2026-09-25',
      entries: [{ subjectKind: 'organisation', subjectId, subjectName, proposal: '拟授予质量奖' }],
    });
    return { noticeId: notice.id, entryId: notice.entries[0]?.id as string };
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('ili'));
    const notice = await request(noticeOpen, {
      stage: 'proposed_winners',
      title: '拟授奖名单公示',
      publishedOn: '2026-09-25',
      entries: [
        {
          subjectKind: 'organisation',
          subjectId: 'app-a',
          subjectName: '甲公司',
          proposal: '拟授予质量奖',
          recommender: { id: 'rec-1', name: '州工信局' },
        },
        { subjectKind: 'organisation', subjectId: 'app-b', subjectName: '乙公司', proposal: '拟授予质量奖' },
      ],
    });
    noticeId = notice.id;
    [entryA, entryB] = notice.entries.map((e) => e.id) as [string, string];
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  let unexamined: string;
  let upheld: { id: string; receiptNumber: string };
  let dismissed: { id: string; receiptNumber: string };
  let refused: string;

  it('takes an objection with full identity, gives a receipt number and an examination deadline of 3 working days', async () => {
    const sut = await file(entryA);
    expect(sut.receiptNumber).toMatch(/^YY-/);
    // Received on 28 September: 29, 30 September, then 8 October after the holiday.
    expect(sut.examination).toMatchObject({
      lastDay: '2026-10-08',
      dueAt: '2026-10-08T16:00:00.000Z',
      provisional: false,
    });
    expect(sut.examination?.basis).toMatch(/ili 第十九条/);
    const evidence = sut.files.find((f) => f.kind === 'evidence');
    expect(evidence?.sha256).toBe(createHash('sha256').update(Buffer.from(PDF_BASE64, 'base64')).digest('hex'));

    const listed = await request(objectionList, { status: 'received' });
    const mine = listed.objections.find((o) => o.receiptNumber === sut.receiptNumber);
    unexamined = mine?.id as string;
    // The office sees the phone and ID number masked; the files are stored with their hash.
    expect(mine?.objector).toMatchObject({ name: '张三', phone: '138****5678', idNumber: '110105********002X' });
    // At rest the phone, ID number and address are sealed (AES-256-GCM): nothing readable in the table.
    const [raw] = await started.service.runtime.database.system.$queryRawUnsafe<
      { objector_phone: string; objector_id_number: string; objector_address: string }[]
    >('SELECT objector_phone, objector_id_number, objector_address FROM objection WHERE id = $1::uuid', unexamined);
    expect(raw?.objector_phone).toMatch(/^v1\./);
    expect(raw?.objector_id_number).toMatch(/^v1\./);
    expect(raw?.objector_address).toMatch(/^v1\./);
    expect(JSON.stringify(raw)).not.toMatch(/13812345678|11010519491231002X/);

    // The office reveals the full details when it must reach the objector, and that is audited with the reason.
    await expect(request(objectionContactReveal, { id: unexamined, reason: '' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const contact = await request(objectionContactReveal, { id: unexamined, reason: '书面告知调查结果需联系异议人' });
    expect(contact).toMatchObject({ name: '张三', phone: '13812345678', idNumber: '11010519491231002X' });
    const [audit] = await started.service.runtime.database.system.$queryRawUnsafe<{ after: unknown }[]>(
      `SELECT after FROM audit_entry WHERE action = 'objection.contact.reveal' AND target_id = $1`,
      unexamined,
    );
    expect(audit?.after).toEqual({ reason: '书面告知调查结果需联系异议人' });
    expect(mine?.examination?.remindAt).toBe('2026-09-29T16:00:00.000Z');
    const stored = mine?.files.find((f) => f.kind === 'evidence');
    const bytes = await readFile(path.join(started.filesDir, tenant, stored?.id as string));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored?.sha256);
    // The office reads the evidence through the service: the bytes match their hash, and the read is audited.
    const content = await request(storedFileGet, { id: stored?.id as string });
    expect(createHash('sha256').update(Buffer.from(content.contentBase64, 'base64')).digest('hex')).toBe(
      stored?.sha256,
    );
    expect(content).toMatchObject({ filename: stored?.filename, contentType: 'application/pdf' });

    const org = await file(entryA, { objector: organisation() });
    const third = await file(entryB);
    const fourth = await file(entryB);
    const ids = async (receipt: string) =>
      (await request(objectionList, {})).objections.find((o) => o.receiptNumber === receipt)?.id as string;
    upheld = { id: await ids(org.receiptNumber), receiptNumber: org.receiptNumber };
    dismissed = { id: await ids(third.receiptNumber), receiptNumber: third.receiptNumber };
    refused = await ids(fourth.receiptNumber);
  });

  it('refuses an objection without identity, citing ili 第十八条', async () => {
    await expect(file(entryA, { objector: undefined })).rejects.toMatchObject({
      code: 'validation_failed',
      basis: 'ili 第十八条',
      fields: [expect.objectContaining({ field: 'body.objector' })],
    });
    const { phone: _phone, signature: _signature, ...partial } = person();
    await expect(file(entryA, { objector: partial })).rejects.toMatchObject({
      basis: 'ili 第十八条',
      fields: [
        expect.objectContaining({ field: 'body.objector.signature' }),
        expect.objectContaining({ field: 'body.objector.phone' }),
      ],
    });
    const { officialSeal: _seal, creditCode: _code, ...org } = organisation();
    await expect(file(entryA, { objector: org })).rejects.toMatchObject({
      basis: 'ili 第十八条',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'body.objector.creditCode' }),
        expect.objectContaining({ field: 'body.objector.officialSeal' }),
      ]),
    });
  });

  it('refuses files whose bytes are not what they claim, or no evidence at all', async () => {
    await expect(
      file(entryA, { evidence: [{ filename: 'x.png', contentType: 'image/png', contentBase64: PDF_BASE64 }] }),
    ).rejects.toMatchObject({ fields: [expect.objectContaining({ field: 'body.evidence[0].contentType' })] });
    await expect(file(entryA, { evidence: [] })).rejects.toMatchObject({
      basis: 'ili 第十八条',
      fields: [expect.objectContaining({ field: 'body.evidence' })],
    });
  });

  it('admits with a written receipt, or refuses with reasons', async () => {
    const admitted = await request(objectionAdmit, { id: upheld.id });
    expect(admitted.status).toBe('admitted');
    await request(objectionAdmit, { id: dismissed.id });
    await request(objectionRefuse, { id: refused, reasons: '异议内容与公示对象无关。' });
    await expect(request(objectionAdmit, { id: refused })).rejects.toMatchObject({ code: 'conflict' });

    const receipt = await request(objectionReceipt, { receiptNumber: upheld.receiptNumber }, asPublic(tenant));
    expect(receipt.contentType).toBe('text/plain; charset=utf-8');
    expect(receipt.content).toContain('异议受理书面凭证');
    expect(receipt.content).toContain(upheld.receiptNumber);
    expect(receipt.content).toContain('ili 第十九条');
    const tracked = await request(objectionTrack, { receiptNumber: upheld.receiptNumber }, asPublic(tenant));
    expect(tracked).toMatchObject({ status: 'admitted', receiptIssued: true, subjectName: '甲公司' });
    expect(JSON.stringify(tracked)).not.toContain('0999');
  });

  it('of two staff examining one objection at once, exactly one decides it', async () => {
    const own = await openOwnNotice('另一份拟授奖名单公示', 'app-c', '丙公司');
    const filed = await file(own.entryId, { noticeId: own.noticeId });
    const listed = await request(objectionList, { status: 'received' });
    const id = listed.objections.find((o) => o.receiptNumber === filed.receiptNumber)?.id as string;
    const outcomes = await Promise.allSettled([
      request(objectionAdmit, { id }),
      request(objectionRefuse, { id, reasons: '重复提交。' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toMatchObject({ code: 'conflict' });
  });

  it('refuses an objection whose notice closed while it was being written, instead of leaving it out of the count', async () => {
    const own = await openOwnNotice('第三份拟授奖名单公示', 'app-d', '丁公司');
    // The notice's close holds its row (as the close job does) while the objection is on its way.
    const closer = new Client({ connectionString: databaseUrl(infra.database) });
    await closer.connect();
    try {
      await closer.query('BEGIN');
      await closer.query('SELECT id FROM objections.notice WHERE id = $1 FOR UPDATE', [own.noticeId]);
      const filing = file(own.entryId, { noticeId: own.noticeId }).then(
        () => null,
        (error: unknown) => error,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await closer.query('UPDATE objections.notice SET closed_at = now() WHERE id = $1', [own.noticeId]);
      await closer.query('COMMIT');
      expect(await filing).toMatchObject({ code: 'conflict' });
      // Its files, stored before the refusal, were removed again: none is left that no row refers to.
      const stored = await readdir(path.join(started.filesDir, tenant)).catch(() => []);
      const [rows] = await started.service.runtime.database.system.$queryRawUnsafe<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM stored_file',
      );
      expect(stored.filter((name) => !name.startsWith('.'))).toHaveLength(rows?.n ?? -1);
    } finally {
      await closer.end();
    }
  });

  it('reminds the office at the start of the working day before the deadline, across the holiday', async () => {
    // The last day is 8 October; the working day before it is 30 September, not 7 October (a holiday).
    await settle('2026-09-29T15:59:00Z');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await request(objectionGet, { id: unexamined })).examination?.remindedAt).toBeNull();

    await settle('2026-09-29T16:00:01Z');
    await eventually(async () =>
      expect((await request(objectionGet, { id: unexamined })).examination?.remindedAt).toBe(
        '2026-09-29T16:00:01.000Z',
      ),
    );
    expect((await request(objectionGet, { id: unexamined })).examination?.overdueAt).toBeNull();
  });

  it('records an overdue case when the deadline passes unexamined, and lists it', async () => {
    await settle('2026-10-08T15:59:00Z');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await request(objectionList, { overdue: true })).objections).toEqual([]);

    await settle('2026-10-08T16:00:01Z');
    const overdue = await eventually(async () => {
      const listed = await request(objectionList, { overdue: true });
      expect(listed.objections).toHaveLength(1);
      return listed.objections;
    });
    expect(overdue[0]).toMatchObject({ id: unexamined, status: 'received' });
    // Examined ones are never overdue.
    expect((await request(objectionGet, { id: upheld.id })).examination?.overdueAt).toBeNull();
  });

  it('refuses an investigator with an interest, citing ili 第二十条; decides only on findings', async () => {
    await expect(
      request(investigatorAssign, {
        id: upheld.id,
        name: '李四',
        declaration: { hasInterest: true, details: '甲公司股东' },
      }),
    ).rejects.toMatchObject({ code: 'rule_violation', basis: 'ili 第二十条' });
    await request(investigatorAssign, { id: upheld.id, name: '王五', declaration: { hasInterest: false } });
    await expect(
      request(objectionDecide, { id: upheld.id, outcome: 'upheld', prohibitedGround: true, reasons: '查证属实。' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('publishes upheld (disqualifying) and dismissed outcomes as durable events naming the entry’s subject', async () => {
    await request(findingRecord, { id: upheld.id, text: '经核查，2025 年发生重大质量事故属实。' });
    const decided = await request(objectionDecide, {
      id: upheld.id,
      outcome: 'upheld',
      prohibitedGround: true,
      reasons: '存在禁止性情形，查证属实。',
    });
    expect(decided.outcome).toMatchObject({ outcome: 'upheld', disqualify: true, basis: 'ili 第二十一条' });

    await request(investigatorAssign, { id: dismissed.id, name: '赵六', declaration: { hasInterest: false } });
    await request(findingRecord, { id: dismissed.id, text: '所述事故系其他单位。' });
    await request(objectionDecide, { id: dismissed.id, outcome: 'dismissed', reasons: '异议所述情况不属实。' });

    const events = await outbox('objections.objection.');
    // The objection refused on examination (above) is an event too, so that an entry held by it may go on.
    expect(events.map((e) => [e.subject, e.payload.subject.id, e.payload.disqualify])).toEqual([
      ['objections.objection.refused.v1', 'app-b', undefined],
      ['objections.objection.upheld.v1', 'app-a', true],
      ['objections.objection.dismissed.v1', 'app-b', undefined],
    ]);
    expect(events[0]?.payload).toMatchObject({ reasons: '异议内容与公示对象无关。' });
    expect(events[1]?.payload).toMatchObject({ subject: { name: '甲公司' }, recommender: { name: '州工信局' } });

    const result = await request(objectionTrack, { receiptNumber: dismissed.receiptNumber }, asPublic(tenant));
    expect(result.result?.outcome).toBe('dismissed');
    expect(result.result?.letter).toContain('异议不成立');
  });

  it('closes the notice: objections pending on one entry, passed on the other; later objections get 409', async () => {
    await settle('2026-10-09T16:00:01Z');
    await eventually(async () => expect((await request(noticeGet, { id: noticeId })).closedAt).not.toBeNull());
    const events = await outbox('objections.notice-entry.');
    const byEntry = Object.fromEntries(
      events.map((e) => [e.payload.entryId, [e.subject, e.payload.objectionsPending]]),
    );
    expect(byEntry[entryA]).toEqual(['objections.notice-entry.objections-pending.v1', 1]);
    expect(byEntry[entryB]).toEqual(['objections.notice-entry.passed.v1', 0]);

    await expect(file(entryA)).rejects.toMatchObject({
      code: 'conflict',
      extensions: { closedAt: '2026-10-09T16:00:00.000Z', lastDay: '2026-10-09' },
    });
  });

  it('another tenant sees none of it', async () => {
    const other = randomUUID();
    expect((await request(objectionList, {}, asRole(other))).objections).toEqual([]);
    await expect(request(objectionGet, { id: upheld.id }, asRole(other))).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      request(objectionTrack, { receiptNumber: upheld.receiptNumber }, asPublic(other)),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
