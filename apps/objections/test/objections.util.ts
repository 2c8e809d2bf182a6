import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { noticeOpen, objectionFile, objectionList, objectionRulesPut, type RequestOf } from '@laurel/contracts';
import { bootstrapService, type Clock, type RequestContext, type RunningService } from '@laurel/platform';
import { type LaunchPolicyKey, loadLaunchPolicy } from '@laurel/policy';
import type { TestInfrastructure } from '@laurel/testing';
import { objectionsService } from '../src/objections.service-definition';
import type { PrismaClient } from '../src/objections-prisma';

export interface StartedObjections {
  service: RunningService<PrismaClient>;
  filesDir: string;
  close(): Promise<void>;
}

/** The objections service in this process, its files in a temporary directory. */
export async function startObjections(infra: TestInfrastructure, clock: Clock): Promise<StartedObjections> {
  const filesDir = await mkdtemp(path.join(tmpdir(), 'laurel-objections-'));
  const env = infra.env({ LAUREL_OBJECTIONS_FILES_DIR: filesDir });
  const service = await bootstrapService(objectionsService({ env }), { env, clock });
  return {
    service,
    filesDir,
    close: async () => {
      await service.close();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** A request context as the gateway would send it. */
export const asRole = (tenantId: string, roles: string[] = ['office']): RequestContext => ({
  tenantId,
  correlationId: randomUUID(),
  actor: { userId: `user-${roles.join('-')}`, roles, operator: false },
});

/** The public: a tenant, no actor. */
export const asPublic = (tenantId: string): RequestContext => ({ tenantId, correlationId: randomUUID(), actor: null });

/** The objection rules of a launch jurisdiction, as the office would put them. */
export function launchRules(key: LaunchPolicyKey): RequestOf<typeof objectionRulesPut> {
  const policy = loadLaunchPolicy(key);
  return {
    policyKey: policy.key,
    policyVersion: policy.version,
    objections: policy.objections as unknown as Record<string, unknown>,
    reports: policy.reports as unknown as Record<string, unknown>,
    notices: policy.procedure.notices as unknown as Record<string, unknown>[],
  };
}

/** A tiny valid PNG / PDF, base64. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

export const png = (filename = 'proof.png') => ({
  filename,
  contentType: 'image/png' as const,
  contentBase64: PNG_BASE64,
});
export const pdf = (filename = 'evidence.pdf') => ({
  filename,
  contentType: 'application/pdf' as const,
  contentBase64: PDF_BASE64,
});

/** A person who gives everything the ili and linxia regulations ask. */
export const person = () => ({
  kind: 'person' as const,
  name: '张三',
  phone: '13812345678',
  address: '伊宁市解放路 1 号',
  idNumber: '11010519491231002X',
  identityProof: png('id-card.png'),
  signature: png('signature.png'),
});

export const organisation = () => ({
  kind: 'organisation' as const,
  name: '伊犁某某有限公司',
  creditCode: '91350100M000100Y43',
  address: '伊宁市新华路 2 号',
  phone: '0999-8123456',
  officialSeal: png('seal.png'),
});

/**
 * An objection by the public on a fresh winners' notice of the tenant (published on `publishedOn`), found by a body
 * that may read objections (`reader`): its id and receipt number.
 */
export async function objectionOnNewNotice(
  started: StartedObjections,
  tenant: string,
  options: { publishedOn: string; reader?: string[] },
): Promise<{ id: string; receiptNumber: string; token: string }> {
  const client = started.service.runtime.client;
  const notice = await client.request(
    noticeOpen,
    {
      stage: 'proposed_winners',
      title: '拟授奖名单公示',
      publishedOn: options.publishedOn,
      entries: [{ subjectKind: 'organisation', subjectId: 'a-1', subjectName: '甲公司', proposal: '拟授予质量奖' }],
    },
    { context: asRole(tenant) },
  );
  const filed = await client.request(
    objectionFile,
    {
      noticeId: notice.id,
      entryId: notice.entries[0]?.id as string,
      objector: person(),
      grounds: '该单位近三年发生过重大质量事故。',
      evidence: [pdf()],
    },
    { context: asPublic(tenant) },
  );
  const { objections } = await client.request(objectionList, {}, { context: asRole(tenant, options.reader) });
  return { id: objections.find((o) => o.receiptNumber === filed.receiptNumber)?.id as string, ...filed };
}
