import { createHash, randomUUID } from 'node:crypto';
import {
  type ApplicationStatus,
  applicationStatusLabels,
  DomainError,
  MATERIAL_INLINE_DOWNLOAD_BYTES,
  type MaterialView,
  type MaterialWireFile,
  type StateSecretStatement,
  type stateSecretStatementSchema,
} from '@laurel/contracts';
import { AuditTrail, BlobTransfer, Clock, Database, FileStore, RequestContexts } from '@laurel/platform';
import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { ApplicationRepository, type ApplicationWithDetails } from '../application/application.repository';
import { AwardsGateway } from '../application/awards.gateway';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { acting, notAllowed } from '../identity/actor.util';
import { type ApplicationAccess, accessTo } from '../identity/application-access.util';
import { toMaterialView } from './material.mapper';
import { MaterialRepository, type MaterialVersionRow, type MaterialWithVersions } from './material.repository';
import { type CheckedFile, MaterialIntakeService } from './material-intake.service';
import { ReviewsGateway } from './reviews.gateway';

/** How the caller reads materials: as a party to the application, or as an expert assigned to review it. */
type MaterialAccess = ApplicationAccess | 'expert';

/** Before the first submission, and while returned for correction, the applicant may change its materials. */
const EDITABLE: ReadonlySet<string> = new Set(['draft', 'internal_publicity', 'returned']);

const applicationNotFound = () => DomainError.notFound({ zh: '未找到该申报', en: 'No such application' });
const materialNotFound = () => DomainError.notFound({ zh: '未找到该材料', en: 'No such material' });
const frozen = (status: string) =>
  DomainError.conflict(
    {
      zh: `申报当前状态为「${applicationStatusLabels[status as ApplicationStatus]?.zh ?? '未知'}」，材料已提交，不能修改或删除；退回修改时可上传新版本`,
      en: `The application is ${status}: its materials were submitted and cannot be changed or removed; a correction after return is a new version`,
    },
    { currentStatus: status },
  );

/**
 * An application's materials (申报材料): upload, replace, remove while the application may still change; frozen
 * once submitted (a later change is version n+1, the submitted version stays). The applicant sees its own, the
 * recommender what was submitted to it except trade secrets, the office all. Every download is hash-checked and
 * audited.
 */
