import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { APP_ROLE, SYSTEM_ROLE } from './database-roles.util';
import { MigrationRunner } from './migration-runner.service';
import { type PgConnection, parsePgConnection, toPgConfig, withDatabase } from './pg-connection.util';

const SERVER_URL = process.env.LAUREL_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PROBE_PRISMA = resolve(__dirname, '../../../testing/fixtures/probe/prisma');
const TENANT_A = randomUUID();
const TENANT_B = randomUUID();

const database = `laurel_mig_${randomBytes(5).toString('hex')}`;
const adminUrl = urlFor(database);
const admin = withDatabase(parsePgConnection(SERVER_URL), database);

function urlFor(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
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

/** Runs `fn` in a transaction as `role` (no password: the test server trusts local connections). */
function asRole<T>(role: string, tenantId: string | null, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const connection: PgConnection = { ...admin, user: role };
  delete connection.password;
  return withClient(connection, async (client) => {
    await client.query('BEGIN');
    try {
      if (tenantId) await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await fn(client);
    } finally {
      await client.query('ROLLBACK');
    }
  });
}

const serverAdmin = (sql: string) => withClient(parsePgConnection(SERVER_URL), (client) => client.query(sql));

describe('MigrationRunner.deploy', () => {
  const sut = new MigrationRunner();
  let migrationNames: string[];
  let firstRun: string[];

  beforeAll(async () => {
    migrationNames = (await readdir(join(PROBE_PRISMA, 'migrations'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    await serverAdmin(`CREATE DATABASE "${database}"`);
    firstRun = await sut.deploy({ adminUrl, service: 'probe', prismaDir: PROBE_PRISMA });
    await withClient(admin, async (client) => {
      const item = `INSERT INTO probe.probe_item (id, tenant_id, name) VALUES ($1, $2, $3)`;
      await client.query(item, [randomUUID(), TENANT_A, 'a-item']);
      await client.query(item, [randomUUID(), TENANT_B, 'b-item']);
    });
  });

  afterAll(async () => {
    await serverAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });

  it('applies every probe migration into the probe schema, nothing into public', async () => {
    const tables = await withClient(admin, async (client) => {
      const { rows } = await client.query<{ schema: string; name: string }>(
        `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
          WHERE table_schema IN ('probe', 'public') ORDER BY 1, 2`,
      );
      return rows.map((row) => `${row.schema}.${row.name}`);
    });

    expect(firstRun).toEqual(migrationNames);
    expect(tables).toEqual([
      'probe._prisma_migrations',
      'probe.audit_entry',
      'probe.command_receipt',
      'probe.dead_letter',
      'probe.inbox_message',
      'probe.outbox_message',
      'probe.probe_deadline',
      'probe.probe_effect',
      'probe.probe_item',
    ]);
  });

  it('records _prisma_migrations as prisma migrate deploy does (name, finished, sha256 of the file)', async () => {
    const rows = await withClient(admin, async (client) => {
      const result = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
           FROM probe._prisma_migrations ORDER BY started_at, migration_name`,
      );
      return result.rows;
    });
    const checksums = await Promise.all(
      migrationNames.map(async (name) =>
        createHash('sha256')
          .update(await readFile(join(PROBE_PRISMA, 'migrations', name, 'migration.sql')))
          .digest('hex'),
      ),
    );

    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    expect(rows.map((row) => row.checksum)).toEqual(checksums);
    for (const row of rows) {
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time', async () => {
    const second = await sut.deploy({ adminUrl, service: 'probe', prismaDir: PROBE_PRISMA });

    expect(second).toEqual([]);
  });

  it('applies each migration once when two deploys of a service race', async () => {
    const [one, two] = await Promise.all([
      sut.deploy({ adminUrl, service: 'probe_race', prismaDir: PROBE_PRISMA }),
      sut.deploy({ adminUrl, service: 'probe_race', prismaDir: PROBE_PRISMA }),
    ]);

    expect([...one, ...two]).toEqual(migrationNames);
  });

  it('deployAll deploys the discovered apps and the extra services', async () => {
    const emptyRepo = await mkdtemp(join(tmpdir(), 'laurel-repo-'));
    try {
      const results = await sut.deployAll({
        adminUrl,
        repoRoot: emptyRepo,
        extraServices: [{ service: 'probe', prismaDir: PROBE_PRISMA }],
      });

      expect(results).toEqual([{ service: 'probe', applied: [] }]);
    } finally {
      await rm(emptyRepo, { recursive: true, force: true });
    }
  });

  it('creates the service roles: laurel_app subject to RLS, laurel_system bypassing it, neither superuser', async () => {
    const roles = await withClient(admin, async (client) => {
      const { rows } = await client.query<{
        rolname: string;
        rolsuper: boolean;
        rolbypassrls: boolean;
        rolcanlogin: boolean;
      }>(`SELECT rolname, rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`, [
        [APP_ROLE, SYSTEM_ROLE],
      ]);
      return rows;
    });

    expect(roles).toEqual([
      { rolname: APP_ROLE, rolsuper: false, rolbypassrls: false, rolcanlogin: true },
      { rolname: SYSTEM_ROLE, rolsuper: false, rolbypassrls: true, rolcanlogin: true },
    ]);
  });

  it('enables and forces row-level security on tenant-owned tables only', async () => {
    const security = await withClient(admin, async (client) => {
      const { rows } = await client.query<{ relname: string; enabled: boolean; forced: boolean; policies: number }>(
        `SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'probe' AND p.tablename = c.relname
                    AND p.policyname = 'tenant_isolation') AS policies
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'probe' AND c.relkind = 'r' ORDER BY c.relname`,
      );
      return Object.fromEntries(rows.map((row) => [row.relname, [row.enabled, row.forced, row.policies]]));
    });

    expect(security).toEqual({
      _prisma_migrations: [false, false, 0],
      audit_entry: [true, true, 1],
      // A command's receipt is read and completed by the platform role, keyed by the caller (no tenant column to confine).
      command_receipt: [false, false, 0],
      dead_letter: [false, false, 0],
      inbox_message: [false, false, 0],
      outbox_message: [false, false, 0],
      probe_deadline: [true, true, 1],
      probe_effect: [true, true, 1],
      probe_item: [true, true, 1],
    });
  });

  it("hides another tenant's rows from laurel_app and refuses to write them", async () => {
    const seen = await asRole(APP_ROLE, TENANT_A, async (client) => {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM probe.probe_item ORDER BY name');
      return rows.map((row) => row.name);
    });
    const unscoped = await asRole(APP_ROLE, null, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM probe.probe_item');
      return rowCount;
    });
    const foreignUpdate = await asRole(APP_ROLE, TENANT_A, async (client) => {
      const { rowCount } = await client.query(`UPDATE probe.probe_item SET name = 'x' WHERE tenant_id = $1`, [
        TENANT_B,
      ]);
      return rowCount;
    });
    const foreignInsert = asRole(APP_ROLE, TENANT_A, (client) =>
      client.query('INSERT INTO probe.probe_item (id, tenant_id, name) VALUES ($1, $2, $3)', [
        randomUUID(),
        TENANT_B,
        'smuggled',
      ]),
    );

    expect(seen).toEqual(['a-item']);
    expect(unscoped).toBe(0);
    expect(foreignUpdate).toBe(0);
    await expect(foreignInsert).rejects.toThrow(/row-level security/);
  });

  it('lets laurel_system see every tenant', async () => {
    const names = await asRole(SYSTEM_ROLE, null, async (client) => {
      const { rows } = await client.query<{ name: string }>('SELECT name FROM probe.probe_item ORDER BY name');
      return rows.map((row) => row.name);
    });

    expect(names).toEqual(['a-item', 'b-item']);
  });

  it('keeps audit_entry append-only for both roles', async () => {
    for (const role of [APP_ROLE, SYSTEM_ROLE]) {
      const insertAndRead = await asRole(role, TENANT_A, async (client) => {
        await client.query(
          `INSERT INTO probe.audit_entry (id, tenant_id, seq, actor_roles, action, target_type, target_id, occurred_at, prev_hash, hash)
           VALUES ($1, $2, 1, '{}', 'test', 'item', 'x', now(), '', 'h')`,
          [randomUUID(), TENANT_A],
        );
        const { rowCount } = await client.query('SELECT 1 FROM probe.audit_entry');
        return rowCount;
      });

      expect(insertAndRead).toBe(1);
      await expect(
        asRole(role, TENANT_A, (client) => client.query(`UPDATE probe.audit_entry SET action = 'x'`)),
      ).rejects.toThrow(/permission denied/);
      await expect(asRole(role, TENANT_A, (client) => client.query('DELETE FROM probe.audit_entry'))).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it('lets the service roles read the migration history but not write it', async () => {
    const read = await asRole(APP_ROLE, null, async (client) => {
      const { rowCount } = await client.query('SELECT 1 FROM probe._prisma_migrations');
      return rowCount;
    });
    const write = asRole(APP_ROLE, null, (client) => client.query('DELETE FROM probe._prisma_migrations'));

    expect(read).toBe(migrationNames.length);
    await expect(write).rejects.toThrow(/permission denied/);
  });
});
