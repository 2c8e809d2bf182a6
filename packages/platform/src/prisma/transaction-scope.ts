import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient, QueryConfig, QueryResult } from 'pg';
import { PendingWrites } from './pending-writes';
import type { SqlExecutor } from './prisma-client-like';

/**
 * One transaction opened by `Database`: its pg connection, the platform's writes that wait for the commit (outbox
 * rows, audit entries: flushed in the round trip that commits) and the work to do once it committed. Every
 * statement of the transaction — the service's Prisma queries, routed by `RoutedPool`, and the platform's own SQL —
 * runs on `connection`, inside the same BEGIN…COMMIT.
 */
export class TransactionScope {
  readonly pending = new PendingWrites();
  private readonly hooks: Array<() => void> = [];
  private savepoints = 0;
  /** Why statements are refused: set when the transaction ended or ran out of time. */
  private closedBecause: string | null = null;

  constructor(
    /** The pool the transaction's connection came from: Prisma queries through that pool run here. */
    readonly pool: object,
    private readonly connection: PoolClient,
    /** The transaction this one was opened inside of (another pool's, or an independent one on the same pool). */
    readonly outer: TransactionScope | undefined,
  ) {}

  /** The innermost transaction of this chain on `pool`, open or not. */
  on(pool: object): TransactionScope | undefined {
    for (let scope: TransactionScope | undefined = this; scope; scope = scope.outer) {
      if (scope.pool === pool) return scope;
    }
    return undefined;
  }

  /** A statement of this transaction (the same signature as `pg`'s `query`, which Prisma's adapter uses). */
  query<R extends QueryResult = QueryResult>(config: QueryConfig | string, values?: unknown[]): Promise<R> {
    if (this.closedBecause) return Promise.reject(new Error(this.closedBecause));
    return this.connection.query(config as QueryConfig, values) as unknown as Promise<R>;
  }

  /** The platform's own SQL on this transaction's connection. */
  readonly sql: SqlExecutor = {
    $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await this.query(query, values)).rowCount ?? 0,
    $queryRawUnsafe: async <T = unknown>(query: string, ...values: unknown[]) =>
      (await this.query(query, values)).rows as T,
  };

  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
  }

  /** Refuses every later statement with `reason` (the transaction ended, or timed out). */
  close(reason: string): void {
    this.closedBecause ??= reason;
  }

  get closed(): boolean {
    return this.closedBecause !== null;
  }

  /** Runs the after-commit work; a hook that throws does not keep the others from running. */
  committed(): void {
    for (const hook of this.hooks.splice(0)) {
      try {
        hook();
      } catch {
        // After-commit work is best effort (waking the relay); the commit stands.
      }
    }
  }

  /**
   * A connection-like view for a transaction Prisma itself starts inside this one (a nested write): its BEGIN,
   * COMMIT and ROLLBACK become a savepoint, its release is a no-op.
   */
  nestedConnection(): PoolClient {
    const name = `laurel_nested_${++this.savepoints}`;
    const translate = (text: string): string => {
      switch (text.trim().toUpperCase()) {
        case 'BEGIN':
          return `SAVEPOINT ${name}`;
        case 'COMMIT':
          return `RELEASE SAVEPOINT ${name}`;
        case 'ROLLBACK':
          return `ROLLBACK TO SAVEPOINT ${name}`;
        default:
          return text;
      }
    };
    const nested = {
      query: (config: QueryConfig | string, values?: unknown[]) =>
        typeof config === 'string'
          ? this.query(translate(config), values)
          : this.query({ ...config, text: translate(config.text) }, values),
      release: () => undefined,
      on: () => nested,
      once: () => nested,
      removeListener: () => nested,
    };
    return nested as unknown as PoolClient;
  }
}

const scopes = new AsyncLocalStorage<TransactionScope>();

export const TransactionScopes = {
  /**
   * Runs `fn` in `scope`. Its result is awaited inside the scope: Prisma's queries are lazy thenables that only run
   * when awaited, so a callback that returns one unawaited must still have it run in the transaction.
   */
  run<T>(scope: TransactionScope, fn: () => Promise<T>): Promise<T> {
    return scopes.run(scope, async () => await fn());
  },

  /** The innermost open transaction of the current async context, if any. */
  current(): TransactionScope | undefined {
    const scope = scopes.getStore();
    return scope && !scope.closed ? scope : undefined;
  },

  /** The innermost transaction on `pool` in the current async context, even one that has ended. */
  on(pool: object): TransactionScope | undefined {
    return scopes.getStore()?.on(pool);
  },

  /** The transaction the platform's own writes belong to; refuses to write outside one. */
  require(what: string): TransactionScope {
    const scope = scopes.getStore();
    if (!scope || scope.closed) throw new Error(`${what} must run inside Database.inTenant or Database.asSystem`);
    return scope;
  },
};

/** The fastest executor for the platform's own SQL in `tx`: the transaction's connection, else `tx` itself. */
export function platformSql(tx: SqlExecutor): SqlExecutor {
  return TransactionScopes.current()?.sql ?? tx;
}
