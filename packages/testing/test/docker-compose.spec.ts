import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICES } from '@laurel/contracts';
import { load } from 'js-yaml';

const ROOT = path.resolve(__dirname, '../../..');
const FILE = path.join(ROOT, 'docker-compose.yml');

interface ComposeFile {
  services: Record<string, { image?: string; command?: string[]; build?: unknown }>;
}

/** docker-compose.yml runs the whole platform on a machine with Docker, and stays in step with the apps. */
describe('docker-compose.yml', () => {
  const sut = load(readFileSync(FILE, 'utf8')) as ComposeFile;

  it('runs PostgreSQL 16, Redis 7 and NATS 2.10 with JetStream', () => {
    expect(sut.services.postgres?.image).toMatch(/^postgres:16/);
    expect(sut.services.redis?.image).toMatch(/^redis:7/);
    expect(sut.services.nats?.image).toMatch(/^nats:2\.10/);
    expect(sut.services.nats?.command).toContain('-js');
  });

  it('has a service for every app, built from the repository, and a migration step', () => {
    const apps = readdirSync(path.join(ROOT, 'apps')).filter((app) =>
      existsSync(path.join(ROOT, 'apps', app, 'src/main.ts')),
    );
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      expect(sut.services[app]?.command).toEqual(['node', `apps/${app}/dist/main.js`]);
      expect(sut.services[app]?.build).toBeDefined();
    }
    expect(sut.services.migrate?.command).toEqual([
      'node',
      'packages/platform/dist/migrations/migrate-cli.js',
      'deploy',
    ]);
  });

  it('the gateway knows exactly the services that exist', () => {
    const apps = readdirSync(path.join(ROOT, 'apps')).filter((app) =>
      existsSync(path.join(ROOT, 'apps', app, 'src/main.ts')),
    );
    expect([...SERVICES].sort()).toEqual(apps.filter((app) => app !== 'gateway').sort());
  });

  it('is valid for `docker compose config` where the Docker client has compose', () => {
    const version = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
    const hasCompose = version.status === 0;
    if (!hasCompose) {
      // This machine's Docker client has no compose plugin: the structural checks above stand in for it.
      expect(version.status).not.toBe(0);
      return;
    }
    const result = spawnSync('docker', ['compose', '-f', FILE, 'config', '--quiet'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        LAUREL_JWT_SECRET: 'x'.repeat(40),
        LAUREL_OPERATOR_PASSWORD: 'y'.repeat(12),
        LAUREL_APPLICATIONS_DATA_KEY: 'z'.repeat(44),
        LAUREL_OBJECTIONS_DATA_KEY: 'z'.repeat(44),
        LAUREL_REVIEWS_DATA_KEY: 'z'.repeat(44),
      },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
