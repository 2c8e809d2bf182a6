import { randomUUID } from 'node:crypto';
import {
  createProgramme,
  DomainError,
  type ProgrammeView,
  type TenantView,
  tenantCreated,
  tenantResumed,
  tenantSuspended,
} from '@laurel/contracts';
import { AuditTrail, Database, Outbox, type RequestContext, RequestContexts, ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../gateway-prisma';
import type { Principal } from '../http/authenticated-request';
import { TenantRepository } from './tenant.repository';
import type { TenantToCreate } from './tenant.schema';
import { TenantDirectory } from './tenant-directory.service';

type TenantRow = Awaited<ReturnType<TenantRepository['create']>>;

export const tenantView = (row: TenantRow): TenantView => ({
  id: row.id,
  key: row.key,
  nameZh: row.nameZh,
  nameEn: row.nameEn,
  level: row.level,
  divisionCode: row.divisionCode,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

/** The tenant registry: operators create, suspend and resume jurisdictions. */
@Injectable()
export class TenantService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly tenants: TenantRepository,
    private readonly directory: TenantDirectory,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly client: ServiceClient,
  ) {}

  /**
   * Registers a jurisdiction and, with a policy document, its award programme — both or neither. The tenant row
   * is written in a transaction that stays open while the awards service creates the programme (over NATS, with
   * the new tenant in context); if that call fails or is refused, the transaction rolls back and nothing of the
   * tenant exists, not even its `gateway.tenant.created.v1` event (it is in the same outbox transaction).
   */
  async create(
    context: RequestContext,
    { tenant, policy }: TenantToCreate,
  ): Promise<TenantView & { programme: ProgrammeView | null }> {
    const id = randomUUID();
    const scoped = { ...context, tenantId: id };
    const created = await RequestContexts.run(scoped, () =>
      this.database.asSystem(async (tx) => {
        if (await this.tenants.byKey(tx, tenant.key)) {
          throw DomainError.conflict(
            { zh: `辖区标识 ${tenant.key} 已被使用`, en: `The key ${tenant.key} is taken` },
            { field: 'key' },
          );
        }
        const row = await this.tenants.create(tx, id, tenant);
        const view = tenantView(row);
        await this.outbox.add(tx, tenantCreated, view);
        // The programme before the audit entry: recording takes the tenant's audit-chain advisory lock, which is
        // database-wide and which the awards service needs for its own entry while this transaction waits on it.
        const programme = policy
          ? await this.client.request(createProgramme, { tenantKey: tenant.key, policy }, { context: scoped })
          : null;
        await this.audit.record(tx, { action: 'tenant.create', targetType: 'tenant', targetId: id, after: view });
        return { row, programme };
      }),
    );
    this.directory.forget(tenant.key);
    return { ...tenantView(created.row), programme: created.programme };
  }

  async list(principal: Principal): Promise<TenantView[]> {
    const rows = await this.database.asSystem((tx) =>
      this.tenants.list(tx, principal.actor.operator ? undefined : Object.keys(principal.memberships)),
    );
    return rows.map(tenantView);
  }

  async get(key: string): Promise<TenantView> {
    const row = await this.database.asSystem((tx) => this.tenants.byKey(tx, key));
    if (!row) throw DomainError.notFound({ zh: '未找到该辖区', en: 'No such jurisdiction' });
    return tenantView(row);
  }

  async setStatus(context: RequestContext, key: string, status: 'active' | 'suspended'): Promise<TenantView> {
    const existing = await this.get(key);
    const row = await RequestContexts.run({ ...context, tenantId: existing.id }, () =>
      this.database.asSystem(async (tx) => {
        if (existing.status === status) return this.tenants.byId(tx, existing.id);
        const updated = await this.tenants.setStatus(tx, existing.id, status);
        await this.outbox.add(tx, status === 'suspended' ? tenantSuspended : tenantResumed, { tenantId: existing.id });
        await this.audit.record(tx, {
          action: status === 'suspended' ? 'tenant.suspend' : 'tenant.resume',
          targetType: 'tenant',
          targetId: existing.id,
          before: { status: existing.status },
          after: { status },
        });
        return updated;
      }),
    );
    this.directory.forget(key);
    return tenantView(row);
  }
}
