// `npm start`: installs what is missing, makes sure PostgreSQL, Redis and NATS run, builds, migrates,
// seeds the operator (and the launch jurisdictions), starts every app and prints where to find them.
// Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA, ensureDependencies, ensureInfrastructure, ROOT, run, say } from './lib.mjs';

function secrets() {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, 'secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored.jwtSecret || !stored.applicationsDataKey || !stored.objectionsDataKey) {
    stored.jwtSecret ??= randomBytes(48).toString('base64url');
    // Encrypts applicants' ID and phone numbers at rest: losing it loses them, so it is kept with the data.
    stored.applicationsDataKey ??= randomBytes(32).toString('base64');
    stored.objectionsDataKey ??= randomBytes(32).toString('base64');
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored;
}

const children = [];
const seededJurisdictions = [];
let stopping = false;

/**
 * Node flags of every app: a larger young generation (64 MB semi-spaces) so that request garbage is collected less
 * often — about 4 % more commands/s in `npm run bench:gateway` (docs/performance.md). The Dockerfile sets the same.
 */
const APP_NODE_FLAGS = ['--max-semi-space-size=64'];

function startApp(name, entry, env) {
  const child = spawn(process.execPath, [...APP_NODE_FLAGS, entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line) => `${name.padEnd(12)}| ${line}`;
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const seeded = /^\{"seededJurisdiction":/.test(line) ? JSON.parse(line).seededJurisdiction : null;
        if (seeded) seededJurisdictions.push(seeded);
        else if (line.trim()) process.stdout.write(`${prefix(line)}\n`);
      }
    });
  }
  child.once('exit', (code) => {
    if (!stopping) {
      say(`${name} stopped (exit ${code}); stopping the platform`);
      shutdown(1);
    }
  });
  children.push(child);
  return child;
}

function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(code);
  }, 10000);
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => {
    clearTimeout(timer);
    process.exit(code);
  });
}

function waitForLine(child, pattern, seconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${pattern}" within ${seconds}s`)), seconds * 1000);
    const onData = (chunk) => {
      if (pattern.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
  });
}

try {
  ensureDependencies();
  await ensureInfrastructure();
  const { jwtSecret, applicationsDataKey, objectionsDataKey } = secrets();
  say('building…');
  run('npx', ['turbo', 'run', 'build', '--output-logs=errors-only']);
  say('applying migrations…');
  run('node', ['packages/platform/dist/migrations/migrate-cli.js', 'deploy']);

  const operatorUsername = process.env.LAUREL_OPERATOR_USERNAME ?? 'operator';
  const generated = process.env.LAUREL_OPERATOR_PASSWORD ? null : randomBytes(12).toString('base64url');
  const env = {
    ...process.env,
    LAUREL_JWT_SECRET: process.env.LAUREL_JWT_SECRET ?? jwtSecret,
    LAUREL_APPLICATIONS_DATA_KEY: process.env.LAUREL_APPLICATIONS_DATA_KEY ?? applicationsDataKey,
    LAUREL_OBJECTIONS_DATA_KEY: process.env.LAUREL_OBJECTIONS_DATA_KEY ?? objectionsDataKey,
    LAUREL_OPERATOR_USERNAME: operatorUsername,
    LAUREL_OPERATOR_PASSWORD: process.env.LAUREL_OPERATOR_PASSWORD ?? generated,
  };
  const apps = readdirSync(path.join(ROOT, 'apps')).filter(
    (name) => name !== 'gateway' && existsSync(path.join(ROOT, 'apps', name, 'dist', 'main.js')),
  );
  let healthPort = 9101;
  for (const name of apps) {
    const child = startApp(name, `apps/${name}/dist/main.js`, { ...env, LAUREL_HEALTH_PORT: String(healthPort++) });
    await waitForLine(child, / started"/, 60);
  }
  const gateway = startApp('gateway', 'apps/gateway/dist/main.js', {
    ...env,
    LAUREL_HEALTH_PORT: String(healthPort++),
    LAUREL_SEED_LAUNCH_JURISDICTIONS: 'true',
  });
  let operatorCreated = false;
  gateway.stdout.on('data', (chunk) => {
    if (chunk.toString().includes('operator account created')) operatorCreated = true;
  });
  await waitForLine(gateway, /gateway listening/, 120);

  const base = `http://${env.LAUREL_HTTP_HOST ?? '127.0.0.1'}:${env.LAUREL_HTTP_PORT ?? '3000'}`;
  say('Laurel is running:');
  say(`  web app        ${base}/   (public pages ${base}/p/<jurisdiction>, e.g. ${base}/p/ili; office ${base}/office/login)`);
  say(`  API            ${base}/api/v1`);
  say(`  documentation  ${base}/api/docs`);
  say(`  health         ${base}/api/v1/health`);
  if (operatorCreated && generated) {
    say(`  operator       ${operatorUsername} / ${generated}   (shown once: keep it)`);
  } else {
    say(`  operator       ${operatorUsername}`);
  }
  for (const seeded of seededJurisdictions) {
    say(`  jurisdiction   ${seeded.key.padEnd(17)} office user ${seeded.officeUsername} / ${seeded.officePassword}   (shown once)`);
  }
  say('Ctrl-C stops everything.');
  process.once('SIGINT', () => shutdown(0));
  process.once('SIGTERM', () => shutdown(0));
} catch (error) {
  console.error(`[laurel] ${error instanceof Error ? error.message : String(error)}`);
  shutdown(1);
  if (children.length === 0) process.exit(1);
}
