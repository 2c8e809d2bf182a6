// `npm run rehearse -- <tenantKey>|all [--keep]`: the same infrastructure check as `npm start`, a build, then one whole
// cycle per jurisdiction on a rehearsal platform of its own (packages/rehearsal), each step printed with its article.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, ensureInfrastructure, ROOT, run, say } from './lib.mjs';

try {
  ensureDependencies();
  await ensureInfrastructure();
  say('building…');
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  const result = spawnSync(process.execPath, ['packages/rehearsal/dist/rehearse-cli.js', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
} catch (error) {
  console.error(`[laurel] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
