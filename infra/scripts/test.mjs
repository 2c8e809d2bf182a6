// `npm test`: the same infrastructure check as `npm start`, then every test of every package and app.
// Each run gets its own id: its databases, Redis key prefix and NATS subjects/streams carry it.
import { randomBytes } from 'node:crypto';
import { ensureDependencies, ensureInfrastructure, run, say } from './lib.mjs';

try {
  ensureDependencies();
  await ensureInfrastructure();
  const runId = process.env.LAUREL_TEST_RUN_ID ?? randomBytes(4).toString('hex');
  const env = { ...process.env, LAUREL_TEST_RUN_ID: runId, FORCE_COLOR: '0' };
  say(`test run ${runId}`);
  run('npx', ['turbo', 'run', 'typecheck', 'build', '--output-logs=errors-only'], { env });
  run('npx', ['turbo', 'run', 'test', '--concurrency=2', '--output-logs=full'], { env });
} catch (error) {
  console.error(`[laurel] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
