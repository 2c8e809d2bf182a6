import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient, QueryConfig, QueryResult } from 'pg';
import { PendingWrites } from './pending-writes';
import { type SqlExecutor, sqlExecutor } from './prisma-client-like';

/** The socket of a pg connection, to write two statements in one go. */
interface Corkable {
  connection?: { stream?: { cork?(): void; uncork?(): void } };
}

/**
 * One transaction opened by `Database`: its pg connection, the platform's writes that wait for the commit (outbox
 * rows, audit entries: flushed in the round trip that commits) and the work to do once it committed. Every
 * statement of the transaction — the service's Prisma queries, routed by `RoutedPool`, and the platform's own SQL —
 * runs on `connection`, inside the same BEGIN…COMMIT.
 *
 * The BEGIN (with the tenant setting) is not sent on its own: it goes in the same write as the transaction's first
 * statement (the connection pipelines), or with the writes and the COMMIT when there is no other statement, so it
 * costs no round trip of its own. BEGIN cannot fail on a usable connection; if it did, its error is the one raised.
 */
export class TransactionScope {
  readonly pending = new PendingWrites();
  private readonly hooks: Array<() => void> = [];
  private savepoints = 0;
  /** Why statements are refused: set when the transaction ended or ran out of time. */
  private closedBecause: string | null = null;
  /** The statement that opens the transaction, until it was sent. */
  private opening: string | null;
  /** The answer to the opening statement, once sent. */
  private opened: Promise<unknown> | null = null;

  constructor(
    /** The pool the transaction's connection came from: Prisma queries through that pool run here. */
    readonly pool: object,
    private readonly connection: PoolClient,
    /** The transaction this one was opened inside of (another pool's, or an independent one on the same pool). */
    readonly outer: TransactionScope | undefined,
    /** BEGIN, and the tenant setting, as one simple-query string. */
    begin: string,
  ) {
    this.opening = begin;
  }

  /**
   * Ends the transaction: sends the pending writes and COMMIT (after BEGIN if nothing was sent yet) in one round
   * trip; nothing at all when the transaction never ran a statement nor wrote anything.
   */
  async commit(): Promise<void> {
    const pending = this.pending.statement();
    const opening = this.opening;
    this.opening = null;
    await this.opened;
    if (opening !== null) {
      if (pending !== null) await this.connection.query(`${opening};\n${pending};\nCOMMIT`);
      return;
    }
    await this.connection.query(pending === null ? 'COMMIT' : `${pending};\nCOMMIT`);
  }

  /** Rolls back what was begun. */
  async rollback(): Promise<void> {
    const begun = this.opening === null;
    this.opening = null;
    await this.opened?.catch(() => undefined);
    if (begun) await this.connection.query('ROLLBACK');
  }

  /** The innermost transaction of this chain on `pool`, open or not. */
  on(pool: object): TransactionScope | undefined {
    for (let scope: TransactionScope | undefined = this; scope; scope = scope.outer) {
      if (scope.pool === pool) return scope;
    }
    return undefined;
  }

  /** A statement of this transaction (the same signature as `pg`'s `query`, which Prisma's adapter uses). */
  query<R extends QueryResult = QueryResult>(config: QueryConfig | string, values?: unknown[]): Promise<R> {
    if (this.closedBecause) return Promise.reject(this.refusal());
    const opening = this.opening;
    if (opening === null) return this.connection.query(config as QueryConfig, values) as unknown as Promise<R>;
    this.opening = null;
    // One write for both: the connection pipelines, so the statement does not wait for BEGIN's answer.
    const stream = (this.connection as unknown as Corkable).connection?.stream;
    stream?.cork?.();
    let result: Promise<R>;
    try {
      this.opened = this.connection.query(opening);
      result = this.connection.query(config as QueryConfig, values) as unknown as Promise<R>;
    } finally {
      stream?.uncork?.();
    }
    const opened = this.opened;
    return opened.then(
      () => result,
      (error: unknown) => {
        result.catch(() => undefined);
        throw error;
      },
    );
  }

  /** The platform's own SQL on this transaction's connection. */
  readonly sql: SqlExecutor = sqlExecutor((text, values) => this.query(text, values));

  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
  }

  /** Refuses every later statement with `reason` (e.g. it timed out); the first reason given stands. */
  close(reason: string): void {
    this.closedBecause ??= reason;
  }

  /** Refuses every later statement: the transaction is committing, committed or rolled back. */
  end(): void {
    this.close('the transaction has already ended');
  }

  get closed(): boolean {
    return this.closedBecause !== null;
  }

  /** The error a statement gets once the transaction is closed. */
  refusal(): Error {
    return new Error(this.closedBecause ?? 'the transaction is open');
  }

  /** Throws the refusal if the transaction was closed (timed out) before it could commit. */
  refuseIfClosed(): void {
    if (this.closedBecause) throw this.refusal();
  }

  /** Runs the after-commit work; a hook that throws does not keep the others from running. */
  committed(): void {
    for (const hook of this.hooks.splice(0)) {
      try {
        hook();
      } catch {
        // After-commit work is best effort (handing events to the relay, whose poll is the safety net); the commit stands.
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
