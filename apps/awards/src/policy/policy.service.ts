import { DomainError, type PolicyVersionView, policyVersioned } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { type PolicySummary, summarizePolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { CycleRepository } from '../cycle/cycle.repository';
import { PolicyVersionRepository } from '../programme/policy-version.repository';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme, ProgrammeService } from '../programme/programme.service';
import { RegulationExpiryScheduler } from '../regulation/regulation-expiry.scheduler';
import { storedPolicy, validatePolicyDocument } from './policy-document.util';

type VersionRow = NonNullable<Awaited<ReturnType<PolicyVersionRepository['latest']>>>;

const versionView = (row: VersionRow): PolicyVersionView => ({
  programmeId: row.programmeId,
  version: row.version,
  appliesFromCycle: row.appliesFromCycle,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  policy: row.document as Record<string, unknown>,
});

/** Reads, summarises and versions the programme's policy. */
@Injectable()
export class PolicyService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly programmeService: ProgrammeService,
    private readonly versions: PolicyVersionRepository,
    private readonly cycles: CycleRepository,
    private readonly regulation: RegulationExpiryScheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(version?: number): Promise<PolicyVersionView> {
    return versionView(await this.database.inTenant((tx) => this.find(tx, version)));
  }

  /** `summarizePolicy` of a version (the contract's `policySummarySchema` checks it on the way out). */
  async summary(version?: number): Promise<PolicySummary> {
    const row = await this.database.inTenant((tx) => this.find(tx, version));
    return summarizePolicy(storedPolicy(row.document));
  }

  /**
   * A new, immutable version that applies from the next cycle (the open one keeps the version it pinned).
   * The document's `version` must be the next number: a stale edit is refused (409) instead of overwriting.
   * Without a programme, this creates it (version 1).
   */
  async put(tenantKey: string, document: unknown): Promise<PolicyVersionView & { programmeCreated: boolean }> {
    const programme = await this.database.inTenant((tx) => this.programmes.current(tx));
    if (!programme) {
      await this.programmeService.create(tenantKey, document);
      return { ...(await this.get(1)), programmeCreated: true };
    }
    const policy = validatePolicyDocument(document, { key: programme.key });
    const { row, plan } = await this.database.inTenant(async (tx) => {
      await this.programmes.lock(tx, programme.id);
      const latest = await this.versions.latest(tx, programme.id);
      if (!latest) throw noProgramme();
      const version = latest.version + 1;
      if (policy.version !== version) {
        throw new DomainError({
          code: 'conflict',
          detail: {
            zh: `当前为第${latest.version}版，新版本的 version 须为 ${version}`,
            en: `The current version is ${latest.version}: the new document's version must be ${version}`,
          },
          fields: [
            {
              field: 'policy.version',
              reason: { zh: `须为 ${version}`, en: `must be ${version} (got ${policy.version})` },
            },
          ],
          extensions: { currentVersion: latest.version },
        });
      }
      const last = await this.cycles.last(tx, programme.id);
      const appliesFromCycle = (last?.number ?? 0) + 1;
      const row = await this.versions.create(tx, {
        programmeId: programme.id,
        version,
        document: policy,
        appliesFromCycle,
        createdBy: acting().userId,
        createdAt: this.clock.now(),
      });
      await this.outbox.add(tx, policyVersioned, {
        programmeId: programme.id,
        version,
        previousVersion: latest.version,
        appliesFromCycle,
      });
      await this.audit.record(tx, {
        action: 'policy.version',
        targetType: 'programme',
        targetId: programme.id,
        before: { version: latest.version },
        after: {
          version,
          appliesFromCycle,
          regulation: {
            documentNumber: policy.regulation.documentNumber,
            inForce: policy.regulation.inForce.date,
            lastDayInForce: policy.regulation.expires?.date ?? null,
          },
        },
      });
      const plan = await this.regulation.plan(tx, programme.id, version, policy);
      return { row, plan };
    });
    await this.regulation.apply(plan);
    return { ...versionView(row), programmeCreated: false };
  }

  private async find(tx: AwardsTx, version?: number): Promise<VersionRow> {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    const row =
      version === undefined
        ? await this.versions.latest(tx, programme.id)
        : await this.versions.byVersion(tx, programme.id, version);
    if (!row) {
      throw DomainError.notFound({ zh: `未找到第${version}版政策`, en: `No policy version ${version}` });
    }
    return row;
  }
}
