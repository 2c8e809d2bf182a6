import { DomainError } from '@laurel/contracts';
import { PrismaPg } from '@prisma/adapter-pg';
import { RequestContexts } from '../context/request-context';
import { ErrorReporter } from '../errors/error-reporter';
import { CommandReceipts, decodeResult, encodeResult, receiptId, sealReceipt, UNRECORDABLE } from './command-receipts';
import { type ConnectionFields } from './database-url.util';
import { sqlLiteral } from './pending-writes';
import { type PrismaClientLike, type SqlExecutor, sqlExecutor, type TxOf } from './prisma-client-like';
import { RoutedPool } from './routed-pool';
import { TransactionScope, TransactionScopes } from './transaction-scope';
import { withoutLookupBatching } from './unbatched-lookups';

/** Builds a service's generated Prisma client over a driver adapter (with `prismaClientOptions(adapter)`). */
export type PrismaClientFactory<C extends PrismaClientLike> = (adapter: PrismaPg) => C;

/**
 * The options every service's Prisma client is built with. `errorFormat: 'minimal'`: Prisma otherwise records the
 * caller's stack (a `new Error()`) on every query to print a code frame if it fails — a measurable share of a
 * command's CPU, for a code frame that services never show (errors become problem+json, logs carry the stack).
 */
export const prismaClientOptions = (adapter: PrismaPg) => ({ adapter, errorFormat: 'minimal' as const });

export interface DatabaseOptions {
  /** The service's PostgreSQL schema (its name). */
  schema: string;
  /** Connection of the tenant-scoped role (no BYPASSRLS). */
  app: ConnectionFields;
  /** Connection of the platform role (BYPASSRLS) for explicit platform-level paths. */
  system: ConnectionFields;
  poolSize: number;
  /**
   * A transaction that runs longer than this is rolled back: the statement it is running is cancelled, its later
   * statements and its commit are refused. Default 15 s.
   */
  transactionTimeoutMs?: number;
}

const DEFAULT_TRANSACTION_TIMEOUT_MS = 15000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A service's database access. Tenant work runs in a transaction that first sets `app.tenant_id` from the
 * request context, so row-level security confines every statement to that tenant whatever the query says.
 *
 * The transaction is the platform's own, not Prisma's (ADR 0006): BEGIN and the tenant setting go with its first
 * statement; the service's Prisma queries run on the transaction's connection (`RoutedPool`); the outbox rows and audit
 * entries the platform collected are written in the round trip that commits. A command that changes one row therefore
 * costs two round trips whatever the platform adds to it.
 */
export class Database<C extends PrismaClientLike> {
  readonly app: C;
  readonly system: C;
  /** Single autocommit statements of the platform role, outside any transaction (e.g. marking events published). */
  readonly systemSql: SqlExecutor;
  private readonly appPool: RoutedPool;
  private readonly systemPool: RoutedPool;
  private readonly timeoutMs: number;

  constructor(
    factory: PrismaClientFactory<C>,
    readonly options: DatabaseOptions,
  ) {
    this.timeoutMs = options.transactionTimeoutMs ?? DEFAULT_TRANSACTION_TIMEOUT_MS;
    const pool = (fields: ConnectionFields, max: number) =>
      new RoutedPool({
        ...fields,
        max,
        connectionTimeoutMillis: 5000,
        idleTimeoutMillis: 30000,
        // PostgreSQL's own limits, should this process stall: no statement runs, and no transaction sits idle,
        // longer than a transaction may last (the server then cancels it, or ends the session).
        statement_timeout: this.timeoutMs,
        idle_in_transaction_session_timeout: this.timeoutMs,
        // Raw statements (outbox, inbox, audit) resolve the service's tables through the search path.
        options: `-c search_path=${options.schema}`,
        // A transaction's BEGIN goes in the same write as its first statement (see TransactionScope).
        pipeline: true,
      });
    this.appPool = pool(options.app, options.poolSize);
    this.systemPool = pool(options.system, Math.max(2, Math.ceil(options.poolSize / 2)));
    // An idle connection the server ended (restart, administrator) leaves the pool; unheard, pg's error would crash.
    for (const each of [this.appPool, this.systemPool]) {
      each.on('error', (error) => ErrorReporter.report(error, 'an idle database connection failed'));
    }
    this.app = withoutLookupBatching(factory(new PrismaPg(this.appPool, { schema: options.schema })));
    this.system = withoutLookupBatching(factory(new PrismaPg(this.systemPool, { schema: options.schema })));
    this.systemSql = sqlExecutor((text, values) => this.systemPool.queryOwn(text, values));
  }

