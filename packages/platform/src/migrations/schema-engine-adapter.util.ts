import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  type ConnectionInfo,
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { type PgConnection, toPgConfig, withDatabase } from './pg-connection.util';

/** PostgreSQL's internal one-byte `"char"` type (`pg_class.relkind` and friends). */
const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * The `@prisma/adapter-pg` factory the wasm schema engine runs on, bound to one service's PostgreSQL schema.
 * It fixes what adapter-pg 7.10 gets wrong for migrations (each checked against the engine):
 * - adapter-pg's `schema` option only qualifies Client queries; migration SQL is unqualified, so the session's
 *   `search_path` is set to the schema, as `?schema=` does for the native engine (else everything, including
 *   `_prisma_migrations`, lands in `public`);
 * - `executeScript` sends the whole migration as one simple query, as the native engine does (adapter-pg splits
 *   it on every `;`, which breaks string literals and `DO $$ ... $$` blocks and gives up atomicity);
 * - catalog columns of type `"char"` are relabelled as text (adapter-pg rejects the type, and the engine's
 *   schema describer reads them);
 * - the shadow database is ours (`laurel_shadow_<random>`), created from discrete fields and dropped after its
 *   pool is closed (adapter-pg's own drops it while still connected, which fails and leaks it).
 * Each connection is a one-connection pool, so session state (search_path, the engine's advisory lock) behaves
 * as on the native engine's single connection.
 */
export class SchemaEngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<SqlDriverAdapter>();
  private readonly shadowDatabases = new Set<string>();

  constructor(
    private readonly connection: PgConnection,
    private readonly schema: string,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.openTracked(this.connection);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const database = `laurel_shadow_${randomBytes(6).toString('hex')}`;
    await this.admin(`CREATE DATABASE "${database}"`);
    this.shadowDatabases.add(database);
    try {
      return await this.openTracked(withDatabase(this.connection, database), () => this.dropShadow(database));
    } catch (error) {
      await this.dropShadow(database);
      throw error;
    }
  }

  /** Disposes every connection still open and drops any shadow database the engine left behind. */
  async close(): Promise<void> {
    for (const adapter of [...this.open]) await adapter.dispose();
    for (const database of [...this.shadowDatabases]) await this.dropShadow(database);
  }

  private async openTracked(connection: PgConnection, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool({ ...toPgConfig(connection, `"${this.schema}"`), max: 1 });
    pool.on('connect', relabelCharColumns);
    const inner = await new PrismaPg(pool, { schema: this.schema, disposeExternalPool: true }).connect();
    const adapter: SqlDriverAdapter = new ServiceSchemaAdapter(inner, pool, this.schema, async () => {
      this.open.delete(adapter);
      await afterDispose?.();
    });
    this.open.add(adapter);
    return adapter;
  }

  private async dropShadow(database: string): Promise<void> {
    if (!this.shadowDatabases.delete(database)) return;
    await this.admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client(toPgConfig(this.connection));
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

class ServiceSchemaAdapter implements SqlDriverAdapter {
  readonly provider = 'postgres';
  readonly adapterName: string;
  private disposed = false;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly pool: pg.Pool,
    private readonly schema: string,
    private readonly afterDispose: () => Promise<void>,
  ) {
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.inner.queryRaw(query);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.inner.executeRaw(query);
  }

  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    return this.inner.startTransaction(isolationLevel);
  }

  async executeScript(script: string): Promise<void> {
    try {
      await this.pool.query(script);
    } catch (error) {
      throw toDriverAdapterError(error);
    }
  }

  getConnectionInfo(): ConnectionInfo {
    return { schemaName: this.schema, supportsRelationJoins: true };
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    try {
      await this.inner.dispose();
    } finally {
      await this.afterDispose();
    }
  }
}

type QueryFn = (...args: unknown[]) => unknown;

function relabelCharColumns(client: pg.PoolClient): void {
  const query = client.query.bind(client) as QueryFn;
  const patched: QueryFn = (...args) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      return query(...args.slice(0, -1), (error: unknown, result: unknown) =>
        callback(error, error ? result : relabel(result)),
      );
    }
    const pending = query(...args);
    return isThenable(pending) ? pending.then(relabel) : pending;
  };
  client.query = patched as typeof client.query;
}

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function relabel(result: unknown): unknown {
  for (const rowset of Array.isArray(result) ? result : [result]) {
    const fields = (rowset as { fields?: { dataTypeID: number }[] } | undefined)?.fields ?? [];
    for (const field of fields) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function toDriverAdapterError(error: unknown): unknown {
  const e = error as Partial<Record<'code' | 'severity' | 'message' | 'detail' | 'column' | 'hint', string>>;
  if (typeof e.code !== 'string' || typeof e.message !== 'string') return error;
  return new DriverAdapterError({
    kind: 'postgres',
    code: e.code,
    severity: e.severity ?? 'ERROR',
    message: e.message,
    detail: e.detail,
    column: e.column,
    hint: e.hint,
  });
}
