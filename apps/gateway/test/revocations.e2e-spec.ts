import { randomUUID } from 'node:crypto';
import { readXlsx } from '@laurel/platform';
import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, creditCodeFor, type Json, startApplicationsPlatform } from './applications.util';
import { titlesOfCycleOne } from './titles.util';

const ILI = '/api/v1/tenants/ili';
const XZD = '/api/v1/tenants/xinzhou-district';
const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };
const EVIDENCE = [{ title: '州纪委监委调查报告', reference: '伊纪查〔2026〕7号' }];

/**
 * Revocation through the gateway with the real awards and applications services: a case on a ground the policy
 * lists, the approving body's act recorded, then exactly the consequences the policy names, each a step with its
 * article (ili 第二十八条第二款: fraud — revoked, certificate and plaque, 10 years, credit record, published;
 * xinzhou-district 第十七条: within half a year only, with a clawback request to funds); the ban refuses the
 * applicant at the next cycle with the article; the credit record public and as .xlsx, cells never formulas.
 * Today is Monday 23 November 2026.
 */
describe('revocation, bans, clawback request and the credit record', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const creditCode = creditCodeFor(4101);

  const tenantIds: Record<string, string> = {};
  const HOSTILE = '=HYPERLINK("http://example.test","点击")';
  let titles: Awaited<ReturnType<typeof titlesOfCycleOne>> = {};
  const titleOf = (name: string) => titles[name]?.titleId as string;
  const outboxOf = async (subjectName: string) =>
    sut.awards.runtime.database.system.$queryRawUnsafe<{ payload: Json }[]>(
      'SELECT payload FROM outbox_message WHERE subject = $1 ORDER BY created_at',
      subjectName,
    );

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'xinzhou-district'] });
    for (const [tenant, username, roles] of [
      ['ili', 'office', ['office']],
      ['xinzhou-district', 'xzd-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    const operator = await sut.login('operator');
    for (const key of ['ili', 'xinzhou-district']) {
      tenantIds[key] = (await call('GET', `/api/v1/tenants/${key}`, { token: operator })).body.id as string;
    }
    // ili: the award was won in cycle 1 (2024); cycle 2 (2026) is open now.
    for (const [api, token, body] of [
      [ILI, tokens.office, { year: 2024, opensOn: '2024-12-20', closesOn: '2025-02-28' }],
      [XZD, tokens['xzd-office'], { year: 2025, opensOn: '2025-03-01', closesOn: '2025-04-30' }],
    ] as const) {
      const opened = await call('POST', `${api}/cycles`, { token, body });
      expect(opened.status).toBe(201);
      expect((await call('POST', `${api}/cycles/1/close`, { token })).status).toBe(200);
    }
    // Titles of cycle 1 through the government's approval, awarded on 1 June 2025.
    titles = {
      ...(await titlesOfCycleOne(
        sut,
        { key: 'ili', id: tenantIds.ili as string, office: tokens.office as string },
        [
          { name: '伊犁甲公司', code: 4101 },
          { name: HOSTILE, code: 4102 },
          { name: '伊犁丁公司', code: 4105 },
        ],
        { approvingBody: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政发〔2025〕3号', decidedOn: '2025-06-01' },
      )),
      ...(await titlesOfCycleOne(
        sut,
        {
          key: 'xinzhou-district',
          id: tenantIds['xinzhou-district'] as string,
          office: tokens['xzd-office'] as string,
        },
        [
          { name: '信州甲公司', code: 4103 },
          { name: '信州乙公司', code: 4104 },
        ],
        { approvingBody: '上饶市信州区人民政府', documentNumber: '信府字〔2025〕9号', decidedOn: '2025-06-01' },
      )),
    };
    const next = await call('POST', `${ILI}/cycles`, {
      token: tokens.office,
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
    });
    expect(next.status).toBe(201);
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('refuses bad input with a 400 naming the field: the body’s, an unknown title', async () => {
    const missing = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: {
        titleId: randomUUID(),
        ground: 'fraud_or_bribery',
        eventOn: '2026-11-10',
        description: '行贿',
        evidence: [],
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    expect((missing.body.errors as Json[]).map((e) => e.field)).toEqual(['body.evidence']);
    const badGround = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: { titleId: randomUUID(), ground: 'rudeness', eventOn: '2026-11-10', description: 'x', evidence: EVIDENCE },
    });
    expect(badGround.status).toBe(400);
    expect((badGround.body.errors as Json[]).map((e) => e.field)).toEqual(['body.ground']);
    const noTitle = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: {
        titleId: randomUUID(),
        ground: 'fraud_or_bribery',
        eventOn: '2026-11-10',
        description: '行贿',
        evidence: EVIDENCE,
      },
    });
    expect(noTitle.status).toBe(400);
    expect((noTitle.body.errors as Json[]).map((e) => e.field)).toEqual(['titleId']);
    expect(((await call('GET', `${ILI}/revocations`, { token: tokens.office })).body.cases as Json[]).length).toBe(0);
  });

  let iliCase: Json;

  it('ili fraud: the approving body recorded, then exactly 第二十八条第二款’s consequences, each a step', async () => {
    const titleId = titleOf('伊犁甲公司');
    const opened = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: {
        titleId,
        ground: 'fraud_or_bribery',
        eventOn: '2026-11-10',
        description: '申报期间向评审人员行贿',
        evidence: EVIDENCE,
      },
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      status: 'opened',
      approval: null,
      steps: [],
      policyVersion: 1,
      subject: {
        titleId,
        applicantName: '伊犁甲公司',
        identity: { kind: 'organisation', creditCode },
        awardedOn: '2025-06-01',
      },
    });
    const evaluation = opened.body.evaluation as Json;
    expect(evaluation.outcome).toBe('consequences');
    expect((evaluation.consequences as Json[]).map((c) => `${c.kind}:${c.basis}`)).toEqual([
      'revoke:ili 第二十八条第二款',
      'recover_certificate_and_plaque:ili 第二十八条第二款',
      'ban:ili 第二十八条第二款',
      'credit_record:ili 第二十八条第二款',
      'publish:ili 第二十八条第二款',
    ]);
    const id = opened.body.id as string;

    const badApproval = await call('POST', `${ILI}/revocations/${id}/approve`, {
      token: tokens.office,
      body: { body: '伊犁哈萨克自治州人民政府', approvedOn: '2026-11-23' },
    });
    expect(badApproval.status).toBe(400);
    expect((badApproval.body.errors as Json[]).map((e) => e.field)).toEqual(['body.documentNumber']);

    const approved = await call('POST', `${ILI}/revocations/${id}/approve`, {
      token: tokens.office,
      body: { body: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政函〔2026〕88号', approvedOn: '2026-11-23' },
    });
    expect(approved.status).toBe(200);
    iliCase = approved.body;
    expect(approved.body).toMatchObject({
      status: 'applied',
      approval: { body: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政函〔2026〕88号', approvedOn: '2026-11-23' },
    });
    const steps = approved.body.steps as Json[];
    expect(steps.map((s) => `${s.position}:${s.kind}:${s.basis}`)).toEqual([
      '1:revoke:ili 第二十八条第二款',
      '2:recover_certificate_and_plaque:ili 第二十八条第二款',
      '3:ban:ili 第二十八条第二款',
      '4:credit_record:ili 第二十八条第二款',
      '5:publish:ili 第二十八条第二款',
    ]);
    expect(steps[0]?.detail).toMatchObject({
      titleStatus: 'revoked',
      decision: '伊犁哈萨克自治州人民政府 伊州政函〔2026〕88号',
    });
    expect(steps[2]?.detail).toEqual({ unit: 'years', count: 10, startYear: 2026, allowedFromYear: 2036 });
    expect(steps[3]?.detail).toMatchObject({ system: '国家企业信用信息公示系统（新疆）', creditCode });
    const title = await call('GET', `${ILI}/titles/${titleId}`, { token: tokens.office });
    expect(title.body.status).toBe('revoked');
    expect((title.body.history as Json[]).at(-1)).toMatchObject({
      action: 'revoke',
      from: 'active',
      to: 'revoked',
      reason: '伊犁哈萨克自治州人民政府 伊州政函〔2026〕88号',
      basis: 'ili 第二十八条第二款',
    });
    // A revoked title is not revoked twice.
    const twice = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: { titleId, ground: 'title_misuse', eventOn: '2026-11-20', description: '再犯', evidence: EVIDENCE },
    });
    expect(twice.status).toBe(409);
    // ili names no clawback: none is requested.
    expect(await outboxOf('awards.clawback.requested.v1')).toEqual([]);

    const again = await call('POST', `${ILI}/revocations/${id}/approve`, {
      token: tokens.office,
      body: { body: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政函〔2026〕88号', approvedOn: '2026-11-23' },
    });
    expect(again.status).toBe(409);
    const bans = await call('GET', `${ILI}/bans`, { token: tokens.office });
    expect(bans.body.bans).toEqual([
      expect.objectContaining({
        caseId: id,
        allowedFromYear: 2036,
        basis: 'ili 第二十八条第二款',
        unit: 'years',
        count: 10,
      }),
    ]);
  });

  it('the banned applicant is refused at the next cycle with the article', async () => {
    const refused = await call('POST', `${ILI}/applications`, {
      token: tokens.office,
      body: { applicantId: titles['伊犁甲公司']?.applicantId, cycleNumber: 2, facts: ELIGIBLE_FACTS },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.basis).toBe('ili 第二十八条第二款');
    expect(refused.body.detail).toMatch(/10年内不得申报/);
    expect(refused.body.allowedFrom).toEqual({ cycle: 7, year: 2036 });
  });

  it('a title won in cycle 1 (2024) holds its winner back five years (ili 第二十四条); the revoked title above counted only through its ban', async () => {
    const refused = await call('POST', `${ILI}/applications`, {
      token: tokens.office,
      body: { applicantId: titles['伊犁丁公司']?.applicantId, cycleNumber: 2, facts: ELIGIBLE_FACTS },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.basis).toBe('ili 第二十四条');
  });

  it('another jurisdiction’s office sees a cross-tenant flag (tenant, kind, until, article) but no file', async () => {
    const xzdCycle = await call('POST', `${XZD}/cycles`, {
      token: tokens['xzd-office'],
      body: { year: 2026, opensOn: '2026-11-01', closesOn: '2026-12-31' },
    });
    expect(xzdCycle.status).toBe(201);
    const registered = await call('POST', `${XZD}/applicants`, {
      token: tokens['xzd-office'],
      body: { kind: 'organisation', name: '伊犁甲公司信州分公司', creditCode, legalForm: 'legal_person' },
    });
    expect(registered.status).toBe(201);
    const flags = [
      { tenantKey: 'ili', kind: 'ban', untilYear: 2036, article: 'ili 第二十八条第二款', recordedOn: '2026-11-23' },
      {
        tenantKey: 'ili',
        kind: 'revocation',
        untilYear: null,
        article: 'ili 第二十八条第二款',
        recordedOn: '2026-11-23',
      },
    ];
    expect(registered.body.crossTenantFlags).toEqual(flags);
    // At application (and again at formal review) the ban check carries the flags; ili's ban refuses nothing here.
    const application = await call('POST', `${XZD}/applications`, {
      token: tokens['xzd-office'],
      body: { applicantId: registered.body.id, cycleNumber: 2, facts: {} },
    });
    expect(application.status).toBe(201);
    expect((application.body.banChecks as Json[])[0]).toMatchObject({
      step: 'application',
      outcome: 'allowed',
      crossTenantFlags: flags,
    });
    const seen = JSON.stringify([registered.body, application.body]);
    expect(seen).not.toMatch(/伊纪查|行贿|伊州政函|titleId/);
    expect(seen).not.toContain(iliCase.id as string);
    // The file stays with ili.
    expect((await call('GET', `${XZD}/revocations/${iliCase.id}`, { token: tokens['xzd-office'] })).status).toBe(404);
  });

  it('the credit record: public, without evidence or ID numbers; as .xlsx with formula-like cells escaped', async () => {
    // A second fraud case whose registered name starts like a formula (what an applicant typed is never run).
    const hostile = HOSTILE;
    const opened = await call('POST', `${ILI}/revocations`, {
      token: tokens.office,
      body: {
        titleId: titleOf(HOSTILE),
        ground: 'fraud_or_bribery',
        eventOn: '2026-11-12',
        description: '伪造检测报告',
        evidence: EVIDENCE,
      },
    });
    expect(opened.status).toBe(201);
    const approved = await call('POST', `${ILI}/revocations/${opened.body.id}/approve`, {
      token: tokens.office,
      body: { body: '伊犁哈萨克自治州人民政府', documentNumber: '伊州政函〔2026〕89号', approvedOn: '2026-11-23' },
    });
    expect(approved.status).toBe(200);

    const record = await call('GET', '/api/v1/public/ili/credit-record');
    expect(record.status).toBe(200);
    const entries = record.body.entries as Json[];
    expect(entries).toContainEqual({
      applicantName: '伊犁甲公司',
      creditCode,
      decision: '伊犁哈萨克自治州人民政府 伊州政函〔2026〕88号',
      decidedOn: '2026-11-23',
      basis: 'ili 第二十八条第二款',
      system: '国家企业信用信息公示系统（新疆）',
    });
    expect(JSON.stringify(record.body)).not.toMatch(/伊纪查|行贿|evidence/);
    expect((await call('GET', '/api/v1/public/nowhere/credit-record')).status).toBe(404);

    const response = await fetch(`${sut.gateway.url}${ILI}/credit-record.xlsx`, {
      headers: { authorization: `Bearer ${tokens.office}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await readXlsx(Buffer.from(await response.arrayBuffer()));
    expect(rows[0]).toEqual(['统一社会信用代码', '名称', '撤销决定', '决定日期', '依据', '信用系统']);
    expect(rows).toContainEqual([
      creditCode,
      '伊犁甲公司',
      '伊犁哈萨克自治州人民政府 伊州政函〔2026〕88号',
      '2026-11-23',
      'ili 第二十八条第二款',
      '国家企业信用信息公示系统（新疆）',
    ]);
    const hostileRow = rows.find((row) => row[0] === creditCodeFor(4102));
    expect(hostileRow?.[1]).toBe(`'${hostile}`);
    expect(rows.flat().some((cell) => cell.startsWith('='))).toBe(false);
    // Only staff export it.
    expect((await fetch(`${sut.gateway.url}${ILI}/credit-record.xlsx`)).status).toBe(401);
    expect(iliCase.id).toBeDefined();
  });

  it('xinzhou-district 第十七条: within half a year a clawback request with its window; after it, no consequence and why', async () => {
    const within = await call('POST', `${XZD}/revocations`, {
      token: tokens['xzd-office'],
      body: {
        titleId: titleOf('信州甲公司'),
        ground: 'failed_spot_check',
        eventOn: '2025-10-15',
        description: '监督抽查不合格',
        evidence: [{ title: '抽查结果通报', reference: '信市监〔2025〕31号' }],
      },
    });
    expect(within.status).toBe(201);
    const applied = await call('POST', `${XZD}/revocations/${within.body.id}/approve`, {
      token: tokens['xzd-office'],
      body: { body: '上饶市信州区人民政府', documentNumber: '信府字〔2026〕5号', approvedOn: '2026-11-20' },
    });
    expect(applied.status).toBe(200);
    expect((applied.body.steps as Json[]).map((s) => `${s.kind}:${s.basis}`)).toEqual([
      'revoke:xinzhou-district 第十七条',
      'recover_certificate_and_plaque:xinzhou-district 第十七条',
      'clawback:xinzhou-district 第十七条',
      'ban:xinzhou-district 第十七条',
      'publish:xinzhou-district 第十七条',
    ]);
    const requests = await outboxOf('awards.clawback.requested.v1');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.payload).toMatchObject({
      revocationId: within.body.id,
      applicantName: '信州甲公司',
      awardedOn: '2025-06-01',
      revokedOn: '2026-11-20',
      consequenceBasis: 'xinzhou-district 第十七条',
      window: { months: 6, from: 'award' },
    });

    const late = await call('POST', `${XZD}/revocations`, {
      token: tokens['xzd-office'],
      body: {
        titleId: titleOf('信州乙公司'),
        ground: 'failed_spot_check',
        eventOn: '2026-03-01',
        description: '监督抽查不合格',
        evidence: [{ title: '抽查结果通报', reference: '信市监〔2026〕9号' }],
      },
    });
    expect(late.status).toBe(201);
    const evaluation = late.body.evaluation as Json;
    expect(evaluation.outcome).toBe('none');
    expect(evaluation.consequences).toEqual([]);
    expect((evaluation.rules as Json[])[0]).toMatchObject({
      basis: 'xinzhou-district 第十七条',
      applies: false,
      reason: { zh: '事件（2026-03-01）不在获奖后6个月内（至2025-12-01）' },
    });
    const refused = await call('POST', `${XZD}/revocations/${late.body.id}/approve`, {
      token: tokens['xzd-office'],
      body: { body: '上饶市信州区人民政府', documentNumber: '信府字〔2026〕6号', approvedOn: '2026-11-20' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/6个月内/);
    const dismissed = await call('POST', `${XZD}/revocations/${late.body.id}/dismiss`, {
      token: tokens['xzd-office'],
      body: { reason: '超过第十七条规定的半年期限' },
    });
    expect(dismissed.body).toMatchObject({
      status: 'dismissed',
      dismissalReason: '超过第十七条规定的半年期限',
      steps: [],
    });
    expect(await outboxOf('awards.clawback.requested.v1')).toHaveLength(1);
    // Another tenant's office sees none of ili's cases.
    const other = await call('GET', `${XZD}/revocations/${iliCase.id}`, { token: tokens['xzd-office'] });
    expect(other.status).toBe(404);
  });
});