  /** Runs `fn` in a transaction confined to the tenant in the request context. */
  inTenant<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    return this.transaction(this.appPool, this.app, RequestContexts.requireTenant(), fn);
  }

  /** Runs `fn` in a platform-level transaction that sees every tenant: only for explicit platform paths. */
  asSystem<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    return this.transaction(this.systemPool, this.system, RequestContexts.current()?.tenantId ?? null, fn);
  }

  /**
   * Platform-level work outside any request's tenant (the system actor, every tenant's rows): re-scheduling,
   * recomputing, the tenant registry, users and tokens.
   */
  acrossTenants<T>(fn: (tx: TxOf<C>) => Promise<T>): Promise<T> {
    return RequestContexts.run(RequestContexts.system(), () => this.asSystem(fn));
  }

  async ping(): Promise<void> {
    await this.appPool.queryOwn('SELECT 1', []);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.app.$disconnect(), this.system.$disconnect()]);
    await Promise.allSettled([this.appPool.end(), this.systemPool.end()]);
  }

  private async transaction<T>(
    pool: RoutedPool,
    client: C,
    tenantId: string | null,
    fn: (tx: TxOf<C>) => Promise<T>,
  ): Promise<T> {
    if (tenantId !== null && !UUID.test(tenantId)) throw new Error(`tenant id ${tenantId} is not a uuid`);
    // A keyed command's own transactions are numbered; one an earlier attempt committed answers from its receipt. Only
    // those run in the command's own request context: work it shares with others (a group commit started by its
    // request, run in the system's context) is nobody's to replay.
    const recording = CommandReceipts.current();
    const own =
      recording?.records && !TransactionScopes.current() && RequestContexts.current()?.commandKey === recording.key;
    const slot = recording && own ? CommandReceipts.slotOf(recording, fn) : null;
    if (recording && slot !== null && recording.replaying) {
      const recorded = recording.replaying.results[slot];
      if (recorded !== undefined) return replayed<T>(recorded);
    }
    const connection = await pool.connectOwn();
    const begin =
      tenantId === null ? 'BEGIN' : `BEGIN; SELECT set_config('app.tenant_id', ${sqlLiteral(tenantId)}, true)`;
    const scope = new TransactionScope(pool, connection, TransactionScopes.current(), begin);
    let broken: Error | undefined;
    // A connection that fails while checked out (the server ended the session, the network dropped) is not a crash:
    // the transaction fails, and the connection is discarded.
    const onError = (error: Error) => {
      broken ??= error;
      scope.close(`the database connection failed: ${error.message}`);
    };
    connection.on('error', onError);
    const timer = setTimeout(() => {
      const reason = `the transaction was rolled back after ${this.timeoutMs} ms`;
      scope.close(reason);
      pool.cancelRunning(connection);
      // Not handed to another transaction: the cancel request arrives later, and must not hit that one's statement.
      broken ??= new Error(reason);
    }, this.timeoutMs);
    try {
      let result: T;
      try {
        result = await TransactionScopes.run(scope, () => fn(client as unknown as TxOf<C>));
        // Timed out while `fn` ran: refused, as its statements were.
        scope.refuseIfClosed();
        if (recording && slot !== null) {
          const { key, subject } = recording;
          const sealed = JSON.stringify(sealReceipt(key, recordable(result)));
          scope.pending.addReceipt({ id: receiptId(key), subject, tenantId, slot, result: sealed });
        }
        scope.end();
        await scope.commit();
      } catch (error) {
        scope.end();
        await scope.rollback().catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
      scope.committed();
      return result;
    } finally {
      clearTimeout(timer);
      connection.off('error', onError);
      // A connection whose rollback failed is discarded rather than handed to the next transaction.
      connection.release(broken);
    }
  }
}

/** A transaction's result as its command's receipt keeps it. */
function recordable(result: unknown): string {
  try {
    return encodeResult(result);
  } catch {
    return JSON.stringify(UNRECORDABLE);
  }
}

/** What a committed transaction of an earlier attempt answered; one that could not be kept is refused, not run again. */
function replayed<T>(recorded: unknown): T {
  if (recorded !== null && typeof recorded === 'object' && '$laurel:unrecordable' in recorded) {
    throw DomainError.conflict({
      zh: '该请求已执行，但其结果无法重现；请查询其结果',
      en: 'This request was carried out, but its answer cannot be given again; read the result instead',
    });
  }
  return decodeResult(recorded) as T;
}
