import { randomUUID } from 'node:crypto';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  type MessageContract,
  materialDownload,
  materialReplace,
  materialUpload,
  type RequestOf,
} from '@laurel/contracts';
import { bootstrapService, type RequestContext, type RunningService } from '@laurel/platform';
import { TestClock, TestInfrastructure } from '@laurel/testing';
import { applicationsService } from '../src/applications.service-definition';
import type { PrismaClient } from '../src/applications-prisma';
import { BYTES, fileOf, sha256 } from './material-files.util';
import { S3RVER_CREDENTIALS, TestS3Server } from './s3-server.util';

const BUCKET = 'laurel-test';
const PREFIX = 'laurel/materials/';

/**
 * The materials flow with `LAUREL_APPLICATIONS_FILE_STORE=s3` against a real S3 server (s3rver) and the real
 * PostgreSQL: the service picks the S3 store from its configuration, uploads land in the bucket under the tenant,
 * downloads come back hash-checked, replaced draft bytes leave the bucket.
 */
describe('application materials in an S3-compatible store (service)', () => {
  let infra: TestInfrastructure;
  let s3: TestS3Server;
  let raw: S3Client;
  let service: RunningService<PrismaClient>;
  const clock = new TestClock('2026-11-23T02:00:00Z');
  const tenant = randomUUID();
  const applicantUser = 'user-applicant';
  let applicationId: string;

  const asApplicant = (): RequestContext => ({
    tenantId: tenant,
    correlationId: randomUUID(),
    actor: { userId: applicantUser, roles: ['applicant'], operator: false },
  });
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>) =>
    service.runtime.client.request(contract, payload, { context: asApplicant() });
  const storageKeyOf = async (materialId: string) =>
    (await service.runtime.database.system.materialVersion.findFirst({ where: { materialId } }))?.storageKey ?? '';
  const objectKeysIn = async () =>
    ((await raw.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: PREFIX }))).Contents ?? []).map((o) => o.Key);

  beforeAll(async () => {
    s3 = await TestS3Server.start([BUCKET]);
    raw = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
    });
    infra = await TestInfrastructure.create();
    const env = infra.env(s3.env(BUCKET, { LAUREL_APPLICATIONS_S3_KEY_PREFIX: PREFIX }));
    service = await bootstrapService(applicationsService({ env }), { env, clock });
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
    applicationId = randomUUID();
    await system.application.create({
      data: {
        id: applicationId,
        tenantId: tenant,
        applicantId: applicant.id,
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
    raw?.destroy();
    await s3?.stop();
  });

  it('uploads a PDF into the bucket and downloads it back, checked against its SHA-256', async () => {
    const material = await request(materialUpload, {
      applicationId,
      title: '营业执照',
      tradeSecret: false,
      file: fileOf('pdf'),
    });
    expect(material.versions).toEqual([expect.objectContaining({ version: 1, sha256: sha256(BYTES.pdf) })]);
    const key = await storageKeyOf(material.id);
    expect(key.startsWith(`${tenant}/`)).toBe(true);
    const object = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${key}` }));
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? [])).toEqual(BYTES.pdf);

    const download = await request(materialDownload, { applicationId, materialId: material.id });
    expect(download).toMatchObject({ version: 1, contentType: 'application/pdf', sha256: sha256(BYTES.pdf) });
    expect(Buffer.from(download.contentBase64, 'base64')).toEqual(BYTES.pdf);
  });

  it('removes the bytes of a draft version replaced in place from the bucket', async () => {
    const material = await request(materialUpload, {
      applicationId,
      title: '报告',
      tradeSecret: false,
      file: fileOf('pdf'),
    });
    const draftKey = await storageKeyOf(material.id);
    const replacement = Buffer.from('%PDF-1.5\n%%EOF\n');
    await request(materialReplace, { applicationId, materialId: material.id, file: fileOf('pdf', replacement) });
    const newKey = await storageKeyOf(material.id);
    expect(newKey).not.toBe(draftKey);
    await expect(
      raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${draftKey}` })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect(await objectKeysIn()).toContain(`${PREFIX}${newKey}`);
    const download = await request(materialDownload, { applicationId, materialId: material.id });
    expect(Buffer.from(download.contentBase64, 'base64')).toEqual(replacement);
  });

  it('refuses to hand out bytes changed in the bucket, or gone from it', async () => {
    const material = await request(materialUpload, {
      applicationId,
      title: '照片',
      tradeSecret: false,
      file: fileOf('png'),
    });
    const key = `${PREFIX}${await storageKeyOf(material.id)}`;
    await raw.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: Buffer.concat([BYTES.png, Buffer.from('x')]) }),
    );
    await expect(request(materialDownload, { applicationId, materialId: material.id })).rejects.toMatchObject({
      code: 'internal',
    });
    await raw.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
    await expect(request(materialDownload, { applicationId, materialId: material.id })).rejects.toMatchObject({
      code: 'internal',
    });
  });
});
