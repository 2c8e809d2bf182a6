import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** A service whose migrations the runner deploys: its name is its PostgreSQL schema. */
export interface ServiceMigrations {
  service: string;
  /** The folder holding `schema.prisma`, `platform.prisma` and `migrations/`. */
  prismaDir: string;
}

/** Every `apps/<service>/prisma/schema.prisma` of the repository, by service name. */
export async function discoverServices(repoRoot: string): Promise<ServiceMigrations[]> {
  const appsDir = join(repoRoot, 'apps');
  const apps = await readdir(appsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const found: ServiceMigrations[] = [];
  for (const app of apps) {
    if (!app.isDirectory()) continue;
    const prismaDir = join(appsDir, app.name, 'prisma');
    const exists = await access(join(prismaDir, 'schema.prisma')).then(
      () => true,
      () => false,
    );
    if (exists) found.push({ service: app.name, prismaDir });
  }
  return found.sort((a, b) => a.service.localeCompare(b.service));
}
