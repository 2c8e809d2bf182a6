// `npm test`: the same infrastructure check as `npm start`, then every test of every package and app.
// Each run gets its own id: its databases, Redis key prefix and NATS subjects/streams carry it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureBrowser, ensureDependencies, ensureInfrastructure, ROOT, run, say } from './lib.mjs';

/** Runs the tests, passing their output through, and adds up jest's "Tests:" lines. */
function runTests(env) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['turbo', 'run', 'test', '--concurrency=2', '--continue', '--output-logs=full'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const totals = { passed: 0, failed: 0, skipped: 0 };
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const tally = /Tests:\s+(.*)$/.exec(line);
        if (!tally) continue;
        for (const [, n, kind] of tally[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
      }
    });
    child.once('exit', (code) => resolve({ code: code ?? 1, totals }));
  });
}

let exitCode = 1;
const runId = process.env.LAUREL_TEST_RUN_ID ?? randomBytes(4).toString('hex');
const env = { ...process.env, LAUREL_TEST_RUN_ID: runId, FORCE_COLOR: '0' };
try {
  ensureDependencies();
  await ensureInfrastructure();
  ensureBrowser();
  say(`test run ${runId}`);
  run('npx', ['turbo', 'run', 'lint', 'typecheck', 'build', '--output-logs=errors-only'], { env });
  const { code, totals } = await runTests(env);
  exitCode = code !== 0 || totals.failed > 0 || totals.passed === 0 ? 1 : 0;
  console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
} catch (error) {
  console.error(`[laurel] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  try {
    // The run's databases (template and any a crashed test left) go with it.
    run('node', ['-r', './infra/swc-register.js', '-e', "require('@laurel/testing').dropRunDatabases()"], { env });
  } catch {
    say('could not drop this run’s databases');
  }
}
process.exit(exitCode);
