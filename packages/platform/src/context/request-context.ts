import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@laurel/contracts';
import { DomainError } from '@laurel/contracts';

/** Who is acting, for which tenant, under which correlation id: set on arrival of every message. */
export interface RequestContext {
  readonly tenantId: string | null;
  readonly correlationId: string;
  readonly actor: Actor | null;
  /**
   * A write sent with a client's Idempotency-Key: the key its commands are recorded under in each service
   * (`command_receipt`), so that a retry after a lost answer does not do them twice.
   */
  readonly commandKey?: string | null;
}

/** The platform's own audit chain and system actions use the nil UUID as their tenant. */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

const storage = new AsyncLocalStorage<RequestContext>();

export const RequestContexts = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },

  current(): RequestContext | undefined {
    return storage.getStore();
  },

  /** A context for work the platform starts itself (jobs, relays), optionally for one tenant. */
  system(tenantId: string | null = null, correlationId: string = randomUUID()): RequestContext {
    return { tenantId, correlationId, actor: { userId: 'system', roles: [], operator: false } };
  },

  /** The tenant in context; tenant-scoped work without one is refused. */
  requireTenant(): string {
    const tenantId = storage.getStore()?.tenantId;
    if (!tenantId) {
      throw new DomainError({
        code: 'forbidden',
        detail: { zh: '缺少辖区（租户）上下文，拒绝执行', en: 'No tenant in context: refused' },
      });
    }
    return tenantId;
  },
};
