import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EventEnvelope, SERVICES } from '@laurel/contracts';
import { bootstrapService, type RunningService, type ServiceDefinition } from '@laurel/platform';
import { type LaunchPolicyKey, loadLaunchPolicy } from '@laurel/policy';
import { eventually, TestClock, TestInfrastructure } from '@laurel/testing';
import { AckPolicy } from '@nats-io/jetstream';
import { type RunningGateway, seedOperator, startGateway } from '../src/gateway-app';

const OPERATOR = { username: 'operator', password: 'operator-password-1' };
const PUBLIC_LIMIT = 150;

// Loaded by path, not imported: the gateway's typecheck must not depend on the objections app's generated client.
const { objectionsService } = require(
  path.resolve(__dirname, '../../objections/src/objections.service-definition'),
) as {
  objectionsService: (options: { env?: Record<string, string> }) => ServiceDefinition;
};

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const png = (filename: string) => ({ filename, contentType: 'image/png', contentBase64: PNG });
const pdf = {
  filename: 'evidence.pdf',
  contentType: 'application/pdf',
  contentBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64'),
};
const person = {
  kind: 'person',
  name: '张三',
  phone: '13812345678',
  address: '伊宁市解放路 1 号',
  idNumber: '11010519491231002X',
  identityProof: png('id.png'),
  signature: png('signature.png'),
};

const rulesOf = (key: LaunchPolicyKey) => {
  const policy = loadLaunchPolicy(key);
  return {
    policyKey: policy.key,
    policyVersion: policy.version,
    objections: policy.objections,
    reports: policy.reports,
    notices: policy.procedure.notices,
  };
};

type Json = Record<string, unknown>;

/**
 * The objections service through the gateway: notices open and close on their computed deadline, objections are
 * filed by the public with identity, examined, investigated and decided; outcomes reach JetStream; reports keep
 * the reporter hidden; the public endpoints survive hostile input and are rate-limited; tenants see only their own.
 */
