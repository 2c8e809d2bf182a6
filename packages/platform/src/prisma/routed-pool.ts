import pg from 'pg';
import { TransactionScopes } from './transaction-scope';

/** What pg's (untyped here) protocol connection offers to send a cancel request. */
interface CancelRequest {
  on(event: 'connect' | 'error', listener: () => void): void;
  connect(port: number | string, host?: string): void;
  cancel(processID: number, secretKey: number): void;
}

/**
 * The pool a service's Prisma client runs on. Inside a transaction `Database` opened on this pool, every query
 * goes to that transaction's connection, and a transaction Prisma starts itself (a nested write) becomes a savepoint
 * of it; outside one, it is an ordinary pool. So `Database` owns BEGIN and COMMIT (one round trip each, with the
 * tenant setting and the platform's pending writes folded in) and the service's queries still go through Prisma.
 */
export class RoutedPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has many overloads; this forwards them all.
  override query(...args: any[]): any {
    const scope = TransactionScopes.on(this);
    if (scope && typeof args[args.length - 1] !== 'function') return scope.query(args[0], args[1]);
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return (super.query as (...a: any[]) => any)(...args);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's connect has a promise and a callback form.
  override connect(...args: any[]): any {
    const scope = TransactionScopes.on(this);
    if (scope && args.length === 0) {
      return scope.closed ? Promise.reject(scope.refusal()) : Promise.resolve(scope.nestedConnection());
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    return (super.connect as (...a: any[]) => any)(...args);
  }

  /** A connection of the pool itself, never a scope's (for `Database` to open a transaction on). */
  connectOwn(): Promise<pg.PoolClient> {
    return super.connect();
  }

  /**
   * Asks PostgreSQL to cancel whatever `connection` is running, by the protocol's cancel request (a short
   * connection of its own carrying the backend's key). Nothing happens when it runs nothing.
   */
  cancelRunning(connection: pg.PoolClient): void {
    const backend = connection as unknown as { processID: number | null; secretKey: number | null };
    if (backend.processID === null || backend.secretKey === null) return;
    const { host = '127.0.0.1', port = 5432 } = this.options;
    const { processID, secretKey } = backend;
    const canceller = new pg.Connection() as unknown as CancelRequest;
    canceller.on('error', () => undefined);
    canceller.on('connect', () => canceller.cancel(processID, secretKey));
    if (host.startsWith('/')) canceller.connect(`${host}/.s.PGSQL.${port}`);
    else canceller.connect(port, host);
  }

  /** One autocommit statement on a connection of the pool itself, whatever transaction is in scope. */
  queryOwn(text: string, values: unknown[]): Promise<pg.QueryResult> {
    return super.query(text, values);
  }
}
