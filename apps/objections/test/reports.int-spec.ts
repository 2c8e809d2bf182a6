import { randomUUID } from 'node:crypto';
import {
  type MessageContract,
  objectionRulesPut,
  type RequestOf,
  reportFile,
  reportGet,
  reportList,
  reportReply,
  reportRevealIdentity,
  reportTrack,
  storedFileGet,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { asPublic, asRole, launchRules, pdf, type StartedObjections, startObjections } from './objections.util';

/** Reports (举报): named or anonymous where the policy allows; the reporter is known to the supervisor only. */
describe('reports (举报)', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-10-12T02:00:00Z');
  const xinzhou = randomUUID();
  const linxia = randomUUID();
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = asRole(xinzhou)) =>
    started.service.runtime.client.request(contract, payload, { context });
  const reporter = { name: '举报人甲', phone: '13912345678', idNumber: '11010519491231002X' };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('xinzhou-city'));
    await request(objectionRulesPut, launchRules('linxia'), asRole(linxia));
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('takes a named report: the supervision group sees the reporter masked and may reveal them, the office not even the report; the token follows the case', async () => {
    const filed = await request(
      reportFile,
      { reporter, concerning: '现场评审', details: '评审专家与申报单位存在利害关系却未回避。', evidence: [pdf()] },
      asPublic(xinzhou),
    );
    expect(filed).toMatchObject({ anonymous: false, reportNumber: expect.stringMatching(/^JB-/) });
    expect(filed.token).toHaveLength(43);

    // Reports go to the supervision group (xinzhou-city 第二十七条): the office neither reads nor answers them.
    await expect(request(reportList, {}, asRole(xinzhou, ['office']))).rejects.toMatchObject({
      code: 'forbidden',
      basis: 'xinzhou-city 第二十七条',
    });
    const listed = await request(reportList, {}, asRole(xinzhou, ['supervisor']));
    const id = listed.reports[0]?.id as string;
    // Never in a list, not even for the receiver.
    expect(listed.reports[0]).toMatchObject({ reporter: null, reporterHidden: true });
    await expect(
      request(reportReply, { id, status: 'handling', message: '已收到。' }, asRole(xinzhou, ['office'])),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const asSupervisor = await request(reportGet, { id }, asRole(xinzhou, ['supervisor']));
    expect(asSupervisor.reporter).toEqual({
      name: '举***',
      phone: '139****5678',
      idNumber: '110105********002X',
      organisation: null,
    });
    const revealed = await request(
      reportRevealIdentity,
      { id, reason: '需当面核实举报内容' },
      asRole(xinzhou, ['supervisor']),
    );
    expect(revealed).toEqual({ ...reporter, address: null, organisation: null });
    // The report's files may reveal the reporter: the supervision group reads them, the office cannot.
    const fileId = asSupervisor.files[0]?.id as string;
    await expect(request(storedFileGet, { id: fileId }, asRole(xinzhou, ['office']))).rejects.toMatchObject({
      code: 'not_found',
    });
    const content = await request(storedFileGet, { id: fileId }, asRole(xinzhou, ['supervisor']));
    expect(Buffer.from(content.contentBase64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    // At rest the reporter's identity is sealed: not even a database administrator reads it.
    const [raw] = await started.service.runtime.database.system.$queryRawUnsafe<{ reporter_identity: unknown }[]>(
      'SELECT reporter_identity FROM report WHERE id = $1::uuid',
      id,
    );
    expect(raw?.reporter_identity).toEqual(expect.stringMatching(/^v1\./));
    expect(JSON.stringify(raw)).not.toMatch(/13912345678|举报人甲/);

    await request(
      reportReply,
      { id, status: 'handling', message: '已受理，正在核查。' },
      asRole(xinzhou, ['supervisor']),
    );
    const tracked = await request(reportTrack, { token: filed.token }, asPublic(xinzhou));
    expect(tracked).toMatchObject({ reportNumber: filed.reportNumber, status: 'handling' });
    expect(tracked.replies.map((r) => r.message)).toEqual(['已受理，正在核查。']);
    expect(JSON.stringify(tracked)).not.toContain('举报人甲');

    // Not in the audit trail (which is exported) either.
    const audit = await started.service.runtime.database.system.$queryRawUnsafe<{ after: unknown }[]>(
      `SELECT after FROM audit_entry WHERE target_type = 'report'`,
    );
    expect(JSON.stringify(audit)).not.toMatch(/举报人甲|13912345678|11010519491231002X/);
    expect(audit.map((entry) => entry.after)).toContainEqual({ reason: '需当面核实举报内容' });
  });

  it('takes anonymous reports where the text allows them (xinzhou-city 第二十七条) and where it is silent (linxia 第二十四条)', async () => {
    const anonymous = await request(
      reportFile,
      { concerning: '材料评审', details: '有评审人员收受申报单位礼品。' },
      asPublic(xinzhou),
    );
    expect(anonymous.anonymous).toBe(true);
    const silent = await request(
      reportFile,
      { concerning: '受理', details: '受理环节存在违规操作。' },
      asPublic(linxia),
    );
    expect(silent.anonymous).toBe(true);
    const [listed] = (await request(reportList, {}, asRole(linxia, ['office']))).reports;
    await expect(
      request(reportRevealIdentity, { id: listed?.id as string, reason: '核实举报人' }, asRole(linxia, ['office'])),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses an anonymous report only where the text refuses them', async () => {
    const tenant = randomUUID();
    const rules = launchRules('linxia');
    await request(
      objectionRulesPut,
      { ...rules, reports: { ...rules.reports, anonymousAllowed: false } },
      asRole(tenant),
    );
    await expect(
      request(reportFile, { concerning: '受理', details: '受理环节存在违规操作。' }, asPublic(tenant)),
    ).rejects.toMatchObject({ code: 'validation_failed', basis: 'linxia 第二十四条' });
  });

  it('another tenant sees nothing and a wrong token finds nothing', async () => {
    expect((await request(reportList, {}, asRole(randomUUID(), ['supervisor']))).reports).toEqual([]);
    await expect(request(reportTrack, { token: 'A'.repeat(43) }, asPublic(xinzhou))).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
