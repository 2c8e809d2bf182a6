import path from 'node:path';
import { MigrationRunner } from '@laurel/platform';
import { databaseUrl, quoteIdent, withAdmin } from './admin-database.util';
import { testRunId } from './run-id.util';

const REPO_ROOT = path.resolve(__dirname, '../../..');
export const PROBE_PRISMA_DIR = path.join(REPO_ROOT, 'packages/testing/fixtures/probe/prisma');

/** The run's template: every service's migrations and the probe's, applied once; test files clone it. */
export const templateDatabaseName = (): string => `laurel_t${testRunId()}_template`;

export async function ensureTemplateDatabase(): Promise<void> {
  const name = templateDatabaseName();
  await withAdmin(async (client) => {
    // One creator per run, even with several jest processes starting at once.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quoteIdent(building)}`);
      await new MigrationRunner({ log: () => undefined }).deployAll({
        adminUrl: databaseUrl(building),
        repoRoot: REPO_ROOT,
        extraServices: [{ service: 'probe', prismaDir: PROBE_PRISMA_DIR }],
      });
      await client.query(`ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(name)}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/** Drops every database of this run (the end of `npm test`). */
export async function dropRunDatabases(): Promise<void> {
  await withAdmin(async (client) => {
    const rows = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `laurel_t${testRunId()}%`,
    ]);
    for (const { datname } of rows.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  });
}
