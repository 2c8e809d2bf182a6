import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config/load-config.util';
import { MigrationRunner } from './migration-runner.service';

/*
 * Migrations for every service, on the wasm schema engine (the Prisma CLI cannot download its native one here).
 *   node packages/platform/dist/migrations/migrate-cli.js deploy
 *   node packages/platform/dist/migrations/migrate-cli.js create <service> <name> [--prisma-dir <dir>]
 * The database comes from LAUREL_DATABASE_URL (an administrative connection).
 */

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/laurel';
const USAGE = `Usage:
  migrate-cli deploy                                         apply every service's pending migrations
  migrate-cli create <service> <name> [--prisma-dir <dir>]   write a new migration for a service

  LAUREL_DATABASE_URL   administrative database URL (default ${DEFAULT_DATABASE_URL})`;

class UsageError extends Error {}

/** packages/platform/dist/migrations -> repository root. */
const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

async function main(argv: string[]): Promise<void> {
  const adminUrl = loadConfig(
    z.object({
      LAUREL_DATABASE_URL: z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
        .default(DEFAULT_DATABASE_URL),
    }),
  ).LAUREL_DATABASE_URL;
  const runner = new MigrationRunner({ log: (message) => console.log(message) });
  const [command, ...args] = argv;

  if (command === 'deploy') {
    if (args.length > 0) throw new UsageError(`deploy takes no arguments (got ${args.join(' ')})`);
    await runner.ensureDatabase(adminUrl);
    const results = await runner.deployAll({ adminUrl, repoRoot: REPO_ROOT });
    if (results.length === 0) console.log(`No services with prisma/schema.prisma under ${join(REPO_ROOT, 'apps')}`);
    const applied = results.reduce((sum, result) => sum + result.applied.length, 0);
    console.log(`Deployed ${results.length} service(s), ${applied} migration(s) applied.`);
    return;
  }

  if (command === 'create') {
    const { positional, prismaDir } = parseCreateArgs(args);
    const [service, name] = positional;
    if (service === undefined || name === undefined || positional.length > 2) {
      throw new UsageError('create needs a service and a migration name');
    }
    const dir = prismaDir === undefined ? join(REPO_ROOT, 'apps', service, 'prisma') : resolve(prismaDir);
    if (!existsSync(join(dir, 'schema.prisma'))) throw new Error(`No schema.prisma in ${dir}`);
    await runner.ensureDatabase(adminUrl);
    await runner.createMigration({ adminUrl, service, prismaDir: dir, name });
    return;
  }

  throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
}

function parseCreateArgs(args: string[]): { positional: string[]; prismaDir?: string } {
  const positional: string[] = [];
  let prismaDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--prisma-dir') {
      prismaDir = args[++i];
      if (prismaDir === undefined) throw new UsageError('--prisma-dir needs a folder');
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return prismaDir === undefined ? { positional } : { positional, prismaDir };
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`migrate: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(`migrate: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
