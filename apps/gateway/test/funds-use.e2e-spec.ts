import { randomUUID } from 'node:crypto';
import { eventually, TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { grantTitle } from './post-award.util';

const IM = '/api/v1/tenants/inner-mongolia';
const FUNDS = `${IM}/funds`;

/**
 * Restricted use of award money through the gateway and the real services (inner-mongolia 第十九条): the approval
 * recorded in awards obligates the winner's 1,000,000-yuan grant in funds (budget year after the award, 第四条), an
 * instalment is paid; the winner reports its use by the policy's purposes in the applicant portal's routes; finance
 * queries it, the winner corrects and resubmits, finance accepts; finance records the grant's performance evaluation
 * and the awards service marks the winner's requested-evaluation duty fulfilled. Hostile input and strangers (another
 * applicant, another tenant) are refused.
 */
describe('funds: restricted use of the grant and its performance evaluation (inner-mongolia)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-12-01T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  let office: string;
  let finance: string;
  let winner: string;
  let stranger: string;
  let foreignApplicant: string;
  let applicantId: string;
  let titleId: string;
  let entitlementId: string;

  const ok = (response: { status: number; body: Json }, status = 200) => {
    if (response.status !== status) throw new Error(`${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const fields = (body: Json) => ((body.errors as Json[] | undefined) ?? []).map((f) => f.field);
  const lines = [
    { purpose: 'quality_research', amountFen: 30_000_000, description: '关键工序质量攻关项目' },
    { purpose: 'laboratories', amountFen: 15_000_000, description: '计量检测实验室设备' },
  ];

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['inner-mongolia', 'xinzhou-city'], funds: true });
    office = (await sut.addUser('inner-mongolia', 'im-office', ['office'])).token;
    finance = (await sut.addUser('inner-mongolia', 'im-finance', ['finance'])).token;
    winner = (await sut.addUser('inner-mongolia', 'im-winner', ['applicant'])).token;
    stranger = (await sut.addUser('inner-mongolia', 'im-stranger', ['applicant'])).token;
    foreignApplicant = (await sut.addUser('xinzhou-city', 'xzc-applicant', ['applicant'])).token;
    applicantId = ok(
      await call('POST', `${IM}/applicants`, {
        token: winner,
        body: {
          kind: 'organisation',
          name: '内蒙古某某乳业股份有限公司',
          creditCode: creditCodeFor(31),
          legalForm: 'legal_person',
        },
      }),
      201,
    ).id as string;
    ok(
      await call('POST', `${IM}/applicants`, {
        token: stranger,
        body: {
          kind: 'organisation',
          name: '内蒙古另一公司',
          creditCode: creditCodeFor(32),
          legalForm: 'legal_person',
        },
      }),
      201,
    );
    ok(
      await call('POST', `${FUNDS}/appropriations`, {
        token: finance,
        body: { transferId: randomUUID(), budgetYear: 2027, amountFen: 300_000_000, document: '内财预〔2027〕12号' },
      }),
      201,
    );
    titleId = await grantTitle(sut, clock, {
      tenant: 'inner-mongolia',
      office,
      applicantId,
      name: '内蒙古某某乳业股份有限公司',
      decidedOn: '2026-12-01',
      documentNumber: '内政发〔2026〕88号',
    });
    entitlementId = await eventually(async () => {
      const list = ok(await call('GET', `${FUNDS}/entitlements?budgetYear=2027`, { token: finance }))
        .entitlements as Json[];
      expect(list).toHaveLength(1);
      return (list[0] as Json).id as string;
    });
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('nothing paid yet: no use to report', async () => {
    const refused = await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, {
      token: winner,
      body: { lines },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ reason: 'nothing_paid', field: 'entitlementId' });
  });

  it('an instalment is paid; the winner sees its entitlement with the purposes of 第十九条', async () => {
    const id = randomUUID();
    ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/disbursements`, {
        token: finance,
        body: { transferId: id, amountFen: 50_000_000, voucher: '内财付〔2027〕3号' },
      }),
      201,
    );
    ok(
      await call('POST', `${FUNDS}/disbursements/${id}/confirm`, {
        token: finance,
        body: { transferId: randomUUID(), treasuryReference: '国库集中支付 2027-0101' },
      }),
    );
    const own = ok(await call('GET', `${FUNDS}/use-reports?applicantId=${applicantId}`, { token: winner }))
      .items as Json[];
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({
      entitlement: { id: entitlementId, amountFen: 100_000_000, paidFen: 50_000_000, budgetYear: 2027 },
      rules: { restricted: true, otherAllowed: false, performanceEvaluation: true, basis: '第十九条' },
      report: null,
      evaluation: null,
    });
    expect(((own[0] as Json).rules as Json).purposes).toHaveLength(5);
  });

  it('refuses hostile input with the field and the reason, and keeps nothing of it', async () => {
    const put = (body: unknown) =>
      call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, { token: winner, body: body as Json });
    const unknown = await put({ lines: [{ purpose: 'dividends', amountFen: 100, description: '股东分红' }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ basis: '第十九条' });
    expect(fields(unknown.body)).toEqual(['body.lines[0].purpose']);
    expect(JSON.stringify(unknown.body)).toContain('不得挪作他用');

    const other = await put({ lines: [{ purpose: 'other', amountFen: 100, description: '其他' }] });
    expect(other.status).toBe(422);

    const over = await put({
      lines: [...lines, { purpose: 'promotion', amountFen: 5_000_001, description: '质量管理经验交流会' }],
    });
    expect(over.status).toBe(422);
    expect(fields(over.body)).toEqual(['body.lines']);
    expect(JSON.stringify(over.body)).toContain('超过已拨付的 500,000.00 元');

    for (const [body, field] of [
      [{ lines: [{ purpose: 'promotion', amountFen: -1, description: '宣传' }] }, 'body.lines[0].amountFen'],
      [{ lines: [{ purpose: 'promotion', amountFen: 1.5, description: '宣传' }] }, 'body.lines[0].amountFen'],
      [{ lines: [{ purpose: 'promotion', amountFen: '100', description: '宣传' }] }, 'body.lines[0].amountFen'],
      [{ lines: [{ purpose: 'promotion', amountFen: 100, description: ' ' }] }, 'body.lines[0].description'],
      [{ lines: [] }, 'body.lines'],
      [{ lines: [{ purpose: 'promotion', amountFen: 100, description: '宣传', extra: 1 }] }, 'body.lines[0].extra'],
    ] as const) {
      const refused = await put(body);
      expect(refused.status).toBe(400);
      expect(fields(refused.body)).toContain(field);
    }
    const view = ok(await call('GET', `${FUNDS}/entitlements/${entitlementId}/use`, { token: winner }));
    expect(view.report).toBeNull();
    // Nothing to submit, and finance cannot decide what does not exist.
    const submit = await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/submission`, {
      token: winner,
    });
    expect(submit.status).toBe(409);
    expect(submit.body).toMatchObject({ reason: 'wrong_state' });
  });

  it('strangers see nothing: another applicant and another tenant get 404; the applicant cannot decide', async () => {
    expect((await call('GET', `${FUNDS}/entitlements/${entitlementId}/use`, { token: stranger })).status).toBe(404);
    expect(
      (await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, { token: stranger, body: { lines } }))
        .status,
    ).toBe(404);
    expect((await call('GET', `${FUNDS}/use-reports?applicantId=${applicantId}`, { token: stranger })).status).toBe(
      404,
    );
    expect((await call('GET', `${FUNDS}/use-reports`, { token: stranger })).status).toBe(404);
    const foreign = '/api/v1/tenants/xinzhou-city/funds';
    const xzcFinance = (await sut.addUser('xinzhou-city', 'xzc-finance', ['finance'])).token;
    expect((await call('GET', `${foreign}/entitlements/${entitlementId}/use`, { token: xzcFinance })).status).toBe(404);
    expect(ok(await call('GET', `${foreign}/use-reports`, { token: xzcFinance })).items).toEqual([]);
    expect(
      (
        await call('PUT', `${foreign}/entitlements/${entitlementId}/use-report`, {
          token: foreignApplicant,
          body: { lines },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/acceptance`, { token: winner, body: {} }))
        .status,
    ).toBe(403);
    expect(
      (await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, { token: finance, body: { lines } }))
        .status,
    ).toBe(403);
  });

  it('reported, queried with reasons, corrected and resubmitted, accepted: each step with who and when', async () => {
    const drafted = ok(
      await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, { token: winner, body: { lines } }),
    );
    expect(drafted.report).toMatchObject({ status: 'draft', totalFen: 45_000_000 });
    const submitted = ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/submission`, { token: winner }),
    );
    expect(submitted.report).toMatchObject({ status: 'submitted' });
    // Submitted: the winner cannot change it until finance decides.
    const locked = await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, {
      token: winner,
      body: { lines },
    });
    expect(locked.status).toBe(409);

    const listed = ok(await call('GET', `${FUNDS}/use-reports?status=submitted`, { token: office })).items as Json[];
    expect(listed.map((item) => (item.entitlement as Json).id)).toEqual([entitlementId]);
    expect(
      (
        await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/query`, {
          token: office,
          body: { reasons: ['x'] },
        })
      ).status,
    ).toBe(403);
    const emptyQuery = await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/query`, {
      token: finance,
      body: { reasons: [] },
    });
    expect(emptyQuery.status).toBe(400);
    expect(fields(emptyQuery.body)).toEqual(['body.reasons']);

    const queried = ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/query`, {
        token: finance,
        body: { reasons: ['实验室设备请附采购合同与发票'] },
      }),
    );
    expect(queried.report).toMatchObject({
      status: 'queried',
      queryReasons: ['实验室设备请附采购合同与发票'],
      decidedBy: 'im-finance',
    });
    const accept = await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/acceptance`, {
      token: finance,
      body: {},
    });
    expect(accept.status).toBe(409);

    const corrected = ok(
      await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, {
        token: winner,
        body: {
          lines: [
            lines[0],
            { ...lines[1], description: '计量检测实验室设备（采购合同 NM-2027-015，发票号 0451）' },
            { purpose: 'staff_training', amountFen: 5_000_000, description: '全员质量素质培训' },
          ],
        },
      }),
    );
    expect(corrected.report).toMatchObject({ status: 'queried', totalFen: 50_000_000 });
    const resubmitted = ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/submission`, { token: winner }),
    );
    expect(resubmitted.report).toMatchObject({ status: 'resubmitted' });
    const accepted = ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/use-report/acceptance`, {
        token: finance,
        body: { note: '资金使用符合第十九条规定' },
      }),
    );
    const report = accepted.report as Json;
    expect(report).toMatchObject({ status: 'accepted', decidedBy: 'im-finance', totalFen: 50_000_000 });
    expect((report.history as Json[]).map((step) => [step.action, step.to, step.actor])).toEqual([
      ['draft', 'draft', 'im-winner'],
      ['submit', 'submitted', 'im-winner'],
      ['query', 'queried', 'im-finance'],
      ['edit', 'queried', 'im-winner'],
      ['resubmit', 'resubmitted', 'im-winner'],
      ['accept', 'accepted', 'im-finance'],
    ]);
    expect((report.lines as Json[]).map((line) => (line.purposeName as Json).zh)).toEqual([
      '质量技术攻关',
      '实验室建设',
      '员工质量素质提升',
    ]);
    // Accepted is final.
    const again = await call('PUT', `${FUNDS}/entitlements/${entitlementId}/use-report`, {
      token: winner,
      body: { lines },
    });
    expect(again.status).toBe(409);
  });

  it('finance records the performance evaluation once; the awards service marks the duty fulfilled', async () => {
    const body = {
      rating: 'good',
      score: 86,
      conclusion: '资金使用规范，质量攻关项目按期完成',
      evaluator: '自治区市场监督管理局（领导小组办公室）',
      evaluatedOn: '2026-11-30',
      document: '内市监绩评〔2026〕5号',
    };
    const future = await call('POST', `${FUNDS}/entitlements/${entitlementId}/performance-evaluation`, {
      token: finance,
      body: { ...body, evaluatedOn: '2027-01-01' },
    });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual(['body.evaluatedOn']);
    const badRating = await call('POST', `${FUNDS}/entitlements/${entitlementId}/performance-evaluation`, {
      token: finance,
      body: { ...body, rating: 'splendid' },
    });
    expect(badRating.status).toBe(400);
    expect(fields(badRating.body)).toEqual(['body.rating']);
    expect(
      (
        await call('POST', `${FUNDS}/entitlements/${entitlementId}/performance-evaluation`, {
          token: winner,
          body,
        })
      ).status,
    ).toBe(403);

    const recorded = ok(
      await call('POST', `${FUNDS}/entitlements/${entitlementId}/performance-evaluation`, { token: finance, body }),
      201,
    );
    expect(recorded.evaluation).toMatchObject({
      rating: 'good',
      score: 86,
      basis: '第十九条',
      recordedBy: 'im-finance',
    });
    const twice = await call('POST', `${FUNDS}/entitlements/${entitlementId}/performance-evaluation`, {
      token: finance,
      body,
    });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ reason: 'already_recorded' });

    const duty = await eventually(async () => {
      const duties = ok(await call('GET', `${IM}/duties?titleId=${titleId}`, { token: office })).items as Json[];
      const evaluation = duties.find((candidate) => candidate.kind === 'requested_evaluation');
      expect(evaluation).toMatchObject({ status: 'submitted', basis: '第十九条' });
      return evaluation as Json;
    });
    expect(duty.submission).toContain('内市监绩评〔2026〕5号');
    // The winner reads its evaluation too.
    const own = ok(await call('GET', `${FUNDS}/entitlements/${entitlementId}/use`, { token: winner }));
    expect(own.evaluation).toMatchObject({ rating: 'good', document: '内市监绩评〔2026〕5号' });
  });
});
