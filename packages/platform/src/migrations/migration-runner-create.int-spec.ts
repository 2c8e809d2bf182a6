import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { discoverServices } from './discover-services.util';
import { MIGRATION_LOCK_CONTENT } from './migration-directory.util';
import { MigrationRunner } from './migration-runner.service';
import { parsePgConnection, toPgConfig, withDatabase } from './pg-connection.util';
import { rowLevelSecurityStatements } from './row-level-security.util';

const SERVER_URL = process.env.LAUREL_TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const PROBE_PRISMA = resolve(__dirname, '../../../testing/fixtures/probe/prisma');
const PLATFORM_PRISMA = resolve(__dirname, '../../prisma/platform.prisma');

const database = `laurel_mig_${randomBytes(5).toString('hex')}`;
const url = new URL(SERVER_URL);
url.pathname = `/${database}`;
const adminUrl = url.toString();

const NEW_MODELS = `
model ProbeNote {
  id       String @id @db.Uuid
  tenantId String @map("tenant_id") @db.Uuid
  body     String

  @@map("probe_note")
}

model ProbeSetting {
  key   String @id
  value String

  @@map("probe_setting")
}
`;

async function serverAdmin(sql: string): Promise<void> {
  const client = new pg.Client(toPgConfig(parsePgConnection(SERVER_URL)));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function query<R extends pg.QueryResultRow>(sql: string): Promise<R[]> {
  const client = new pg.Client(toPgConfig(withDatabase(parsePgConnection(SERVER_URL), database)));
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A service prisma folder like the probe's: schema.prisma, the linked platform.prisma and, optionally, its migrations. */
async function serviceFolder(root: string, withMigrations: boolean): Promise<string> {
  const prismaDir = join(root, 'prisma');
  await mkdir(prismaDir, { recursive: true });
  await cp(join(PROBE_PRISMA, 'schema.prisma'), join(prismaDir, 'schema.prisma'));
  await symlink(PLATFORM_PRISMA, join(prismaDir, 'platform.prisma'));
  if (withMigrations) await cp(join(PROBE_PRISMA, 'migrations'), join(prismaDir, 'migrations'), { recursive: true });
  return prismaDir;
}

const folders = async (prismaDir: string) =>
  (await readdir(join(prismaDir, 'migrations'), { withFileTypes: true }).catch(() => []))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('MigrationRunner.createMigration', () => {
  const logs: string[] = [];
  const sut = new MigrationRunner({ log: (line) => logs.push(line) });
  let workDir: string;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'laurel-migrations-'));
    await serverAdmin(`CREATE DATABASE "${database}"`);
  });

  afterAll(async () => {
    await serverAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await rm(workDir, { recursive: true, force: true });
  });

  beforeEach(() => {
    logs.length = 0;
  });

  it('writes nothing and says "no changes" when the migrations match the schema', async () => {
    const prismaDir = await serviceFolder(join(workDir, 'unchanged'), true);
    const before = await folders(prismaDir);

    const result = await sut.createMigration({ adminUrl, service: 'probe', prismaDir, name: 'nothing' });

    expect(result).toEqual({ created: false });
    expect(await folders(prismaDir)).toEqual(before);
    expect(logs).toEqual(['probe: no changes']);
  });

  it('writes the next migration with row-level security for each new tenant-owned table', async () => {
    const prismaDir = await serviceFolder(join(workDir, 'changed'), true);
    const before = await folders(prismaDir);
    await appendFile(join(prismaDir, 'schema.prisma'), NEW_MODELS);

    const result = await sut.createMigration({ adminUrl, service: 'probe', prismaDir, name: 'Add notes' });

    if (!result.created) throw new Error('expected a migration');
    const written = await readFile(join(prismaDir, 'migrations', result.name, 'migration.sql'), 'utf8');
    expect(await folders(prismaDir)).toEqual([...before, result.name]);
    expect(result.name).toMatch(/^\d{14}_add_notes$/);
    expect(written).toBe(result.sql);
    expect(written).toContain('CREATE TABLE "probe_note"');
    expect(written).toContain('CREATE TABLE "probe_setting"');
    expect(written).toContain(rowLevelSecurityStatements('"probe_note"').join('\n'));
    expect(written).not.toContain('ON "probe_setting"');
    expect(written).not.toMatch(/CREATE TABLE "probe_item"|ON "probe_item"/);
    expect(result.rowLevelSecurityTables).toEqual(['"probe_note"']);
  });

  it('deploys what it wrote, and then sees no changes (the appended RLS does not read as drift)', async () => {
    const prismaDir = join(workDir, 'changed', 'prisma');

    const applied = await sut.deploy({ adminUrl, service: 'probe', prismaDir });
    const again = await sut.createMigration({ adminUrl, service: 'probe', prismaDir, name: 'again' });
    const [note] = await query<{ enabled: boolean; forced: boolean }>(
      `SELECT relrowsecurity AS enabled, relforcerowsecurity AS forced FROM pg_class WHERE oid = 'probe.probe_note'::regclass`,
    );

    expect(applied).toEqual(await folders(prismaDir));
    expect(note).toEqual({ enabled: true, forced: true });
    expect(again).toEqual({ created: false });
  });

  it('starts a history from nothing, writing migration_lock.toml', async () => {
    const prismaDir = await serviceFolder(join(workDir, 'fresh'), false);

    const result = await sut.createMigration({ adminUrl, service: 'probe', prismaDir, name: 'init' });

    if (!result.created) throw new Error('expected a migration');
    expect(await readFile(join(prismaDir, 'migrations', 'migration_lock.toml'), 'utf8')).toBe(MIGRATION_LOCK_CONTENT);
    expect(result.sql).toMatch(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "probe";/);
    expect(result.rowLevelSecurityTables).toEqual([
      '"audit_entry"',
      '"probe_item"',
      '"probe_deadline"',
      '"probe_effect"',
    ]);
  });

  it('applies a hand-written migration as one script, as the native engine does', async () => {
    const prismaDir = await serviceFolder(join(workDir, 'hand-written'), true);
    const folder = join(prismaDir, 'migrations', '29990101000000_hand_written');
    await mkdir(folder);
    await writeFile(
      join(folder, 'migration.sql'),
      `CREATE TABLE "probe_semicolon" ("v" TEXT NOT NULL DEFAULT 'a;b');\n` +
        `DO $$ BEGIN INSERT INTO "probe_semicolon" VALUES ('c;d'); END $$;\n`,
    );

    const applied = await sut.deploy({ adminUrl, service: 'hand_written', prismaDir });
    const rows = await query<{ v: string }>('SELECT v FROM hand_written.probe_semicolon');

    expect(applied.at(-1)).toBe('29990101000000_hand_written');
    expect(rows).toEqual([{ v: 'c;d' }]);
  });

  it('reports a failing migration with the database error, as prisma migrate deploy records it', async () => {
    const prismaDir = await serviceFolder(join(workDir, 'broken'), true);
    const folder = join(prismaDir, 'migrations', '29990101000000_broken');
    await mkdir(folder);
    await writeFile(join(folder, 'migration.sql'), 'CREATE TABLE "probe_broken" ("id" NO_SUCH_TYPE);\n');

    await expect(sut.deploy({ adminUrl, service: 'broken', prismaDir })).rejects.toThrow(/no_such_type/);
    const [failed] = await query<{ finished_at: Date | null; logs: string | null }>(
      `SELECT finished_at, logs FROM broken._prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    expect(failed?.finished_at).toBeNull();
    expect(failed?.logs).toMatch(/no_such_type/);
  });
});

describe('discoverServices', () => {
  it('finds every apps/<service>/prisma/schema.prisma, by name', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'laurel-repo-'));
    try {
      for (const app of ['reviews', 'awards', 'web']) await mkdir(join(repo, 'apps', app), { recursive: true });
      for (const app of ['reviews', 'awards']) {
        await mkdir(join(repo, 'apps', app, 'prisma'));
        await writeFile(join(repo, 'apps', app, 'prisma', 'schema.prisma'), '');
      }

      const found = await discoverServices(repo);

      expect(found).toEqual([
        { service: 'awards', prismaDir: join(repo, 'apps', 'awards', 'prisma') },
        { service: 'reviews', prismaDir: join(repo, 'apps', 'reviews', 'prisma') },
      ]);
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
