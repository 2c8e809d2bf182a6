import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../gateway-prisma';
import type { TenantRef } from '../http/authenticated-request';
import { TenantRepository } from './tenant.repository';

const TTL_MS = 2000;
/** Unknown keys are cached too (each miss would be a query), so the map is bounded: the oldest entry goes first. */
const MAX_ENTRIES = 10000;

/** Tenant key → id and status for every request, cached briefly; changes through this gateway apply at once. */
@Injectable()
export class TenantDirectory {
  /** `at`: `performance.now()` when cached (the 2 s are real time, whatever the platform's clock says). */
  private readonly cache = new Map<string, { tenant: TenantRef | null; at: number }>();

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly tenants: TenantRepository,
  ) {}

  async byKey(key: string): Promise<TenantRef | null> {
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(key)) return null;
    const cached = this.cache.get(key);
    if (cached && performance.now() - cached.at < TTL_MS) return cached.tenant;
    const row = await this.database.acrossTenants((tx) => this.tenants.byKey(tx, key));
    const tenant = row ? { id: row.id, key: row.key, status: row.status } : null;
    this.cache.delete(key);
    this.cache.set(key, { tenant, at: performance.now() });
    if (this.cache.size > MAX_ENTRIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return tenant;
  }

  /** The cached entry when still fresh, without a query (undefined when not cached or too old): the public fast path. */
  peek(key: string): TenantRef | null | undefined {
    const cached = this.cache.get(key);
    return cached && performance.now() - cached.at < TTL_MS ? cached.tenant : undefined;
  }

  forget(key: string): void {
    this.cache.delete(key);
  }
}
