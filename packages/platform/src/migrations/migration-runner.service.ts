import pg from 'pg';
import { ensureServiceRoles, grantServiceSchema, quoteIdent } from './database-roles.util';
import { discoverServices, type ServiceMigrations } from './discover-services.util';
import {
  MIGRATION_LOCK_CONTENT,
  migrationFolderName,
  readMigrationsList,
  readSchemaFiles,
  writeMigration,
} from './migration-directory.util';
import { type PgConnection, parsePgConnection, toPgConfig, withDatabase } from './pg-connection.util';
import { installPlatformFunctions } from './platform-functions.util';
import { withRowLevelSecurity } from './row-level-security.util';
import { NO_FILTERS, openSchemaEngine, type SchemaEngineSession } from './schema-engine.util';

export interface MigrationRunnerOptions {
  /** Human-readable progress lines (the CLI prints them); silent by default. */
  log?: (message: string) => void;
  /** The schema engine's own JSON log lines. */
  onEngineLog?: (line: string) => void;
}

export interface DeployOptions extends ServiceMigrations {
  /** An administrative connection (creates schemas and roles, grants) to the database to migrate. */
  adminUrl: string;
}

export interface DeployAllOptions {
  adminUrl: string;
  /** The repository root: every `apps/<service>/prisma/schema.prisma` is deployed. */
  repoRoot: string;
  /** More services to deploy after the discovered ones (test fixtures). */
  extraServices?: readonly ServiceMigrations[];
}

export interface DeployResult {
  service: string;
  /** The migrations this run applied, in order; empty when the schema was up to date. */
  applied: string[];
}

export interface CreateMigrationOptions extends ServiceMigrations {
  /** The server the temporary shadow database is created on (this URL's database must exist). */
  adminUrl: string;
  /** The migration's name, slugged into `<YYYYMMDDHHMMSS>_<name>`. */
  name: string;
  /** The migration's timestamp; now by default. */
  now?: Date;
}

export type CreateMigrationResult =
  | { created: false }
  | {
      created: true;
      /** The migration folder's name, `<YYYYMMDDHHMMSS>_<name>`. */
      name: string;
      /** The migration folder's path. */
      path: string;
      /** The migration script as written. */
      sql: string;
      /** The new tenant-owned tables whose row-level security statements were appended. */
      rowLevelSecurityTables: string[];
    };

const SERVICE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const DUPLICATE_DATABASE = new Set(['42P04', '23505']);

/**
 * Migrations on the wasm schema engine, laid out and recorded as `prisma migrate` does: each service's tables
 * and its `_prisma_migrations` live in the PostgreSQL schema named after the service.
 */
export class MigrationRunner {
  private readonly log: (message: string) => void;
  private readonly onEngineLog: ((line: string) => void) | undefined;

  constructor(options: MigrationRunnerOptions = {}) {
    this.log = options.log ?? (() => undefined);
    this.onEngineLog = options.onEngineLog;
  }