@Injectable()
export class MaterialService {
  private readonly logger = new Logger(MaterialService.name);

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly materials: MaterialRepository,
    private readonly applications: ApplicationRepository,
    private readonly awards: AwardsGateway,
    private readonly intake: MaterialIntakeService,
    private readonly store: FileStore,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly blobs: BlobTransfer,
    private readonly reviews: ReviewsGateway,
  ) {}

  async upload(applicationId: string, body: { title: string; tradeSecret: boolean; file: MaterialWireFile }) {
    const file = await this.intake.receive(body.file);
    const key = await this.save(file);
    const id = await this.database.inTenant(async (tx) => {
      await this.editable(tx, applicationId);
      const now = this.clock.now();
      const materialId = await this.materials.create(
        tx,
        { applicationId, title: body.title, tradeSecret: body.tradeSecret, createdBy: acting().label, at: now },
        this.versionOf(file, key, now),
      );
      await this.audit.record(tx, {
        action: 'application.material.upload',
        targetType: 'material',
        targetId: materialId,
        after: { applicationId, title: body.title, tradeSecret: body.tradeSecret, version: 1, sha256: file.sha256 },
      });
      return materialId;
    });
    return this.view(applicationId, id);
  }

  async replace(
    applicationId: string,
    materialId: string,
    body: { title?: string; tradeSecret?: boolean; file: MaterialWireFile },
  ): Promise<MaterialView> {
    const file = await this.intake.receive(body.file);
    const key = await this.save(file);
    const replacedKey = await this.database.inTenant(async (tx) => {
      await this.editable(tx, applicationId);
      const material = await this.materials.find(tx, applicationId, materialId);
      if (!material) throw materialNotFound();
      const current = material.versions.at(-1);
      const now = this.clock.now();
      const change = {
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(body.tradeSecret === undefined ? {} : { tradeSecret: body.tradeSecret }),
        updatedAt: now,
      };
      const data = this.versionOf(file, key, now);
      let version: number;
      let replaced: string | null = null;
      if (current && current.frozenAt === null) {
        // Never submitted: replaced in place.
        const { id: _id, ...rest } = data;
        await this.materials.replaceVersion(tx, current.id, rest, materialId, change);
        version = current.version;
        replaced = current.storageKey;
      } else {
        // The submitted version stays as it was reviewed; the change is the next version.
        version = (current?.version ?? 0) + 1;
        await this.materials.addVersion(tx, materialId, version, data, change);
      }
      await this.audit.record(tx, {
        action: 'application.material.replace',
        targetType: 'material',
        targetId: materialId,
        before: current ? { version: current.version, sha256: current.sha256 } : null,
        after: { applicationId, version, sha256: file.sha256, title: body.title, tradeSecret: body.tradeSecret },
      });
      return replaced;
    });
    if (replacedKey) await this.discard(replacedKey);
    return this.view(applicationId, materialId);
  }

  async remove(applicationId: string, materialId: string): Promise<{ removed: true }> {
    const keys = await this.database.inTenant(async (tx) => {
      const application = await this.editable(tx, applicationId);
      const material = await this.materials.find(tx, applicationId, materialId);
      if (!material) throw materialNotFound();
      if (material.versions.some((v) => v.frozenAt !== null)) throw frozen(application.status);
      await this.materials.remove(tx, materialId);
      await this.audit.record(tx, {
        action: 'application.material.remove',
        targetType: 'material',
        targetId: materialId,
        before: { applicationId, title: material.title, versions: material.versions.length },
      });
      return material.versions.map((v) => v.storageKey);
    });
    for (const key of keys) await this.discard(key);
    return { removed: true };
  }

  async list(applicationId: string) {
    const application = await this.database.inTenant((tx) => this.applications.find(tx, applicationId));
    if (!application) throw applicationNotFound();
    const access: MaterialAccess | null =
      accessTo(application) ?? ((await this.reviews.assignedExpert(applicationId)) ? 'expert' : null);
    if (!access) throw applicationNotFound();
    const rows = await this.database.inTenant((tx) => this.materials.listOf(tx, applicationId));
    const materials: MaterialView[] = [];
    for (const row of rows) {
      const versions = visibleVersions(row, access);
      if (versions.length > 0) materials.push(toMaterialView(row, versions));
    }
    return {
      stateSecretStatement: statementOf(application),
      stateSecretStatementRequired: (await this.stateSecretArticle(application)) !== null,
      materials,
    };
  }

  /**
   * One version's bytes (default: the latest the caller may see), checked against its SHA-256, audited; above
   * `MATERIAL_INLINE_DOWNLOAD_BYTES` they go into the blob store and the answer carries the reference.
   */
  async download(applicationId: string, materialId: string, version?: number) {
    const assignedExpert = await this.reviews.assignedExpert(applicationId);
    return this.database.inTenant(async (tx) => {
      const application = await this.applications.find(tx, applicationId);
      const access: MaterialAccess | null = application
        ? (accessTo(application) ?? (assignedExpert ? 'expert' : null))
        : null;
      if (!access) throw applicationNotFound();
      const material = await this.materials.find(tx, applicationId, materialId);
      if (!material) throw materialNotFound();
      const versions = visibleVersions(material, access);
      const chosen = version === undefined ? versions.at(-1) : versions.find((v) => v.version === version);
      if (!chosen) throw materialNotFound();
      const bytes = await this.store.get(chosen.storageKey);
      if (createHash('sha256').update(bytes).digest('hex') !== chosen.sha256) {
        throw new DomainError({
          code: 'internal',
          detail: {
            zh: '文件已损坏，与登记的摘要不符',
            en: 'The file is damaged: it no longer matches its recorded SHA-256',
          },
        });
      }
      await this.audit.record(tx, {
        action: 'application.material.download',
        targetType: 'material',
        targetId: materialId,
        after: {
          applicationId,
          version: chosen.version,
          sha256: chosen.sha256,
          tradeSecret: material.tradeSecret,
          as: access,
        },
      });
      const meta = {
        materialId,
        version: chosen.version,
        filename: chosen.filename,
        contentType: chosen.contentType,
        size: chosen.size,
        sha256: chosen.sha256,
        tradeSecret: material.tradeSecret,
      };
      if (bytes.length <= MATERIAL_INLINE_DOWNLOAD_BYTES) return { ...meta, contentBase64: bytes.toString('base64') };
      // Too large for one reply: handed over in the blob store, which the gateway takes and streams to the client.
      const { ref } = await this.blobs.put(bytes, { contentType: chosen.contentType });
      return { ...meta, contentBase64: '', blobRef: ref };
    });
  }

  /** The applicant (or the office for it) states that the materials contain no state secret: who, when, article. */
  async stateSecretStatement(applicationId: string) {
    const loaded = await this.database.inTenant((tx) => this.applications.find(tx, applicationId));
    if (!loaded || !accessTo(loaded)) throw applicationNotFound();
    const article = await this.stateSecretArticle(loaded);
    await this.database.inTenant(async (tx) => {
      const application = await this.editable(tx, applicationId);
      const statement: StateSecretStatement = {
        noStateSecrets: true,
        by: acting().label,
        at: this.clock.now().toISOString(),
        basis: article ? `${application.policyKey} ${article}` : null,
      };
      await this.applications.update(tx, applicationId, { stateSecretStatement: statement });
      await this.audit.record(tx, {
        action: 'application.material.state-secret-statement',
        targetType: 'application',
        targetId: applicationId,
        basis: statement.basis ?? undefined,
        after: statement,
      });
    });
    return this.list(applicationId);
  }

  /** The policy's article that materials contain no state secret, or null where the regulation has none. */
  async stateSecretArticle(application: { policyVersion: number }): Promise<string | null> {
    return (await this.awards.policy(application.policyVersion)).conduct.noStateSecrets;
  }

  private async view(applicationId: string, materialId: string): Promise<MaterialView> {
    const row = await this.database.inTenant((tx) => this.materials.find(tx, applicationId, materialId));
    if (!row) throw materialNotFound();
    return toMaterialView(row, row.versions);
  }

  /** Locks the application (a submission never interleaves), checks who acts and that it may still change. */
  private async editable(tx: ApplicationsTx, applicationId: string): Promise<ApplicationWithDetails> {
    await this.applications.lock(tx, applicationId);
    const application = await this.applications.find(tx, applicationId);
    const access = application ? accessTo(application) : null;
    if (!application || !access) throw applicationNotFound();
    if (access === 'recommender') throw notAllowed();
    if (!EDITABLE.has(application.status)) throw frozen(application.status);
    return application;
  }

  private async save(file: CheckedFile): Promise<string> {
    const key = `${RequestContexts.requireTenant()}/${randomUUID()}`;
    await this.store.put(key, file.bytes);
    return key;
  }

  /** Bytes no row points to any more; failing to remove them loses nothing but space. */
  private async discard(key: string): Promise<void> {
    await this.store.delete(key).catch((error: unknown) => {
      this.logger.warn({ key, error: String(error) }, 'could not remove a replaced material file');
    });
  }

  private versionOf(file: CheckedFile, storageKey: string, at: Date) {
    return {
      id: randomUUID(),
      filename: file.filename,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      storageKey,
      uploadedBy: acting().label,
      uploadedAt: at,
    };
  }
}

/**
 * The recommender sees what was submitted to it (frozen versions) and never trade secrets; an assigned expert the
 * submitted versions, trade secrets included (shown to the assigned panel only); the others all.
 */
function visibleVersions(material: MaterialWithVersions, access: MaterialAccess): MaterialVersionRow[] {
  if (access === 'office' || access === 'applicant') return material.versions;
  if (access === 'expert') return material.versions.filter((v) => v.frozenAt !== null);
  if (access === 'recommender' && !material.tradeSecret) return material.versions.filter((v) => v.frozenAt !== null);
  return [];
}

const statementOf = (row: { stateSecretStatement: unknown }) =>
  (row.stateSecretStatement as z.infer<typeof stateSecretStatementSchema> | null) ?? null;
