// `npm start`: installs what is missing, makes sure PostgreSQL, Redis and NATS run, builds, migrates,
// seeds the operator (and the launch jurisdictions), starts every app under a supervisor (supervisor.mjs: an app that
// dies is restarted with back-off, the others keep serving) and prints where to find them. Ctrl-C stops everything.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA, ensureDependencies, ensureInfrastructure, ROOT, run, say } from './lib.mjs';
import { instanceCount, instanceName, Supervisor } from './supervisor.mjs';

function secrets() {
  mkdirSync(DATA, { recursive: true });
  const file = path.join(DATA, 'secrets.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!stored.jwtSecret || !stored.applicationsDataKey || !stored.objectionsDataKey || !stored.reviewsDataKey) {
    stored.jwtSecret ??= randomBytes(48).toString('base64url');
    // Encrypts applicants' ID and phone numbers at rest: losing it loses them, so it is kept with the data.
    stored.applicationsDataKey ??= randomBytes(32).toString('base64');
    stored.objectionsDataKey ??= randomBytes(32).toString('base64');
    // Seals experts' ID and phone numbers.
    stored.reviewsDataKey ??= randomBytes(32).toString('base64');
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored;
}

const seededJurisdictions = [];
let operatorCreated = false;

/**
 * Node flags of every app: a larger young generation (64 MB semi-spaces) so that request garbage is collected less
 * often — about 4 % more commands/s in `npm run bench:gateway` (docs/performance.md). The Dockerfile sets the same.
 */
const APP_NODE_FLAGS = ['--max-semi-space-size=64'];

// Every app runs under the supervisor: one that exits unexpectedly is restarted with back-off while the others keep
// serving (its routes answer 503 meanwhile); a crash loop is reported on stderr and on the health page.
// Its status file is read by the gateway's health page (LAUREL_SUPERVISOR_STATUS_FILE).
const statusFile = process.env.LAUREL_SUPERVISOR_STATUS_FILE ?? path.join(DATA, 'supervisor.json');
const supervisor = new Supervisor({ statusFile });

/** Prints an app's lines with its name in front; picks out the gateway's one-time seeding lines. */
const printLine = (name) => (line) => {
  const seeded = /^\{"seededJurisdiction":/.test(line) ? JSON.parse(line).seededJurisdiction : null;
  if (seeded) seededJurisdictions.push(seeded);
  else if (line.trim()) process.stdout.write(`${name.padEnd(12)}| ${line}\n`);
  if (line.includes('operator account created')) operatorCreated = true;
};

const startApp = (app, instance, env, ready, readyTimeoutMs) => {
  const name = instanceName(app, instance);
  return supervisor.add({
    name,
    command: process.execPath,
    args: [...APP_NODE_FLAGS, `apps/${app}/dist/main.js`],
    cwd: ROOT,
    env: { ...env, LAUREL_INSTANCE_ID: `${app}-${instance}` },
    ready,
    readyTimeoutMs,
    onLine: printLine(name),
  });
};

let stopping = false;
function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  supervisor.stop().then(() => process.exit(code));
}
// Ctrl-C (SIGINT) and SIGTERM stop every app: SIGTERM, then SIGKILL to what still runs after 10 s.
process.once('SIGINT', () => shutdown(0));
process.once('SIGTERM', () => shutdown(0));

try {
  const instances = instanceCount(process.env.LAUREL_INSTANCES);
  ensureDependencies();
  await ensureInfrastructure();
  const { jwtSecret, applicationsDataKey, objectionsDataKey, reviewsDataKey } = secrets();
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
    LAUREL_REVIEWS_DATA_KEY: process.env.LAUREL_REVIEWS_DATA_KEY ?? reviewsDataKey,
    LAUREL_OPERATOR_USERNAME: operatorUsername,
    LAUREL_OPERATOR_PASSWORD: process.env.LAUREL_OPERATOR_PASSWORD ?? generated,
  };
  const apps = readdirSync(path.join(ROOT, 'apps')).filter(
    (name) => name !== 'gateway' && existsSync(path.join(ROOT, 'apps', name, 'dist', 'main.js')),
  );
  // The apps' health ports: 9101 and up unless LAUREL_HEALTH_PORT_BASE moves them (a second platform on one host).
  let healthPort = Number(process.env.LAUREL_HEALTH_PORT_BASE ?? 9101);
  // The gateway's health page shows what the supervisor knows (restarts; a crash loop as the service down).
  env.LAUREL_SUPERVISOR_STATUS_FILE = statusFile;
  // The first instance of each app in order; further instances (LAUREL_INSTANCES) of the services side by side.
  for (const name of apps) {
    await startApp(name, 1, { ...env, LAUREL_HEALTH_PORT: String(healthPort++) }, / started"/, 60_000);
  }
  const further = [];
  for (const name of apps) {
    for (let instance = 2; instance <= instances; instance += 1) {
      further.push(startApp(name, instance, { ...env, LAUREL_HEALTH_PORT: String(healthPort++) }, / started"/, 120_000));
    }
  }
  await Promise.all(further);
  // Gateways one after the other, each on a port of its own (3000, 3001 …): the first seeds the launch jurisdictions.
  const httpPort = Number(env.LAUREL_HTTP_PORT ?? '3000');
  for (let instance = 1; instance <= instances; instance += 1) {
    await startApp(
      'gateway',
      instance,
      {
        ...env,
        LAUREL_HTTP_PORT: String(httpPort + instance - 1),
        LAUREL_HEALTH_PORT: String(healthPort++),
        LAUREL_SEED_LAUNCH_JURISDICTIONS: instance === 1 ? 'true' : 'false',
      },
      /gateway listening/,
      120_000,
    );
  }

  const base = `http://${env.LAUREL_HTTP_HOST ?? '127.0.0.1'}:${httpPort}`;
  say('Laurel is running:');
  say(`  web app        ${base}/   (public pages ${base}/p/<jurisdiction>, e.g. ${base}/p/ili; office ${base}/office/login)`);
  say(`  API            ${base}/api/v1`);
  say(`  documentation  ${base}/api/docs`);
  say(`  health         ${base}/api/v1/health`);
  if (instances > 1) {
    const ports = Array.from({ length: instances }, (_, i) => httpPort + i).join(', ');
    say(`  instances      ${instances} of every app; the gateways on ports ${ports} (put a load balancer in front)`);
  }
  if (operatorCreated && generated) {
    say(`  operator       ${operatorUsername} / ${generated}   (shown once: keep it)`);
  } else {
    say(`  operator       ${operatorUsername}`);
  }
  for (const seeded of seededJurisdictions) {
    say(
      `  jurisdiction   ${seeded.key.padEnd(17)} office user ${seeded.officeUsername} / ${seeded.officePassword}   (shown once)`,
    );
  }
  say('Ctrl-C stops everything.');
} catch (error) {
  console.error(`[laurel] ${error instanceof Error ? error.message : String(error)}`);
  shutdown(1);
}