  /** Creates the URL's database if it does not exist (connecting to the server's `postgres` database); true if it did. */
  async ensureDatabase(adminUrl: string): Promise<boolean> {
    const connection = parsePgConnection(adminUrl);
    return withClient(withDatabase(connection, 'postgres'), async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [connection.database]);
      if (rowCount) return false;
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(connection.database)}`);
      } catch (error) {
        if (DUPLICATE_DATABASE.has((error as { code?: string }).code ?? '')) return false;
        throw error;
      }
      this.log(`Created database ${connection.database}`);
      return true;
    });
  }

  /**
   * `prisma migrate deploy` for one service: ensures its schema and the service roles, applies its pending
   * migrations (recorded in `<service>._prisma_migrations`), then grants the roles their privileges and installs
   * the platform's functions in the schema.
   * Returns the names applied; a second run applies nothing.
   */
  async deploy({ adminUrl, service, prismaDir }: DeployOptions): Promise<string[]> {
    assertServiceName(service);
    const connection = parsePgConnection(adminUrl);
    const migrations = await readMigrationsList(prismaDir);
    return withClient(connection, async (client) => {
      // Serialises concurrent deploys of one service into one database (the engine holds its own lock too).
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`laurel:migrate:${service}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(service)}`);
      await ensureServiceRoles(client);
      let applied: string[] = [];
      if (migrations.migrationDirectories.length > 0) {
        applied = await this.withEngine(connection, service, (engine) => engine.applyMigrations(migrations));
      }
      await client.query('BEGIN');
      try {
        await grantServiceSchema(client, service);
        await installPlatformFunctions(client, service);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      this.log(
        applied.length > 0
          ? `${service}: applied ${applied.join(', ')}`
          : `${service}: no pending migrations (${migrations.migrationDirectories.length} already applied)`,
      );
      return applied;
    });
  }

  /** Deploys every `apps/<service>/prisma` of the repository, then `extraServices`, one after the other. */
  async deployAll({ adminUrl, repoRoot, extraServices = [] }: DeployAllOptions): Promise<DeployResult[]> {
    const services = [...(await discoverServices(repoRoot)), ...extraServices];
    const seen = new Set<string>();
    for (const { service } of services) {
      if (seen.has(service)) throw new Error(`Service "${service}" is listed twice`);
      seen.add(service);
    }
    const results: DeployResult[] = [];
    for (const service of services) {
      results.push({ service: service.service, applied: await this.deploy({ adminUrl, ...service }) });
    }
    return results;
  }

  /**
   * `prisma migrate dev --create-only` without a dev database: diffs the migration history (replayed on a
   * temporary shadow database, `laurel_shadow_<random>`, dropped afterwards) against the service's Prisma schema
   * files, and writes the difference as a new migration, with row-level security appended for every new
   * tenant-owned table. Writes nothing when there is no difference.
   */
  async createMigration({
    adminUrl,
    service,
    prismaDir,
    name,
    now,
  }: CreateMigrationOptions): Promise<CreateMigrationResult> {
    assertServiceName(service);
    const connection = parsePgConnection(adminUrl);
    const [files, migrations] = await Promise.all([readSchemaFiles(prismaDir), readMigrationsList(prismaDir)]);
    const existing = migrations.migrationDirectories.map((directory) => directory.path);
    const history = {
      ...migrations,
      lockfile: { ...migrations.lockfile, content: migrations.lockfile.content ?? MIGRATION_LOCK_CONTENT },
    };
    const diff = await this.withEngine(connection, service, (engine) =>
      engine.diff({
        from: existing.length > 0 ? { tag: 'migrations', ...history } : { tag: 'empty' },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      }),
    );
    if (diff.exitCode !== 2 || !diff.stdout) {
      this.log(`${service}: no changes`);
      return { created: false };
    }
    const { sql, tables } = withRowLevelSecurity(diff.stdout);
    const folder = migrationFolderName(name, existing, now);
    const path = await writeMigration(prismaDir, folder, sql);
    this.log(`${service}: created ${path}${tables.length > 0 ? ` (row-level security for ${tables.join(', ')})` : ''}`);
    return { created: true, name: folder, path, sql, rowLevelSecurityTables: tables };
  }

  private async withEngine<T>(
    connection: PgConnection,
    service: string,
    fn: (engine: SchemaEngineSession) => Promise<T>,
  ): Promise<T> {
    const engine = await openSchemaEngine({ connection, schema: service, onLog: this.onEngineLog });
    try {
      return await fn(engine);
    } finally {
      await engine.close();
    }
  }
}

function assertServiceName(service: string): void {
  if (!SERVICE_NAME.test(service)) {
    throw new Error(`"${service}" cannot be a service schema name (lowercase letters, digits and _; a letter first)`);
  }
}

async function withClient<T>(connection: PgConnection, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(toPgConfig(connection));
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
