import { randomUUID } from 'node:crypto';
import { DomainError, type TenantView, tenantCreated, tenantResumed, tenantSuspended } from '@laurel/contracts';
import { AuditTrail, Database, Outbox, type RequestContext, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../gateway-prisma';
import type { Principal } from '../http/authenticated-request';
import { TenantRepository } from './tenant.repository';
import type { CreateTenantBody } from './tenant.schema';
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
  ) {}

  async create(context: RequestContext, body: CreateTenantBody): Promise<TenantView> {
    const id = randomUUID();
    const row = await RequestContexts.run({ ...context, tenantId: id }, () =>
      this.database.asSystem(async (tx) => {
        if (await this.tenants.byKey(tx, body.key)) {
          throw DomainError.conflict(
            { zh: `辖区标识 ${body.key} 已被使用`, en: `The key ${body.key} is taken` },
            { field: 'key' },
          );
        }
        const created = await tx.tenant.create({ data: { id, ...body } });
        const view = tenantView(created);
        await this.outbox.add(tx, tenantCreated, view);
        await this.audit.record(tx, { action: 'tenant.create', targetType: 'tenant', targetId: id, after: view });
        return created;
      }),
    );
    this.directory.forget(body.key);
    return tenantView(row);
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
        if (existing.status === status) return tx.tenant.findUniqueOrThrow({ where: { id: existing.id } });
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
