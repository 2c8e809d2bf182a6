import { DomainError, type ProgrammeView, programmeCreated } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { validatePolicyDocument } from '../policy/policy-document.util';
import { RegulationExpiryScheduler } from '../regulation/regulation-expiry.scheduler';
import { PolicyVersionRepository } from './policy-version.repository';
import { ProgrammeRepository } from './programme.repository';

export const noProgramme = () =>
  DomainError.notFound({
    zh: '该辖区尚未设立质量奖（无政策文件）',
    en: 'This jurisdiction has no award programme (no policy) yet',
  });

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === 'P2002';

/** Creates the tenant's programme together with version 1 of its policy. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly versions: PolicyVersionRepository,
    private readonly regulation: RegulationExpiryScheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async create(tenantKey: string, document: unknown): Promise<ProgrammeView> {
    const policy = validatePolicyDocument(document, { key: tenantKey, version: 1 });
    const taken = () =>
      DomainError.conflict({ zh: '该辖区已设立质量奖', en: 'This jurisdiction already has its award programme' });
    try {
      const { view, plan } = await this.database.inTenant(async (tx) => {
        if (await this.programmes.current(tx)) throw taken();
        const now = this.clock.now();
        const createdBy = acting().userId;
        const programme = await this.programmes.create(tx, {
          key: policy.key,
          nameZh: policy.name.zh,
          nameEn: policy.name.en,
          createdBy,
          createdAt: now,
        });
        await this.versions.create(tx, {
          programmeId: programme.id,
          version: 1,
          document: policy,
          appliesFromCycle: 1,
          createdBy,
          createdAt: now,
        });
        const view: ProgrammeView = {
          id: programme.id,
          key: programme.key,
          name: policy.name,
          policyVersion: 1,
          createdBy,
          createdAt: now.toISOString(),
        };
        await this.outbox.add(tx, programmeCreated, {
          programmeId: programme.id,
          key: programme.key,
          name: policy.name,
          policyVersion: 1,
        });
        await this.audit.record(tx, {
          action: 'programme.create',
          targetType: 'programme',
          targetId: programme.id,
          after: {
            key: programme.key,
            name: policy.name,
            policyVersion: 1,
            regulation: {
              documentNumber: policy.regulation.documentNumber,
              inForce: policy.regulation.inForce.date,
              lastDayInForce: policy.regulation.expires?.date ?? null,
            },
          },
        });
        const plan = await this.regulation.plan(tx, programme.id, 1, policy);
        return { view, plan };
      });
      await this.regulation.apply(plan);
      return view;
    } catch (error) {
      // Two creations for one tenant at once: the unique tenant_id lets one through.
      if (isUniqueViolation(error)) throw taken();
      throw error;
    }
  }
}
