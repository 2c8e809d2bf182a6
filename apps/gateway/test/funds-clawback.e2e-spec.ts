import { randomUUID } from 'node:crypto';
import type { AwardDecisionPayload, ClawbackRequestPayload, EventEnvelope } from '@laurel/contracts';
import { readXlsx, XLSX_CONTENT_TYPE } from '@laurel/platform';
import { eventually, extractPdfTextCompact, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

/**
 * Clawback (追缴) through the real services, xinzhou-district (第十五条 80,000 yuan; 第十七条: revoked within half a
 * year of the award, the prize clawed back): a decision → entitlements → instalments paid → a revocation's clawback
 * request (`awards.clawback.requested.v1`, published on JetStream on this run's subject prefix as the awards service
 * publishes it) → a case for what was paid, a demand letter's due date, a partial recovery, the reminder and the
 * overdue escalation as the test clock moves, an instalment agreement, a write-off with approval, the return to the
 * treasury — each balance right at each step; outside the half year no case, recorded why; a replay opens nothing.
 */
describe('funds: clawback cases on the ledger (xinzhou-district)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-20T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const api = '/api/v1/tenants/xinzhou-district/funds';
  let finance: string;
  let office: string;
  let otherFinance: string;
  let tenantId: string;
  const A = { id: randomUUID(), name: '信州区甲精密制造有限公司' };
  const B = { id: randomUUID(), name: '信州区乙光学有限公司' };
  const revocationA = randomUUID();
  let caseA: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const year = async () =>
    (ok(await call('GET', `${api}/budget-years`, { token: finance })).budgetYears as Json[]).find(
      (y) => y.budgetYear === 2026,
    );
  const cases = async () => ok(await call('GET', `${api}/clawback-cases`, { token: finance })).cases as Json[];
  const theCase = async () => ok(await call('GET', `${api}/clawback-cases/${caseA}`, { token: finance }));
  const post = (path: string, body: unknown, token = finance) => call('POST', `${api}${path}`, { token, body });

  /** As the awards service publishes it: an envelope on this run's JetStream subject prefix. */
  const publishClawback = async (payload: ClawbackRequestPayload, envelopeId?: string) => {
    const awards = sut.awards;
    if (!awards) throw new Error('awards not running');
    const { js, namespace } = awards.runtime;
    const envelope: EventEnvelope = {
      id: (envelopeId ?? randomUUID()) as EventEnvelope['id'],
      subject: 'awards.clawback.requested.v1',
      tenantId,
      occurredAt: clock.now().toISOString(),
      correlationId: randomUUID(),
      actor: { userId: 'office-1', username: 'office-1', roles: ['office'], operator: false },
      payload,
    };
    await js.publish(namespace.eventWire(envelope.subject), JSON.stringify(envelope), { msgID: randomUUID() });
    return envelope;
  };
  /** `eventOn`: the day the ground occurred, which the window counts; the decision follows it. */
  const clawbackRequest = (revocationId: string, who: { id: string; name: string }, eventOn: string) =>
    ({
      revocationId,
      titleId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 1,
      applicantId: who.id,
      applicantKind: 'organisation',
      applicantName: who.name,
      tier: 'award',
      revokedOn: eventOn,
      eventOn,
      awardedOn: '2026-12-20',
      consequenceBasis: '追缴奖金（xinzhou-district 第十七条）',
      window: { months: 6, from: 'award' },
      actor: 'office-1',
      at: clock.now().toISOString(),
    }) satisfies ClawbackRequestPayload;
  const handled = async () => {
    const rows = await sut.funds?.runtime.database.system.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM inbox_message WHERE consumer = 'funds-clawback-requested'`,
    );
    return rows?.[0]?.n ?? 0;
  };
  /** Moves the test clock and lets the funds service re-schedule its deadline jobs from the database. */
  const settle = async (to: string) => {
    await clock.set(to);
    await sut.funds?.runtime.jobs.reschedule();
    finance = await sut.login('xd-finance');
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['xinzhou-district', 'xinzhou-city'], funds: true });
    finance = (await sut.addUser('xinzhou-district', 'xd-finance', ['finance'])).token;
    office = (await sut.addUser('xinzhou-district', 'xd-office', ['office'])).token;
    otherFinance = (await sut.addUser('xinzhou-city', 'xc-finance', ['finance'])).token;
    const operator = await sut.login('operator');
    tenantId = ok(await sut.call('GET', '/api/v1/tenants/xinzhou-district', { token: operator })).id as string;

    ok(
      await post('/appropriations', {
        transferId: randomUUID(),
        budgetYear: 2026,
        amountFen: 20_000_000,
        document: '信财预〔2026〕8号',
      }),
      201,
    );
    const decision: AwardDecisionPayload = {
      decisionId: randomUUID(),
      cycleNumber: 1,
      policyVersion: 1,
      decidedOn: '2026-12-20',
      winners: [A, B].map((w) => ({
        applicantId: w.id,
        applicantKind: 'organisation',
        applicantName: w.name,
        tier: 'award',
        previousWins: 0,
      })),
      actor: 'office-1',
      at: clock.now().toISOString(),
    };
    await sut.publishAwardDecision(tenantId, decision);
    const entitlements = await eventually(async () => {
      const list = ok(await call('GET', `${api}/entitlements?budgetYear=2026`, { token: finance }))
        .entitlements as Json[];
      expect(list.filter((e) => e.status === 'obligated')).toHaveLength(2);
      return list;
    });
    const pay = async (entitlementId: string, amountFen: number) => {
      const id = randomUUID();
      ok(
        await post(`/entitlements/${entitlementId}/disbursements`, {
          transferId: id,
          amountFen,
          voucher: `凭证-${id.slice(0, 6)}`,
        }),
        201,
      );
      ok(
        await post(`/disbursements/${id}/confirm`, {
          transferId: randomUUID(),
          treasuryReference: `国库-${id.slice(0, 6)}`,
        }),
      );
    };
    const of = (who: { id: string }) => (entitlements.find((e) => e.applicantId === who.id) as Json).id as string;
    await pay(of(A), 5_000_000);
    await pay(of(A), 3_000_000);
    await pay(of(B), 8_000_000);
    expect(await year()).toMatchObject({ obligated: 16_000_000, paid: 16_000_000, receivable: 0 });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('a revocation within half a year of the award opens a case for what was paid under the title, booked as a receivable', async () => {
    await publishClawback(clawbackRequest(revocationA, A, '2027-03-01'));

    const opened = await eventually(async () => {
      const list = await cases();
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    caseA = opened.id as string;
    expect(opened).toMatchObject({
      revocationId: revocationA,
      applicantId: A.id,
      status: 'opened',
      amountFen: 8_000_000,
      outstandingFen: 8_000_000,
      budgetYear: 2026,
      basis: '追缴奖金（xinzhou-district 第十七条）',
    });
    expect((opened.reason as Json).zh).toContain('xinzhou-district 第十七条');
    expect(await year()).toMatchObject({ paid: 8_000_000, receivable: 8_000_000, recovered: 0, balanced: true });
  });

  it('a replayed clawback request opens nothing twice (the same envelope again, and the request republished)', async () => {
    const before = await handled();
    const again = clawbackRequest(revocationA, A, '2027-03-01');
    const sent = await publishClawback(again);
    await publishClawback(again, sent.id);
    await eventually(async () => expect(await handled()).toBe(before + 1));

    expect(await cases()).toHaveLength(1);
    expect(await year()).toMatchObject({ receivable: 8_000_000, paid: 8_000_000 });
  });

  it('outside xinzhou-district’s half year: no case, recorded why, and no money moves', async () => {
    await publishClawback(clawbackRequest(randomUUID(), B, '2027-06-21'));

    const recorded = await eventually(async () => {
      const list = (await cases()).filter((c) => c.applicantId === B.id);
      expect(list).toHaveLength(1);
      return list[0] as Json;
    });
    expect(recorded).toMatchObject({ status: 'not_opened', amountFen: 0, outstandingFen: 0 });
    expect((recorded.reason as Json).zh).toContain('至 2027-06-20');
    expect((recorded.reason as Json).en).toContain('after the clawback window');
    expect(await year()).toMatchObject({ paid: 8_000_000, receivable: 8_000_000 });
    const refused = await post(`/clawback-cases/${recorded.id}/demand`, { dueOn: '2027-01-31', remindDaysBefore: 7 });
    expect(refused.status).toBe(409);
  });

  it('finance sets the demand letter’s due date; a partial recovery is booked once, replays answer the same', async () => {
    const demanded = ok(await post(`/clawback-cases/${caseA}/demand`, { dueOn: '2027-01-31', remindDaysBefore: 7 }));
    expect(demanded).toMatchObject({ status: 'demanded', dueOn: '2027-01-31', remindAt: '2027-01-23T16:00:00.000Z' });

    const body = { transferId: randomUUID(), amountFen: 2_000_000, receipt: '缴款书 2027-001' };
    const recovered = ok(await post(`/clawback-cases/${caseA}/recoveries`, body), 201);
    const replayed = ok(await post(`/clawback-cases/${caseA}/recoveries`, body), 201);
    expect(recovered).toMatchObject({ status: 'demanded', recoveredFen: 2_000_000, outstandingFen: 6_000_000 });
    expect(replayed).toEqual(recovered);
    const changed = await post(`/clawback-cases/${caseA}/recoveries`, { ...body, amountFen: 2_000_001 });
    expect(changed.status).toBe(409);
    expect(changed.body.errors).toEqual([expect.objectContaining({ field: 'body.amountFen' })]);
    const over = await post(`/clawback-cases/${caseA}/recoveries`, {
      ...body,
      transferId: randomUUID(),
      amountFen: 6_000_001,
    });
    expect(over.status).toBe(422);
    expect(over.body.errors).toEqual([expect.objectContaining({ field: 'body.amountFen' })]);
    expect(await year()).toMatchObject({ receivable: 6_000_000, recovered: 2_000_000, balanced: true });
  });

  it('the demand letter is a PDF in Chinese with the basis, the amounts and the due date', async () => {
    const response = await fetch(`${sut.gateway.url}${api}/clawback-cases/${caseA}/demand-letter`, {
      headers: { authorization: `Bearer ${office}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text } = await extractPdfTextCompact(Buffer.from(await response.arrayBuffer()));
    const all = text.replace(/\s+/g, '');
    for (const expected of [
      '质量奖奖励资金追缴通知书',
      A.name,
      'xinzhou-district第十七条',
      '80,000.00元',
      '60,000.00元',
      '2027-01-31',
    ]) {
      expect([expected, all.includes(expected)]).toEqual([expected, true]);
    }
  });

  it('reminds before the due date and escalates the case as overdue after it (moving the test clock)', async () => {
    // A reminder and an escalation move no money: every figure of the year stays as it was, to the fen.
    const before = await year();
    expect(before).toMatchObject({ receivable: 6_000_000, recovered: 2_000_000, balanced: true });
    await settle('2027-01-23T16:00:01Z');
    await eventually(async () => expect((await theCase()).remindedAt).toBe('2027-01-23T16:00:01.000Z'));
    expect((await theCase()).status).toBe('demanded');
    expect(await year()).toEqual(before);

    await settle('2027-01-31T16:00:01Z');
    const overdue = await eventually(async () => {
      const c = await theCase();
      expect(c.status).toBe('overdue');
      return c;
    });
    expect(overdue.overdueAt).toBe('2027-01-31T16:00:01.000Z');
    expect((overdue.history as Json[]).map((h) => h.action)).toEqual([
      'open',
      'demand',
      'recover',
      'remind',
      'mark_overdue',
    ]);
    expect(await year()).toEqual(before);
  });

  it('an instalment agreement must add up to what is outstanding; the next due date follows the recoveries', async () => {
    const bad = await post(`/clawback-cases/${caseA}/instalment-agreement`, {
      instalments: [{ dueOn: '2027-02-28', amountFen: 1_000_000 }],
      document: '分期还款协议 XZ-1',
    });
    expect(bad.status).toBe(400);
    expect((bad.body.errors as Json[]).map((e) => e.field)).toContain('body.instalments');

    const agreed = ok(
      await post(`/clawback-cases/${caseA}/instalment-agreement`, {
        instalments: [
          { dueOn: '2027-02-28', amountFen: 3_000_000 },
          { dueOn: '2027-03-31', amountFen: 3_000_000 },
        ],
        document: '分期还款协议 XZ-1',
      }),
    );
    expect(agreed).toMatchObject({ status: 'instalments', dueOn: '2027-02-28', overdueAt: null });

    const paid = ok(
      await post(`/clawback-cases/${caseA}/recoveries`, {
        transferId: randomUUID(),
        amountFen: 3_000_000,
        receipt: '缴款书 2027-002',
      }),
      201,
    );
    expect(paid).toMatchObject({ status: 'instalments', dueOn: '2027-03-31', outstandingFen: 3_000_000 });
    expect(await year()).toMatchObject({ receivable: 3_000_000, recovered: 5_000_000 });
  });

  it('writes off the rest only with an approval and a reason; returns what was recovered to the treasury', async () => {
    const transferId = randomUUID();
    const noApproval = await post(`/clawback-cases/${caseA}/write-off`, { transferId, reason: '企业已注销' });
    expect(noApproval.status).toBe(400);
    expect((noApproval.body.errors as Json[]).map((e) => e.field)).toContain('body.approval');
    expect(
      (
        await post(
          `/clawback-cases/${caseA}/write-off`,
          { transferId, reason: '企业已注销', approval: { document: '批复', approvedBy: '区财政局' } },
          office,
        )
      ).status,
    ).toBe(403);

    const writtenOff = ok(
      await post(`/clawback-cases/${caseA}/write-off`, {
        transferId,
        reason: '企业已注销，剩余款项无法追回',
        approval: { document: '信财核〔2027〕3号', approvedBy: '信州区财政局' },
      }),
    );
    expect(writtenOff).toMatchObject({
      status: 'written_off',
      writtenOffFen: 3_000_000,
      outstandingFen: 0,
      writeOff: { approval: '信财核〔2027〕3号', approvedBy: '信州区财政局' },
    });
    expect(await year()).toMatchObject({ receivable: 0, recovered: 5_000_000, writtenOff: 3_000_000 });

    const over = await post(`/clawback-cases/${caseA}/returns`, {
      transferId: randomUUID(),
      amountFen: 5_000_001,
      document: '上缴凭证 1',
    });
    expect(over.status).toBe(422);
    const returned = ok(
      await post(`/clawback-cases/${caseA}/returns`, {
        transferId: randomUUID(),
        amountFen: 5_000_000,
        document: '非税收入缴款书 2027-9',
      }),
      201,
    );
    expect(returned).toMatchObject({ returnedFen: 5_000_000, status: 'written_off' });
    expect(await year()).toMatchObject({ recovered: 5_000_000, returned: 5_000_000, paid: 8_000_000, balanced: true });
  });

  it('the trial balance matches the transfers and balances; A’s statement shows every step', async () => {
    const trial = ok(await call('GET', `${api}/budget-years/2026/trial-balance`, { token: office }));
    expect(trial).toMatchObject({ balanced: true });
    expect((trial.rows as Json[]).every((r) => r.matchesTransfers)).toBe(true);
    expect((trial.totals as Json).debitsPosted).toBe((trial.totals as Json).creditsPosted);

    const statement = ok(await call('GET', `${api}/budget-years/2026/statements/${A.id}`, { token: finance }));
    expect(statement).toMatchObject({
      recipientName: A.name,
      entitled: 8_000_000,
      paid: 0,
      demanded: 8_000_000,
      receivable: 0,
      recovered: 5_000_000,
      writtenOff: 3_000_000,
    });
    expect((statement.lines as Json[]).map((l) => l.code)).toEqual([
      'entitlement_obligated',
      'disbursement',
      'disbursement',
      'disbursement',
      'disbursement',
      'clawback_demanded',
      'recovery',
      'recovery',
      'written_off',
    ]);
  });

  it('the trial balance, A’s statement and the entitlements export as .xlsx that open and whose sums match', async () => {
    const download = async (path: string, token: string) => {
      const response = await fetch(`${sut.gateway.url}${api}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect([path, response.status]).toEqual([path, 200]);
      expect(response.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
      return readXlsx(Buffer.from(await response.arrayBuffer()));
    };
    /** A yuan cell (a number with two decimals) back to integer fen. */
    const fen = (cell: string | undefined) => Math.round(Number(cell) * 100);
    const column = (rows: string[][], header: string) => (rows[0] as string[]).indexOf(header);

    const trial = ok(await call('GET', `${api}/budget-years/2026/trial-balance`, { token: office }));
    const sheet = await download('/budget-years/2026/trial-balance.xlsx', office);
    expect(sheet[0]).toEqual([
      '会计科目',
      '收款单位',
      '借方发生额（元）',
      '贷方发生额（元）',
      '未达借方（元）',
      '未达贷方（元）',
      '余额（元，借方为正）',
      '与分录核对',
    ]);
    const body = sheet.slice(1, -1);
    const total = sheet.at(-1) as string[];
    expect(body).toHaveLength((trial.rows as Json[]).length);
    expect(total.slice(0, 2)).toEqual(['合计', '借贷平衡']);
    const debits = column(sheet, '借方发生额（元）');
    const credits = column(sheet, '贷方发生额（元）');
    expect(fen(total[debits])).toBe((trial.totals as Json).debitsPosted);
    expect(fen(total[credits])).toBe((trial.totals as Json).creditsPosted);
    expect(body.reduce((s, r) => s + fen(r[debits]), 0)).toBe(fen(total[debits]));
    expect(body.reduce((s, r) => s + fen(r[credits]), 0)).toBe(fen(total[credits]));
    expect(body.map((r) => r[0])).toContain('应收追缴款');

    const statement = ok(await call('GET', `${api}/budget-years/2026/statements/${A.id}`, { token: finance }));
    const lines = await download(`/budget-years/2026/statements/${A.id}/statement.xlsx`, finance);
    expect(lines[0]).toEqual(['日期', '借方科目', '贷方科目', '金额（元）', '凭证号', '经办人']);
    expect(lines.slice(1, -1)).toHaveLength((statement.lines as Json[]).length);
    const amount = column(lines, '金额（元）');
    const statementTotal = (statement.lines as Json[]).reduce((s, l) => s + (l.amountFen as number), 0);
    expect(fen((lines.at(-1) as string[])[amount])).toBe(statementTotal);
    expect(lines.slice(1, -1).reduce((s, r) => s + fen(r[amount]), 0)).toBe(statementTotal);

    const entitlements = ok(await call('GET', `${api}/entitlements?budgetYear=2026`, { token: finance }))
      .entitlements as Json[];
    const list = await download('/entitlements.xlsx?budgetYear=2026', finance);
    expect(list[0]?.slice(0, 5)).toEqual(['获奖单位', '届次', '预算年度', '依据', '状态']);
    expect(
      list
        .slice(1, -1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(entitlements.map((e) => e.applicantName).sort());
    const paid = column(list, '已拨付（元）');
    const due = column(list, '应得金额（元）');
    expect(fen((list.at(-1) as string[])[paid])).toBe(entitlements.reduce((s, e) => s + (e.paidFen as number), 0));
    expect(fen((list.at(-1) as string[])[due])).toBe(16_000_000);
    expect((list.at(-1) as string[])[0]).toBe('合计');

    // Money is not for everyone: another tenant's finance is refused the file.
    const refused = await fetch(`${sut.gateway.url}${api}/budget-years/2026/trial-balance.xlsx`, {
      headers: { authorization: `Bearer ${otherFinance}` },
    });
    expect(refused.status).toBe(404);
  });

  it('only finance and the office see money; another tenant sees nothing; bad input is a 400 naming the field', async () => {
    expect((await call('GET', `${api}/clawback-cases`, { token: office })).status).toBe(200);
    expect((await call('GET', `${api}/clawback-cases`, { token: otherFinance })).status).toBe(404);
    const own = ok(await call('GET', '/api/v1/tenants/xinzhou-city/funds/clawback-cases', { token: otherFinance }));
    expect(own.cases).toEqual([]);
    const applicant = (await sut.addUser('xinzhou-district', 'xd-applicant', ['applicant'])).token;
    expect((await call('GET', `${api}/clawback-cases`, { token: applicant })).status).toBe(403);

    for (const [path, body, field] of [
      [
        `/clawback-cases/${caseA}/recoveries`,
        { transferId: randomUUID(), amountFen: 1.5, receipt: 'x' },
        'body.amountFen',
      ],
      [`/clawback-cases/${caseA}/recoveries`, { transferId: 'nope', amountFen: 1, receipt: 'x' }, 'body.transferId'],
      [`/clawback-cases/${caseA}/demand`, { dueOn: 'tomorrow', remindDaysBefore: 7 }, 'body.dueOn'],
      [`/clawback-cases/${caseA}/returns`, { transferId: randomUUID(), amountFen: 1, document: '' }, 'body.document'],
    ] as const) {
      const response = await post(path, body);
      expect([path, response.status]).toEqual([path, 400]);
      expect((response.body.errors as Json[]).map((e) => e.field)).toContain(field);
    }
    expect(await year()).toMatchObject({ receivable: 0, recovered: 5_000_000, returned: 5_000_000 });
  });
});
