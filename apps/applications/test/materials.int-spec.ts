import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type MessageContract,
  materialDownload,
  materialRemove,
  materialReplace,
  materialUpload,
  type RequestOf,
} from '@laurel/contracts';
import { bootstrapService, type RequestContext, RequestContexts, type RunningService } from '@laurel/platform';
import { TestClock, TestInfrastructure } from '@laurel/testing';
import { applicationsService } from '../src/applications.service-definition';
import type { PrismaClient } from '../src/applications-prisma';
import { BYTES, fileOf, type MaterialKind, sha256, TYPES } from './material-files.util';

const MAX = 4096;

/**
 * Materials in the applications service against the real PostgreSQL and a local file directory: intake checks by
 * the bytes and the configured size limit, storage and hash check, freezing and versions, who sees what, and
 * row-level security between tenants.
 */
describe('application materials (service)', () => {
  let infra: TestInfrastructure;
  let service: RunningService<PrismaClient>;
  let filesDir: string;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const tenant = randomUUID();
  const otherTenant = randomUUID();
  const applicantUser = 'user-applicant';
  const recommenderUser = 'user-recommender';
  let applicationId: string;

  const as = (roles: string[], userId = `user-${roles.join('-')}`, tenantId = tenant): RequestContext => ({
    tenantId,
    correlationId: randomUUID(),
    actor: { userId, roles, operator: false },
  });
  const asApplicant = () => as(['applicant'], applicantUser);
  const asRecommender = () => as(['recommender'], recommenderUser);
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = asApplicant()) =>
    service.runtime.client.request(contract, payload, { context });
  const upload = (kind: MaterialKind, extra: { bytes?: Buffer; name?: string; tradeSecret?: boolean } = {}) =>
    request(materialUpload, {
      applicationId,
      title: `材料 ${kind}`,
      tradeSecret: extra.tradeSecret ?? false,
      file: fileOf(kind, extra.bytes, extra.name),
    });
  const setStatus = (status: string) =>
    service.runtime.database.system.application.update({ where: { id: applicationId }, data: { status } });
  const freeze = () =>
    service.runtime.database.system.materialVersion.updateMany({
      where: { frozenAt: null },
      data: { frozenAt: clock.now() },
    });

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-applications-materials-'));
    const env = infra.env({
      LAUREL_APPLICATIONS_FILES_DIR: filesDir,
      LAUREL_APPLICATIONS_MAX_FILE_BYTES: String(MAX),
    });
    service = await bootstrapService(applicationsService({ env }), { env, clock });
    // An application submitted to a recommender, seeded directly (the procedure itself is tested end to end).
    const system = service.runtime.database.system;
    const now = clock.now();
    const applicant = await system.applicant.create({
      data: {
        id: randomUUID(),
        tenantId: tenant,
        kind: 'organisation',
        name: '测试公司',
        identityHash: randomUUID(),
        creditCode: '91110000600037341L',
        accountUserId: applicantUser,
        createdAt: now,
      },
    });
    const recommender = await system.recommender.create({
      data: {
        id: randomUUID(),
        tenantId: tenant,
        name: '工信局',
        kind: 'department',
        userIds: [recommenderUser],
        createdAt: now,
      },
    });
    applicationId = randomUUID();
    await system.application.create({
      data: {
        id: applicationId,
        tenantId: tenant,
        applicantId: applicant.id,
        recommenderId: recommender.id,
        cycleNumber: 1,
        cycleYear: 2026,
        policyKey: 'ili',
        policyVersion: 1,
        plan: [],
        status: 'draft',
        facts: {},
        attestations: {},
        decisions: {},
        eligibility: {},
        banChecks: [],
        createdAt: now,
        updatedAt: now,
      },
    });
  });
  afterAll(async () => {
    await service?.close();
    await infra?.dispose();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('takes every accepted kind, stores the bytes under the tenant and records their SHA-256', async () => {
    for (const kind of Object.keys(TYPES) as MaterialKind[]) {
      const material = await upload(kind);
      expect(material.versions).toEqual([
        expect.objectContaining({ version: 1, contentType: TYPES[kind], sha256: sha256(BYTES[kind]), frozenAt: null }),
      ]);
    }
    const [row] = await service.runtime.database.system.materialVersion.findMany({ take: 1 });
    expect(row?.storageKey.startsWith(`${tenant}/`)).toBe(true);
    expect(await readFile(path.join(filesDir, row?.storageKey ?? ''))).toEqual(
      Object.values(BYTES).find((b) => sha256(b) === row?.sha256),
    );
  });

  it.each([
    ['a PNG declared as PDF', 'pdf', BYTES.png, '材料.pdf', 'body.file.contentType'],
    ['a ZIP that is no Word document, declared as docx', 'docx', BYTES.xlsx, '材料.docx', 'body.file.contentType'],
    ['an OLE2 file declared as docx', 'docx', BYTES.doc, '材料.docx', 'body.file.contentType'],
    ['a PDF named .docx', 'pdf', BYTES.pdf, '材料.docx', 'body.file.filename'],
    ['a Windows program (MZ)', 'pdf', BYTES.exe, '材料.pdf', 'body.file.contentBase64'],
    ['an ELF program', 'pdf', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), '材料.pdf', 'body.file.contentBase64'],
    [
      'a file above the configured limit',
      'pdf',
      Buffer.concat([BYTES.pdf, Buffer.alloc(MAX)]),
      '材料.pdf',
      'body.file.contentBase64',
    ],
  ] as const)('refuses %s, naming the field', async (_what, kind, bytes, name, field) => {
    await expect(upload(kind, { bytes, name })).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field })],
    });
  });

  it('replaces in place before submission, refuses changes once submitted, and versions after a return', async () => {
    const material = await upload('pdf', { tradeSecret: true });
    const keyOf = async () =>
      (await service.runtime.database.system.materialVersion.findFirst({ where: { materialId: material.id } }))
        ?.storageKey ?? '';
    const draftKey = await keyOf();
    const draftReplace = await request(materialReplace, {
      applicationId,
      materialId: material.id,
      file: fileOf('pdf', Buffer.from('%PDF-1.5\n%%EOF\n')),
    });
    expect(draftReplace.versions).toHaveLength(1);
    // The bytes of a draft version replaced in place are removed from the store.
    await expect(readFile(path.join(filesDir, draftKey))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await keyOf()).not.toBe(draftKey);

    await setStatus('submitted');
    await freeze();
    await expect(
      request(materialReplace, { applicationId, materialId: material.id, file: fileOf('pdf') }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(request(materialRemove, { applicationId, materialId: material.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(upload('png')).rejects.toMatchObject({ code: 'conflict' });

    await setStatus('returned');
    const v2 = await request(materialReplace, {
      applicationId,
      materialId: material.id,
      title: '更正后的报告',
      file: fileOf('pdf', Buffer.from('%PDF-1.6\n%%EOF\n')),
    });
    expect(v2).toMatchObject({ title: '更正后的报告', currentVersion: 2 });
    expect(v2.versions.map((v) => v.frozenAt === null)).toEqual([false, true]);
    // A returned application's submitted versions stay; the new unsubmitted one is replaced in place.
    const v2again = await request(materialReplace, {
      applicationId,
      materialId: material.id,
      file: fileOf('pdf', Buffer.from('%PDF-1.7\n%%EOF\n')),
    });
    expect(v2again.currentVersion).toBe(2);
    await expect(request(materialRemove, { applicationId, materialId: material.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    const first = await request(materialDownload, { applicationId, materialId: material.id, version: 1 });
    expect(Buffer.from(first.contentBase64, 'base64').toString()).toBe('%PDF-1.5\n%%EOF\n');

    // Who sees what: the recommender sees neither the trade-secret material nor unsubmitted versions.
    await expect(
      request(materialDownload, { applicationId, materialId: material.id }, asRecommender()),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      request(materialDownload, { applicationId, materialId: material.id }, as(['recommender'], 'someone-else')),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      request(materialDownload, { applicationId, materialId: material.id }, as(['applicant'], 'another-applicant')),
    ).rejects.toMatchObject({ code: 'not_found' });
    const office = await request(materialDownload, { applicationId, materialId: material.id }, as(['office']));
    expect(office).toMatchObject({ version: 2, tradeSecret: true });
    await expect(
      request(materialUpload, { applicationId, title: 'x', tradeSecret: false, file: fileOf('png') }, asRecommender()),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await setStatus('draft');
  });

  it('refuses to hand out a file whose bytes no longer match their SHA-256', async () => {
    const material = await upload('png');
    const row = await service.runtime.database.system.materialVersion.findFirst({ where: { materialId: material.id } });
    await writeFile(path.join(filesDir, row?.storageKey ?? ''), Buffer.concat([BYTES.png, Buffer.from('x')]));
    await expect(request(materialDownload, { applicationId, materialId: material.id })).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('keeps another tenant out: invisible and untouchable (row-level security)', async () => {
    const material = await upload('jpeg');
    await expect(
      request(materialDownload, { applicationId, materialId: material.id }, as(['office'], 'x', otherTenant)),
    ).rejects.toMatchObject({ code: 'not_found' });
    const seen = await RequestContexts.run(as(['office'], 'x', otherTenant), () =>
      service.runtime.database.inTenant(async (tx) => ({
        materials: await tx.material.count(),
        versions: await tx.materialVersion.count(),
        changed: (await tx.material.updateMany({ data: { title: 'hijacked' } })).count,
      })),
    );
    expect(seen).toEqual({ materials: 0, versions: 0, changed: 0 });
    expect(await service.runtime.database.system.material.count({ where: { title: 'hijacked' } })).toBe(0);
  });
});
