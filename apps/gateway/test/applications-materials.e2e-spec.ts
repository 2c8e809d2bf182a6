import { createHash } from 'node:crypto';
import { type RunningService } from '@laurel/platform';
import { TestClock } from '@laurel/testing';
import { type ApplicationsPlatform, type Json, startApplicationsPlatform } from './applications.util';

const ORG = { kind: 'organisation', name: '伊犁材料公司', creditCode: '91110000600037341L', legalForm: 'legal_person' };
const ELIGIBLE_FACTS = { registeredInJurisdiction: true, yearsOperating: 8, incidents: [] };

const zip = (folder: string) =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
    Buffer.from(`[Content_Types].xml<Types/>PK\u0003\u0004${folder}document.xml<doc/>`, 'latin1'),
  ]);
const ole2 = () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PDF_V2 = Buffer.from('%PDF-1.7\n% corrected after return\n%%EOF\n');
const KINDS = {
  pdf: { name: '自评报告.pdf', type: 'application/pdf', bytes: PDF },
  png: { name: '证书.png', type: 'image/png', bytes: PNG },
  jpeg: { name: '现场.jpg', type: 'image/jpeg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9]) },
  docx: {
    name: '工艺.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    bytes: zip('word/'),
  },
  xlsx: {
    name: '财务.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: zip('xl/'),
  },
  pptx: {
    name: '汇报.pptx',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    bytes: zip('ppt/'),
  },
  doc: { name: '旧版.doc', type: 'application/msword', bytes: ole2() },
  xls: { name: '旧表.xls', type: 'application/vnd.ms-excel', bytes: ole2() },
} as const;
const file = (name: string, type: string, bytes: Buffer) => ({
  filename: name,
  contentType: type,
  contentBase64: bytes.toString('base64'),
});
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * An application's materials through the gateway (ili): every accepted kind, checked against the bytes; the
 * no-state-secret statement before submission (ili 第十条第二款); frozen once submitted, corrections as new
 * versions; who sees what (trade secrets hidden from the recommender); every download hash-checked and audited.
 */
describe('application materials through the gateway (ili)', () => {
  let sut: ApplicationsPlatform;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const call: ApplicationsPlatform['call'] = (...args) => sut.call(...args);
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const api = '/api/v1/tenants/ili';
  let recommenderId: string;
  let applicationId: string;
  const ids: Record<string, string> = {};
  let downloads = 0;

  const materials = () => `${api}/applications/${applicationId}/materials`;
  const download = async (token: string, materialId: string, query = '', base = materials()) => {
    const response = await fetch(`${sut.gateway.url}${base}/${materialId}${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status === 200) downloads += 1;
    return { status: response.status, headers: response.headers, bytes };
  };

  beforeAll(async () => {
    sut = await startApplicationsPlatform({ clock, tenants: ['ili', 'linxia'] });
    for (const [tenant, username, roles] of [
      ['ili', 'office', ['office']],
      ['ili', 'org-a', ['applicant']],
      ['ili', 'org-b', ['applicant']],
      ['ili', 'dept', ['recommender']],
      ['ili', 'other-dept', ['recommender']],
      ['linxia', 'linxia-office', ['office']],
    ] as const) {
      const user = await sut.addUser(tenant, username, roles);
      userIds[username] = user.id;
      tokens[username] = user.token;
    }
    expect(
      (
        await call('POST', `${api}/cycles`, {
          token: tokens.office,
          body: { year: 2026, opensOn: '2026-11-01', closesOn: '2027-02-28' },
        })
      ).status,
    ).toBe(201);
    const department = await call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '州工业和信息化局', kind: 'department', userIds: [userIds.dept] },
    });
    recommenderId = department.body.id as string;
    await call('POST', `${api}/recommenders`, {
      token: tokens.office,
      body: { name: '州市场监督管理局', kind: 'department', userIds: [userIds['other-dept']] },
    });
    await sut.objectionRulesReady('ili', tokens.office as string);
    expect((await call('POST', `${api}/applicants`, { token: tokens['org-a'], body: ORG })).status).toBe(201);
    const created = await call('POST', `${api}/applications`, {
      token: tokens['org-a'],
      body: { cycleNumber: 1, facts: ELIGIBLE_FACTS },
    });
    expect(created.status).toBe(201);
    applicationId = created.body.id as string;
  });
  afterAll(async () => {
    await sut?.close();
  });

  it('takes a file of every accepted kind, checked against the bytes, with its SHA-256 and trade-secret mark', async () => {
    for (const [kind, spec] of Object.entries(KINDS)) {
      const uploaded = await call('POST', materials(), {
        token: tokens['org-a'],
        body: { title: `材料 ${kind}`, tradeSecret: kind === 'docx', file: file(spec.name, spec.type, spec.bytes) },
      });
      expect({ kind, status: uploaded.status }).toEqual({ kind, status: 201 });
      expect(uploaded.body).toMatchObject({
        title: `材料 ${kind}`,
        tradeSecret: kind === 'docx',
        currentVersion: 1,
        versions: [{ version: 1, contentType: spec.type, size: spec.bytes.length, sha256: sha256(spec.bytes) }],
      });
      ids[kind] = uploaded.body.id as string;
    }
  });

  it('refuses a PNG declared as PDF, an oversize file and a program, naming the field and the reason', async () => {
    const disguised = await call('POST', materials(), {
      token: tokens['org-a'],
      body: { title: '伪装', file: file('scan.pdf', 'application/pdf', PNG) },
    });
    expect(disguised.status).toBe(400);
    expect(disguised.headers.get('content-type')).toMatch(/problem\+json/);
    expect(disguised.body.errors).toEqual([
      expect.objectContaining({ field: 'body.file.contentType', reason: expect.stringContaining('不符') }),
    ]);

    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(720 * 1024, 0x20)]);
    const oversize = await call('POST', materials(), {
      token: tokens['org-a'],
      body: { title: '过大', file: file('big.pdf', 'application/pdf', huge) },
    });
    expect(oversize.status).toBe(400);
    expect(oversize.body.errors).toEqual([expect.objectContaining({ field: 'body.file.contentBase64' })]);

    const program = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126), Buffer.from('PE\0\0')]);
    const exe = await call('POST', materials(), {
      token: tokens['org-a'],
      body: { title: '程序', file: file('setup.pdf', 'application/pdf', program) },
      headers: { 'accept-language': 'en' },
    });
    expect(exe.status).toBe(400);
    expect(exe.body.errors).toEqual([
      expect.objectContaining({ field: 'body.file.contentBase64', reason: expect.stringMatching(/executable/) }),
    ]);
    const listed = await call('GET', materials(), { token: tokens['org-a'] });
    expect((listed.body.materials as Json[]).length).toBe(Object.keys(KINDS).length);
  });

  it('lets the applicant replace and remove while a draft; other applicants and tenants see nothing', async () => {
    const replaced = await call('PUT', `${materials()}/${ids.xlsx}`, {
      token: tokens['org-a'],
      body: { title: '财务报表（更正）', file: file('财务2.xlsx', KINDS.xlsx.type, zip('xl/worksheets/')) },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ title: '财务报表（更正）', currentVersion: 1 });
    expect(replaced.body.versions as Json[]).toHaveLength(1);
    const removed = await call('DELETE', `${materials()}/${ids.xls}`, { token: tokens['org-a'] });
    expect(removed.status).toBe(200);
    expect((await call('GET', materials(), { token: tokens['org-a'] })).body.materials as Json[]).toHaveLength(7);

    expect((await call('GET', materials(), { token: tokens['org-b'] })).status).toBe(404);
    expect((await download(tokens['org-b'] as string, ids.pdf as string)).status).toBe(404);
    // The recommender sees nothing before it is submitted to it.
    expect((await call('GET', materials(), { token: tokens.dept })).status).toBe(404);
    const otherTenant = `/api/v1/tenants/linxia/applications/${applicationId}/materials`;
    expect((await call('GET', otherTenant, { token: tokens['linxia-office'] })).status).toBe(404);
    expect((await download(tokens['linxia-office'] as string, ids.pdf as string, '', otherTenant)).status).toBe(404);
  });

  it('refuses submission without the statement that no state secret is included (ili 第十条第二款)', async () => {
    expect(
      (
        await call('POST', `${api}/applications/${applicationId}/internal-publicity`, {
          token: tokens['org-a'],
          body: { startedOn: '2026-11-23', evidence: '公示照片' },
        })
      ).status,
    ).toBe(200);
    await sut.settle('2026-12-01T01:00:00Z');
    const before = await call('GET', materials(), { token: tokens['org-a'] });
    expect(before.body).toMatchObject({ stateSecretStatement: null, stateSecretStatementRequired: true });
    const refused = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.basis).toBe('ili 第十条第二款');
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'stateSecretStatement' })]);

    const stated = await call('POST', `${api}/applications/${applicationId}/state-secret-statement`, {
      token: tokens['org-a'],
      body: { noStateSecrets: true },
    });
    expect(stated.status).toBe(200);
    expect(stated.body.stateSecretStatement).toMatchObject({
      noStateSecrets: true,
      by: 'org-a',
      at: '2026-12-01T01:00:00.000Z',
      basis: 'ili 第十条第二款',
    });
    const submitted = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
    });
    expect(submitted.status).toBe(200);
  });

  it('freezes the materials once submitted (409)', async () => {
    const listed = await call('GET', materials(), { token: tokens['org-a'] });
    expect((listed.body.materials as Json[]).every((m) => (m.versions as Json[])[0]?.frozenAt !== null)).toBe(true);
    const replace = await call('PUT', `${materials()}/${ids.pdf}`, {
      token: tokens['org-a'],
      body: { file: file('自评报告.pdf', 'application/pdf', PDF_V2) },
    });
    expect(replace.status).toBe(409);
    expect((await call('DELETE', `${materials()}/${ids.pdf}`, { token: tokens['org-a'] })).status).toBe(409);
    const added = await call('POST', materials(), {
      token: tokens['org-a'],
      body: { title: '补充', file: file('补充.pdf', 'application/pdf', PDF) },
    });
    expect(added.status).toBe(409);
  });

  it('shows the recommender all but trade secrets; the office all; the applicant its own; downloads audited', async () => {
    const asDept = await call('GET', materials(), { token: tokens.dept });
    expect(asDept.status).toBe(200);
    const seen = (asDept.body.materials as Json[]).map((m) => m.id);
    expect(seen).toHaveLength(6);
    expect(seen).not.toContain(ids.docx);
    const secret = await download(tokens.dept as string, ids.docx as string);
    expect(secret.status).toBe(404);
    const pdf = await download(tokens.dept as string, ids.pdf as string);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.equals(PDF)).toBe(true);
    expect(pdf.headers.get('x-content-sha256')).toBe(sha256(PDF));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await call('GET', materials(), { token: tokens['other-dept'] })).status).toBe(404);

    const asOffice = await call('GET', materials(), { token: tokens.office });
    expect(asOffice.body.materials as Json[]).toHaveLength(7);
    const officeSecret = await download(tokens.office as string, ids.docx as string);
    expect(officeSecret.status).toBe(200);
    expect(officeSecret.bytes.equals(KINDS.docx.bytes)).toBe(true);
    const own = await download(tokens['org-a'] as string, ids.docx as string);
    expect(own.status).toBe(200);

    const audited = await (sut.applications as RunningService).runtime.database.system.$queryRawUnsafe<Json[]>(
      `SELECT target_id FROM audit_entry WHERE action = 'application.material.download'`,
    );
    expect(audited).toHaveLength(downloads);
    expect(audited.map((a) => a.target_id)).toContain(ids.docx);
  });

  it('after a return, a change is version n+1; the submitted version stays readable and is what the recommender saw', async () => {
    const returned = await call('POST', `${api}/applications/${applicationId}/review`, {
      token: tokens.dept,
      body: { decision: 'return', text: '自评报告数据需更正。' },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    const corrected = await call('PUT', `${materials()}/${ids.pdf}`, {
      token: tokens['org-a'],
      body: { file: file('自评报告-更正.pdf', 'application/pdf', PDF_V2) },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: ids.pdf, currentVersion: 2 });
    expect((corrected.body.versions as Json[]).map((v) => [v.version, v.sha256, v.frozenAt === null])).toEqual([
      [1, sha256(PDF), false],
      [2, sha256(PDF_V2), true],
    ]);
    // The submitted version can no longer be removed, even while returned.
    expect((await call('DELETE', `${materials()}/${ids.pdf}`, { token: tokens['org-a'] })).status).toBe(409);

    const first = await download(tokens['org-a'] as string, ids.pdf as string, '?version=1');
    expect(first.bytes.equals(PDF)).toBe(true);
    expect(first.headers.get('x-material-version')).toBe('1');
    const latest = await download(tokens['org-a'] as string, ids.pdf as string);
    expect(latest.bytes.equals(PDF_V2)).toBe(true);
    // The recommender reviews what was submitted: version 2 only after resubmission.
    const deptBefore = await download(tokens.dept as string, ids.pdf as string);
    expect(deptBefore.headers.get('x-material-version')).toBe('1');
    expect((await download(tokens.dept as string, ids.pdf as string, '?version=2')).status).toBe(404);

    const resubmitted = await call('POST', `${api}/applications/${applicationId}/submit`, {
      token: tokens['org-a'],
      body: { recommenderId },
    });
    expect(resubmitted.status).toBe(200);
    const deptAfter = await download(tokens.dept as string, ids.pdf as string);
    expect(deptAfter.headers.get('x-material-version')).toBe('2');
    expect(deptAfter.bytes.equals(PDF_V2)).toBe(true);
  });
});