describe('objections through the gateway', () => {
  let infra: TestInfrastructure;
  let objections: RunningService;
  let gateway: RunningGateway;
  let filesDir: string;
  // Monday 28 September 2026, 10:00 in Shanghai; National Day runs 1–7 October. The gateway keeps real time.
  const clock = new TestClock('2026-09-28T02:00:00Z');
  let publicCalls = 0;

  const call = async (
    method: string,
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) => {
    if (url.startsWith('/api/v1/public/')) publicCalls += 1;
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${gateway.url}${url}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: Json = {};
    try {
      body = text ? (JSON.parse(text) as Json) : {};
    } catch {
      body = { text };
    }
    return { status: response.status, headers: response.headers, body, text };
  };
  const login = async (username: string) =>
    (
      await call('POST', '/api/v1/auth/login', {
        body: { username, password: username === OPERATOR.username ? OPERATOR.password : 'a-long-password' },
      })
    ).body.accessToken as string;
  const settle = async (to: string) => {
    await clock.set(to);
    await objections.runtime.jobs.reschedule();
  };

  let operator: string;
  let office: string;
  let supervisor: string;
  let linxiaOffice: string;
  let linxiaSupervisor: string;
  let imOffice: string;
  let imSupervisor: string;
  let noticeId: string;
  let entries: { id: string; subjectName: string }[];

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-objections-e2e-'));
    const env = infra.env({ LAUREL_OBJECTIONS_FILES_DIR: filesDir });
    objections = await bootstrapService(objectionsService({ env }), { env, clock });
    gateway = await startGateway({
      env: infra.env({
        LAUREL_JWT_SECRET: 'test-secret-test-secret-test-secret-1234',
        LAUREL_HTTP_PORT: '0',
        LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT),
      }),
      services: SERVICES.filter((s) => s === 'objections'),
    });
    await seedOperator(gateway, OPERATOR.username, OPERATOR.password);
    operator = await login(OPERATOR.username);
    for (const [key, divisionCode] of [
      ['ili', '654000'],
      ['linxia', '622921'],
      ['inner-mongolia', '150000'],
    ] as const) {
      const created = await call('POST', '/api/v1/tenants', {
        token: operator,
        body: { key, nameZh: `${key} 质量奖`, nameEn: `${key} Quality Award`, level: 'prefecture', divisionCode },
      });
      expect(created.status).toBe(201);
      const rules = await call('PUT', `/api/v1/tenants/${key}/objection-rules`, {
        token: operator,
        body: rulesOf(key),
      });
      expect(rules.status).toBe(200);
    }
    for (const [key, username, roles] of [
      ['ili', 'ili-office', ['office']],
      ['ili', 'ili-supervisor', ['supervisor']],
      ['linxia', 'linxia-office', ['office']],
      ['linxia', 'linxia-supervisor', ['supervisor']],
      ['inner-mongolia', 'im-office', ['office']],
      ['inner-mongolia', 'im-supervisor', ['supervisor']],
    ] as const) {
      const created = await call('POST', `/api/v1/tenants/${key}/users`, {
        token: operator,
        body: { username, password: 'a-long-password', displayName: username, roles },
      });
      expect(created.status).toBe(201);
    }
    office = await login('ili-office');
    supervisor = await login('ili-supervisor');
    linxiaOffice = await login('linxia-office');
    linxiaSupervisor = await login('linxia-supervisor');
    imOffice = await login('im-office');
    imSupervisor = await login('im-supervisor');
  });
  afterAll(async () => {
    await gateway?.close();
    await objections?.close();
    await infra?.dispose();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('refuses a notice dated so far back that its period is already over', async () => {
    const backdated = await call('POST', '/api/v1/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title: '补登的公示',
        publishedOn: '2025-01-02',
        entries: [{ subjectKind: 'organisation', subjectId: 'app-z', subjectName: '丙公司', proposal: '拟授予质量奖' }],
      },
    });
    expect(backdated.status).toBe(400);
    expect(backdated.body.errors).toEqual([expect.objectContaining({ field: 'body.publishedOn' })]);
  });

  it('the office opens a notice; its deadline is computed across National Day; the public reads it', async () => {
    const opened = await call('POST', '/api/v1/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title: '第一届伊犁州质量奖拟授奖名单公示',
        publishedOn: '2026-09-25',
        entries: [
          {
            subjectKind: 'organisation',
            subjectId: 'app-a',
            subjectName: '甲公司',
            proposal: '拟授予质量奖',
            recommender: { name: '州工信局' },
          },
          { subjectKind: 'organisation', subjectId: 'app-b', subjectName: '乙公司', proposal: '拟授予质量奖' },
        ],
      },
    });
    expect(opened.status).toBe(201);
    // 5 working days from Friday 25 September: 28, 29, 30 September, 8 and 9 October.
    expect(opened.body.deadline).toMatchObject({
      lastDay: '2026-10-09',
      closesAt: '2026-10-09T16:00:00.000Z',
      provisional: false,
    });
    noticeId = opened.body.id as string;
    entries = opened.body.entries as { id: string; subjectName: string }[];

    const listed = await call('GET', '/api/v1/public/ili/notices');
    expect(listed.status).toBe(200);
    expect((listed.body.notices as Json[]).map((n) => n.id)).toContain(noticeId);
    const one = await call('GET', `/api/v1/public/ili/notices/${noticeId}`);
    expect(one.status).toBe(200);
    expect(one.body.entries).toEqual(
      entries.map((e) => ({ id: e.id, subjectName: e.subjectName, proposal: '拟授予质量奖' })),
    );
    expect(JSON.stringify(one.body)).not.toContain('app-a');
    expect(one.body.howToObject).toMatchObject({ open: true, identity: { basis: 'ili 第十八条' } });
  });

  const receipts: string[] = [];

  it('refuses an objection without identity with 400 and the article; takes one with identity and a receipt number', async () => {
    const url = `/api/v1/public/ili/notices/${noticeId}/objections`;
    const anonymous = await call('POST', url, {
      body: { entryId: entries[0]?.id, grounds: '该单位近三年发生重大质量事故。', evidence: [pdf] },
    });
    expect(anonymous.status).toBe(400);
    expect(anonymous.headers.get('content-type')).toMatch(/problem\+json/);
    expect(anonymous.body).toMatchObject({
      basis: 'ili 第十八条',
      errors: [expect.objectContaining({ field: 'body.objector' })],
    });

    for (const entry of [entries[0], entries[0], entries[1]]) {
      const filed = await call('POST', url, {
        body: { entryId: entry?.id, objector: person, grounds: '该单位近三年发生重大质量事故。', evidence: [pdf] },
      });
      expect(filed.status).toBe(201);
      expect(filed.body.examination).toMatchObject({ lastDay: '2026-10-08' });
      receipts.push(filed.body.receiptNumber as string);
    }
    const tracked = await call('GET', `/api/v1/public/ili/objections/${receipts[0]}`);
    expect(tracked.body).toMatchObject({ status: 'received', receiptIssued: false, subjectName: '甲公司' });
  });

  const objectionId = async (receipt: string) => {
    const listed = await call('GET', '/api/v1/tenants/ili/objections', { token: office });
    return (listed.body.objections as Json[]).find((o) => o.receiptNumber === receipt)?.id as string;
  };

  it('the office sees phone and ID masked, admits one: the written receipt can be downloaded', async () => {
    const listed = await call('GET', '/api/v1/tenants/ili/objections', { token: office });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain('13812345678');
    expect(JSON.stringify(listed.body)).not.toContain('11010519491231002X');
    expect((listed.body.objections as Json[])[0]?.objector).toMatchObject({ phone: '138****5678' });

    // In ili the office receives objections (第十八条): the supervisor may read them, not examine them.
    const bySupervisor = await call(
      'POST',
      `/api/v1/tenants/ili/objections/${await objectionId(receipts[0] as string)}/admit`,
      { token: supervisor, body: {} },
    );
    expect(bySupervisor.status).toBe(403);
    expect(bySupervisor.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bySupervisor.body).toMatchObject({ basis: 'ili 第十八条' });

    for (const receipt of [receipts[0], receipts[2]]) {
      const admitted = await call(
        'POST',
        `/api/v1/tenants/ili/objections/${await objectionId(receipt as string)}/admit`,
        {
          token: office,
          body: {},
        },
      );
      expect(admitted.status).toBe(200);
    }
    const document = await call('GET', `/api/v1/public/ili/objections/${receipts[0]}/receipt`);
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toMatch(/text\/plain/);
    expect(document.headers.get('content-disposition')).toMatch(/attachment/);
    expect(document.text).toContain('异议受理书面凭证');
    // RFC 9457: the problem's status is its HTTP status; the objection's own status is an extension of its own name.
    const notAdmitted = await call('GET', `/api/v1/public/ili/objections/${receipts[1]}/receipt`);
    expect(notAdmitted.status).toBe(409);
    expect(notAdmitted.body).toMatchObject({
      status: 409,
      type: 'urn:laurel:problem:conflict',
      currentStatus: 'received',
    });

    // The office downloads the evidence: the bytes, their hash, and headers that keep a browser from running it.
    const first = (listed.body.objections as Json[])[0] as Json & { files: { id: string; sha256: string }[] };
    const evidence = first.files[0] as { id: string; sha256: string };
    const download = await fetch(`${gateway.url}/api/v1/tenants/ili/files/${evidence.id}`, {
      headers: { authorization: `Bearer ${office}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(download.headers.get('content-security-policy')).toMatch(/sandbox/);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(evidence.sha256);
    // The public cannot.
    expect((await fetch(`${gateway.url}/api/v1/tenants/ili/files/${evidence.id}`)).status).toBe(401);
  });

  it('lists page by page: every objection once, none cut off', async () => {
    const all = await call('GET', '/api/v1/tenants/ili/objections?limit=500', { token: office });
    const everyId = (all.body.objections as Json[]).map((o) => o.id);
    expect(everyId.length).toBeGreaterThan(2);
    expect(all.body.next).toBeNull();
    const paged: unknown[] = [];
    let after: string | null = null;
    do {
      const page = await call('GET', `/api/v1/tenants/ili/objections?limit=2${after ? `&after=${after}` : ''}`, {
        token: office,
      });
      expect(page.status).toBe(200);
      expect((page.body.objections as Json[]).length).toBeLessThanOrEqual(2);
      paged.push(...(page.body.objections as Json[]).map((o) => o.id));
      after = page.body.next as string | null;
    } while (after);
    expect(paged).toEqual(everyId);
    for (const bad of ['limit=0', 'limit=501', 'after=not-a-uuid']) {
      const refused = await call('GET', `/api/v1/tenants/ili/objections?${bad}`, { token: office });
      expect([bad, refused.status]).toEqual([bad, 400]);
      expect(JSON.stringify(refused.body)).toContain(`query.${bad.split('=')[0]}`);
    }
  });

  it('reminds on working-day time and lists the unexamined objection as overdue', async () => {
    // Received Monday 28 September; last day 8 October; reminded at the start of 30 September (not 7 October).
    await settle('2026-09-29T16:00:01Z');
    const pending = await objectionId(receipts[1] as string);
    await eventually(async () => {
      const one = await call('GET', `/api/v1/tenants/ili/objections/${pending}`, { token: office });
      expect((one.body.examination as Json).remindedAt).toBe('2026-09-29T16:00:01.000Z');
    });
    expect(
      (await call('GET', '/api/v1/tenants/ili/objections?overdue=true', { token: office })).body.objections,
    ).toEqual([]);
    await settle('2026-10-08T16:00:01Z');
    await eventually(async () => {
      const overdue = await call('GET', '/api/v1/tenants/ili/objections?overdue=true', { token: office });
      expect((overdue.body.objections as Json[]).map((o) => o.id)).toEqual([pending]);
    });
  });

  it('upheld and dismissed outcomes are durable events on JetStream naming the entry’s subject', async () => {
    const decide = async (receipt: string, outcome: 'upheld' | 'dismissed') => {
      const id = await objectionId(receipt);
      const base = `/api/v1/tenants/ili/objections/${id}`;
      const interested = await call('POST', `${base}/investigators`, {
        token: office,
        body: { name: '李四', declaration: { hasInterest: true, details: '申报单位股东' } },
      });
      expect(interested.status).toBe(422);
      expect(interested.body.basis).toBe('ili 第二十条');
      expect(
        (
          await call('POST', `${base}/investigators`, {
            token: office,
            body: { name: '王五', declaration: { hasInterest: false } },
          })
        ).status,
      ).toBe(200);
      expect(
        (await call('POST', `${base}/findings`, { token: office, body: { text: '已调取相关记录。' } })).status,
      ).toBe(200);
      const decided = await call('POST', `${base}/decision`, {
        token: office,
        body: { outcome, prohibitedGround: outcome === 'upheld', reasons: '经调查核实。' },
      });
      expect(decided.status).toBe(200);
    };
    await decide(receipts[0] as string, 'upheld');
    await decide(receipts[2] as string, 'dismissed');

    const { js, jsm, namespace } = objections.runtime;
    const stream = namespace.eventStream('objections');
    await jsm.consumers.add(stream, {
      durable_name: 'e2e-outcomes',
      ack_policy: AckPolicy.Explicit,
      filter_subject: namespace.eventWire('objections.objection.>'),
    });
    const consumer = await js.consumers.get(stream, 'e2e-outcomes');
    const seen: EventEnvelope[] = [];
    await eventually(async () => {
      const batch = await consumer.fetch({ max_messages: 10, expires: 1000 });
      for await (const message of batch) {
        seen.push(message.json<EventEnvelope>());
        message.ack();
      }
      expect(seen).toHaveLength(2);
    });
    expect(seen.map((e) => [e.subject, (e.payload as Json).subject, (e.payload as Json).disqualify])).toEqual([
      ['objections.objection.upheld.v1', { kind: 'organisation', id: 'app-a', name: '甲公司' }, true],
      ['objections.objection.dismissed.v1', { kind: 'organisation', id: 'app-b', name: '乙公司' }, undefined],
    ]);
    expect(seen[0]?.payload).toMatchObject({ recommender: { name: '州工信局' } });
    const result = await call('GET', `/api/v1/public/ili/objections/${receipts[0]}`);
    expect((result.body.result as Json).letter).toContain('异议成立');
  });

  it('closes the notice on its deadline; an objection afterwards gets 409 with the closing time', async () => {
    await settle('2026-10-09T16:00:01Z');
    await eventually(async () => {
      const notice = await call('GET', `/api/v1/tenants/ili/notices/${noticeId}`, { token: office });
      expect(notice.body.status).toBe('closed');
      expect((notice.body.entries as Json[]).map((e) => e.outcome)).toEqual(['objections_pending', 'passed']);
    });
    const late = await call('POST', `/api/v1/public/ili/notices/${noticeId}/objections`, {
      body: { entryId: entries[0]?.id, objector: person, grounds: '该单位近三年发生重大质量事故。', evidence: [pdf] },
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ closedAt: '2026-10-09T16:00:00.000Z', code: 'conflict' });
  });

  it('a report’s reporter is never in a list, masked in the receiver’s single read, revealed by an audited action; the reporter follows it with the token', async () => {
    const filed = await call('POST', '/api/v1/public/linxia/reports', {
      body: {
        reporter: {
          name: '举报人甲',
          phone: '13912345678',
          idNumber: '11010519491231002X',
          address: '临夏县某路 1 号',
        },
        concerning: '受理',
        details: '受理环节收受申报单位礼品。',
      },
    });
    expect(filed.status).toBe(201);
    // In linxia reports go to the committee office (第二十四条). No list shows who reported, not even the office's.
    for (const token of [linxiaSupervisor, linxiaOffice]) {
      const listed = await call('GET', '/api/v1/tenants/linxia/reports', { token });
      expect(listed.status).toBe(200);
      expect(JSON.stringify(listed.body)).not.toMatch(/举报人|13912345678|5678|002X|临夏县某路/);
      expect((listed.body.reports as Json[])[0]).toMatchObject({ reporter: null, reporterHidden: true });
    }
    const listed = await call('GET', '/api/v1/tenants/linxia/reports', { token: linxiaOffice });
    const id = (listed.body.reports as Json[])[0]?.id as string;
    // The office's single read masks the reporter; the supervisor's shows none.
    const asOffice = await call('GET', `/api/v1/tenants/linxia/reports/${id}`, { token: linxiaOffice });
    expect(asOffice.body.reporter).toEqual({
      name: '举***',
      phone: '139****5678',
      idNumber: '110105********002X',
      organisation: null,
    });
    expect(asOffice.text).not.toMatch(/举报人甲|13912345678|临夏县某路/);
    const asSupervisor = await call('GET', `/api/v1/tenants/linxia/reports/${id}`, { token: linxiaSupervisor });
    expect(asSupervisor.body).toMatchObject({ reporter: null, reporterHidden: true });
    // Revealed by the receiving body only, with a reason that goes to the audit trail (the identity does not).
    const reveal = (token: string) =>
      call('POST', `/api/v1/tenants/linxia/reports/${id}/reveal-identity`, {
        token,
        body: { reason: '需联系举报人核实情况' },
      });
    const refused = await reveal(linxiaSupervisor);
    expect(refused.status).toBe(403);
    expect(refused.body.basis).toBe('linxia 第二十四条');
    const revealed = await reveal(linxiaOffice);
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual({
      name: '举报人甲',
      phone: '13912345678',
      idNumber: '11010519491231002X',
      address: '临夏县某路 1 号',
      organisation: null,
    });
    const audit = await call('GET', '/api/v1/tenants/linxia/audit?service=objections', { token: linxiaOffice });
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({
        action: 'report.identity.reveal',
        targetId: id,
        basis: 'linxia 第二十四条',
        after: { reason: '需联系举报人核实情况' },
      }),
    );
    expect(JSON.stringify(audit.body)).not.toMatch(/举报人甲|13912345678|11010519491231002X|临夏县某路/);

    const reply = (token: string) =>
      call('POST', `/api/v1/tenants/linxia/reports/${id}/replies`, {
        token,
        body: { status: 'handling', message: '已受理。' },
      });
    expect((await reply(linxiaSupervisor)).status).toBe(403);
    expect((await reply(linxiaOffice)).status).toBe(200);
    const tracked = await call('POST', '/api/v1/public/linxia/reports/track', { body: { token: filed.body.token } });
    expect(tracked.body).toMatchObject({
      status: 'handling',
      replies: [expect.objectContaining({ message: '已受理。' })],
    });
  });

  it('linxia 第二十四条 says nothing of anonymity: an anonymous report is taken, the office decides what to do', async () => {
    const anonymous = await call('POST', '/api/v1/public/linxia/reports', {
      body: { concerning: '受理', details: '受理环节存在违规操作，请核查。' },
    });
    expect(anonymous.status).toBe(201);
    expect(anonymous.body).toMatchObject({ anonymous: true, reportNumber: expect.stringMatching(/^JB-/) });
    const listed = await call('GET', '/api/v1/tenants/linxia/reports', { token: linxiaOffice });
    expect(listed.body.reports).toContainEqual(
      expect.objectContaining({ reportNumber: anonymous.body.reportNumber, anonymous: true, reporter: null }),
    );
  });

  it('inner-mongolia sets up no body for reports: the office reads and answers them, there is no supervision group to', async () => {
    const filed = await call('POST', '/api/v1/public/inner-mongolia/reports', {
      body: { reporter: { name: '举报人乙' }, concerning: '现场评审', details: '现场评审组成员与申报单位有利害关系。' },
    });
    expect(filed.status).toBe(201);
    const listed = await call('GET', '/api/v1/tenants/inner-mongolia/reports', { token: imOffice });
    expect(listed.status).toBe(200);
    const id = (listed.body.reports as Json[])[0]?.id as string;
    const read = await call('GET', `/api/v1/tenants/inner-mongolia/reports/${id}`, { token: imOffice });
    expect(read.body.reporter).toMatchObject({ name: '举***' });
    const answered = await call('POST', `/api/v1/tenants/inner-mongolia/reports/${id}/replies`, {
      token: imOffice,
      body: { status: 'closed', message: '经核查，已处理。' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.status).toBe('closed');
    const bySupervisor = await call('POST', `/api/v1/tenants/inner-mongolia/reports/${id}/reveal-identity`, {
      token: imSupervisor,
      body: { reason: '想知道是谁举报的' },
    });
    expect(bySupervisor.status).toBe(403);
  });

  it('another tenant sees nothing; an unknown tenant is a 404', async () => {
    expect((await call('GET', `/api/v1/public/linxia/notices/${noticeId}`)).status).toBe(404);
    expect((await call('GET', '/api/v1/public/linxia/notices')).body.notices).toEqual([]);
    expect((await call('GET', `/api/v1/public/linxia/objections/${receipts[0]}`)).status).toBe(404);
    expect((await call('GET', '/api/v1/tenants/linxia/objections', { token: linxiaOffice })).body.objections).toEqual(
      [],
    );
    expect((await call('GET', `/api/v1/tenants/linxia/notices/${noticeId}`, { token: linxiaOffice })).status).toBe(404);
    expect((await call('GET', '/api/v1/tenants/ili/objections', { token: linxiaOffice })).status).toBe(404);
    expect((await call('GET', '/api/v1/tenants/ili/reports', { token: supervisor })).status).toBe(200);
    expect((await call('GET', '/api/v1/public/nowhere/notices')).status).toBe(404);
  });

  it('public endpoints survive malformed and hostile input: 4xx problem+json, never a 500', async () => {
    const url = `/api/v1/public/ili/notices/${noticeId}/objections`;
    const cases: { method: string; url: string; raw?: string; body?: unknown; headers?: Record<string, string> }[] = [
      { method: 'POST', url, raw: '{"entryId": ' },
      { method: 'POST', url, raw: 'entryId=1', headers: { 'content-type': 'text/plain' } },
      { method: 'POST', url, body: [] },
      { method: 'POST', url, body: null },
      { method: 'POST', url, raw: '{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}' },
      { method: 'POST', url, body: { entryId: "' OR 1=1 --", grounds: 42, evidence: 'x' } },
      { method: 'POST', url, body: { entryId: entries[0]?.id, grounds: 'x'.repeat(100000) } },
      {
        method: 'POST',
        url,
        body: {
          entryId: entries[0]?.id,
          grounds: '正当理由正当理由正当理由',
          objector: { ...person, kind: 'robot', phone: '<script>' },
        },
      },
      {
        method: 'POST',
        url,
        body: {
          entryId: entries[0]?.id,
          grounds: '正当理由正当理由正当理由',
          evidence: [{ filename: '../../etc/passwd', contentType: 'text/html', contentBase64: '!!!' }],
        },
      },
      { method: 'POST', url, raw: JSON.stringify({ grounds: 'x'.repeat(2 * 1024 * 1024) }) },
      { method: 'POST', url: '/api/v1/public/ili/notices/not-a-uuid/objections', body: {} },
      { method: 'GET', url: '/api/v1/public/ili/notices/%00%27' },
      { method: 'GET', url: `/api/v1/public/ili/notices/${randomUUID()}` },
      { method: 'GET', url: '/api/v1/public/ili/objections/YY-0000-0000-0000-0000' },
      { method: 'GET', url: '/api/v1/public/ili/objections/..%2F..%2Fetc%2Fpasswd/receipt' },
      {
        method: 'POST',
        url: `/api/v1/public/ili/objections/${receipts[0]}/confirmation`,
        body: { response: 'maybe', comment: 42 },
      },
      {
        method: 'POST',
        url: '/api/v1/public/ili/objections/YY-0000-0000-0000-0000/confirmation',
        body: { token: 'x'.repeat(43), response: 'confirmed' },
      },
      {
        method: 'POST',
        url: '/api/v1/public/ili/reports',
        body: { reporter: { name: '' }, concerning: {}, details: ['x'] },
      },
      { method: 'POST', url: '/api/v1/public/ili/reports/track', body: { token: "'; DROP TABLE report; --" } },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.url, {
        raw: c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body)),
        headers: c.headers,
      });
      expect([c.url, response.status >= 400 && response.status < 500]).toEqual([c.url, true]);
      expect([c.url, response.headers.get('content-type')]).toEqual([c.url, expect.stringMatching(/problem\+json/)]);
    }
    expect(({} as Json).admin).toBeUndefined();
    // A NUL character (PostgreSQL refuses it in text) in a public report or objection is a 400 naming the field.
    const nulReport = await call('POST', '/api/v1/public/linxia/reports', {
      body: { reporter: { name: '举报人\u0000乙' }, concerning: '受理', details: '受理环节\u0000收受礼品。' },
    });
    expect(nulReport.status).toBe(400);
    expect((nulReport.body.errors as Json[]).map((e) => e.field).sort()).toEqual([
      'body.details',
      'body.reporter.name',
    ]);
    const nulObjection = await call('POST', url, {
      body: { entryId: entries[0]?.id, grounds: '正当理由\u0000正当理由正当理由', objector: person },
    });
    expect(nulObjection.status).toBe(400);
    expect(nulObjection.body.errors).toEqual([{ field: 'body.grounds', reason: expect.stringContaining('NUL') }]);
    // A broken percent-encoding is answered by Fastify's router before any route: still a 400, not a 500.
    expect((await call('GET', '/api/v1/public/%E0%A4%A/notices')).status).toBe(400);
  });

  it('public endpoints are rate-limited', async () => {
    const statuses: number[] = [];
    for (let i = publicCalls; i <= PUBLIC_LIMIT + 2; i += 1)
      statuses.push((await call('GET', '/api/v1/public/ili/notices')).status);
    expect(statuses).toContain(429);
    const limited = await call('GET', '/api/v1/public/ili/notices');
    expect(limited.body.type).toBe('urn:laurel:problem:rate_limited');
    // The zh text never mixes in English ("请 10 seconds 后再试" was).
    expect(limited.body.detail).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    expect(limited.body.retryAfterSeconds).toEqual(expect.any(Number));
  });
});
