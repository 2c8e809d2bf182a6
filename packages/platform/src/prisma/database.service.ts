import { PrismaPg } from '@prisma/adapter-pg';
import { RequestContexts } from '../context/request-context';
import { type ConnectionFields } from './database-url.util';
import type { PrismaClientLike, TxOf } from './prisma-client-like';
import { capturingTransactions, registerDirectExecutor, withCapturedConnection } from './transaction-connection';
import { TransactionHooks } from './transaction-hooks';

/** Builds a service's generated Prisma client over a driver adapter. */
export type PrismaClientFactory<C extends PrismaClientLike> = (adapter: PrismaPg) => C;

export interface DatabaseOptions {
  /** The service's PostgreSQL schema (its name). */
  schema: string;
  /** Connection of the tenant-scoped role (no BYPASSRLS). */
  app: ConnectionFields;
  /** Connection of the platform role (BYPASSRLS) for explicit platform-level paths. */
  system: ConnectionFields;
  poolSize: number;
}

const TX_OPTIONS = { maxWait: 5000, timeout: 15000 };

/**
 * A service's database access. Tenant work runs in a transaction that first sets `app.tenant_id` from the
 * request context, so row-level security confines every statement to that tenant whatever the query says.
 */
export class Database<C extends PrismaClientLike> {
  readonly hooks = new TransactionHooks();
  readonly app: C;
  readonly system: C;

  constructor(
    factory: PrismaClientFactory<C>,
    readonly options: DatabaseOptions,
  ) {
    const adapter = (fields: ConnectionFields, max: number) =>
      capturingTransactions(
        new PrismaPg(
          {
            ...fields,
            max,
            connectionTimeoutMillis: 5000,
            idleTimeoutMillis: 30000,
            // Raw statements (outbox, inbox, audit) resolve the service's tables through the search path.
            options: `-c search_path=${options.schema}`,
          },
          { schema: options.schema },
        ),
      );
    this.app = factory(adapter(options.app, options.poolSize));
    this.system = factory(adapter(options.system, Math.max(2, Math.ceil(options.poolSize / 2))));
  }

  /** Runs `fn` in a transaction confined to the tenant in the request context. */
  async inTenant<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    const tenantId = RequestContexts.requireTenant();
    let txRef: object | undefined;
    const result = await withCapturedConnection((connection) =>
      this.app.$transaction(async (tx: TxOf<C>) => {
        txRef = tx;
        const captured = connection();
        const sql = captured ? registerDirectExecutor(tx, captured) : tx;
        await sql.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, tenantId);
        return fn(tx);
      }, TX_OPTIONS),
    );
    if (txRef) this.hooks.committed(txRef);
    return result;
  }

  /** Runs `fn` in a platform-level transaction that sees every tenant: only for explicit platform paths. */
  async asSystem<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    let txRef: object | undefined;
    const result = await withCapturedConnection((connection) =>
      this.system.$transaction(async (tx: TxOf<C>) => {
        txRef = tx;
        const captured = connection();
        const sql = captured ? registerDirectExecutor(tx, captured) : tx;
        const tenantId = RequestContexts.current()?.tenantId;
        if (tenantId) await sql.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, tenantId);
        return fn(tx);
      }, TX_OPTIONS),
    );
    if (txRef) this.hooks.committed(txRef);
    return result;
  }

  /**
   * Platform-level work outside any request's tenant (the system actor, every tenant's rows): re-scheduling,
   * recomputing, the tenant registry, users and tokens.
   */
  acrossTenants<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    return RequestContexts.run(RequestContexts.system(), () => this.asSystem(fn));
  }

  async ping(): Promise<void> {
    await this.app.$queryRawUnsafe('SELECT 1');
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.app.$disconnect(), this.system.$disconnect()]);
  }
}
