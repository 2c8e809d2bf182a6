import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
  DiffParams,
  DiffResult,
  MigrationList,
  SchemaContainer,
  SchemaEngine,
  SchemaFilter,
} from '@prisma/schema-engine-wasm';
import type { PgConnection } from './pg-connection.util';
import { SchemaEngineAdapterFactory } from './schema-engine-adapter.util';
import { loadSchemaEngine } from './schema-engine-wasm.util';

export interface SchemaEngineOptions {
  /** The database the engine migrates (discrete fields; see `PgConnection`). */
  connection: PgConnection;
  /** The PostgreSQL schema the service lives in; its `_prisma_migrations` lives there too. */
  schema: string;
  /** The service's Prisma schema files, for commands that read the datasource from them. */
  datamodels?: SchemaContainer[];
  /** The engine's own log lines (JSON). */
  onLog?: (line: string) => void;
}

/** An error the schema engine reported, with the driver's own error as `cause` when there was one. */
export class SchemaEngineError extends Error {
  override readonly name = 'SchemaEngineError';
}

/** No externally managed tables or enums: every table of the schema belongs to the migrations. */
export const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The wasm schema engine bound to one service schema, exposing the commands the migration runner uses. */
export interface SchemaEngineSession {
  /** `prisma migrate deploy`: applies the unapplied migrations, recording them in `_prisma_migrations`. */
  applyMigrations(migrationsList: MigrationList): Promise<string[]>;
  /** `prisma migrate diff`: a migration from one schema source to another (migrations need a shadow database). */
  diff(params: DiffParams): Promise<DiffResult>;
  /** Frees the engine, closes its connections and drops any shadow database left behind. */
  close(): Promise<void>;
}

const EXTERNAL_ERROR = /External error id#(\d+)/;

export async function openSchemaEngine(options: SchemaEngineOptions): Promise<SchemaEngineSession> {
  const Engine = await loadSchemaEngine();
  const factory = new SchemaEngineAdapterFactory(options.connection, options.schema);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const onLog = options.onLog ?? (() => undefined);
  const datamodels = options.datamodels?.length
    ? options.datamodels.map((file): [string, string] => [file.path, file.content])
    : undefined;

  const explain = (error: unknown): SchemaEngineError => {
    const message = messageOf(error);
    const id = EXTERNAL_ERROR.exec(message)?.[1];
    const record = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id));
    if (record) {
      return new SchemaEngineError(`${message}\nCaused by: ${messageOf(record.error)}`, { cause: record.error });
    }
    return new SchemaEngineError(message, { cause: error });
  };

  let engine: SchemaEngine;
  try {
    engine = await Engine.new({ datamodels }, onLog, adapter);
  } catch (error) {
    await factory.close();
    throw explain(error);
  }

  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    // The engine's own timers are unref'd (see loadSchemaEngine): keep the process alive while it works.
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      return await command();
    } catch (error) {
      throw explain(error);
    } finally {
      clearInterval(keepAlive);
    }
  };

  return {
    applyMigrations: async (migrationsList) =>
      (await run(() => engine.applyMigrations({ migrationsList, filters: NO_FILTERS }))).appliedMigrationNames,
    diff: (params) => run(() => engine.diff(params)),
    close: async () => {
      engine.free();
      await factory.close();
    },
  };
}

/** The engine's errors come from the wasm glue's realm (under jest, another one): no `instanceof` here. */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
