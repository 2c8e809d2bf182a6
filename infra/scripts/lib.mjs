// Helpers of the two README commands. Node built-ins only: they run before dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = path.join(ROOT, '.laurel');

export const say = (message) => process.stdout.write(`[laurel] ${message}\n`);

/** Runs a command, inheriting the terminal; throws on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  say('installing dependencies (npm install)…');
  // `npm ci` refuses the lockfile here (other platforms' optional binaries are not served), so: npm install.
  run('npm', ['install', '--no-audit', '--no-fund'], { env: { ...process.env, npm_config_loglevel: 'error' } });
}

export function reachable(url, defaultPort) {
  const parsed = new URL(url);
  const port = Number(parsed.port || defaultPort);
  return new Promise((resolve) => {
    const socket = createConnection({ host: parsed.hostname || '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export const SERVICES = [
  { name: 'PostgreSQL', env: 'LAUREL_DATABASE_URL', url: 'postgresql://postgres@127.0.0.1:5432/laurel', port: 5432, compose: 'postgres' },
  { name: 'Redis', env: 'LAUREL_REDIS_URL', url: 'redis://127.0.0.1:6379', port: 6379, compose: 'redis' },
  { name: 'NATS', env: 'LAUREL_NATS_URL', url: 'nats://127.0.0.1:4222', port: 4222, compose: 'nats' },
];

const which = (binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).stdout.trim();

function postgresBinDir() {
  const fromPath = which('pg_ctl');
  if (fromPath) return path.dirname(fromPath);
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = spawnSync('ls', [base], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort().reverse();
  for (const v of versions) if (existsSync(path.join(base, v, 'bin', 'pg_ctl'))) return path.join(base, v, 'bin');
  return null;
}

/** Starts a locally installed server with its data under .laurel/; true if it was started. */
function startLocal(service) {
  mkdirSync(DATA, { recursive: true });
  const port = String(new URL(process.env[service.env] ?? service.url).port || service.port);
  if (service.compose === 'postgres') {
    const bin = postgresBinDir();
    if (!bin) return false;
    const dir = path.join(DATA, 'postgres');
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      run(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], { stdio: 'ignore' });
    }
    run(path.join(bin, 'pg_ctl'), ['-D', dir, '-l', path.join(DATA, 'postgres.log'), '-o', `-p ${port} -k ${DATA}`, 'start'], {
      stdio: 'ignore',
    });
    return true;
  }
  if (service.compose === 'redis') {
    const binary = which('redis-server');
    if (!binary) return false;
    run(binary, ['--daemonize', 'yes', '--port', port, '--bind', '127.0.0.1', '--dir', DATA, '--logfile', path.join(DATA, 'redis.log')]);
    return true;
  }
  const binary = which('nats-server');
  if (!binary) return false;
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', port, '-js', '-sd', path.join(DATA, 'nats')], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return true;
}

async function waitFor(service, seconds = 20) {
  const url = process.env[service.env] ?? service.url;
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await reachable(url, service.port)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * Makes sure PostgreSQL, Redis and NATS answer at their configured URLs: the running ones, else
 * `docker compose up -d`, else local server binaries with data under .laurel/, else says what to install.
 */
export async function ensureInfrastructure() {
  const missing = [];
  for (const service of SERVICES) {
    if (!(await reachable(process.env[service.env] ?? service.url, service.port))) missing.push(service);
  }
  if (missing.length === 0) return;
  const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
  if (docker) {
    say(`starting ${missing.map((s) => s.name).join(', ')} with docker compose…`);
    run('docker', ['compose', 'up', '-d', ...missing.map((s) => s.compose)]);
  } else {
    for (const service of missing) {
      say(`${service.name} is not running: starting the local server with its data under .laurel/…`);
      if (!startLocal(service)) {
        throw new Error(
          `${service.name} is not reachable at ${process.env[service.env] ?? service.url}, there is no Docker engine, ` +
            `and no local ${service.name} server is installed. Install it (Debian: ${
              { postgres: 'postgresql', redis: 'redis-server', nats: 'nats-server' }[service.compose]
            }) or point ${service.env} at a running one.`,
        );
      }
    }
  }
  for (const service of missing) {
    if (!(await waitFor(service))) throw new Error(`${service.name} did not come up; see .laurel/*.log`);
  }
}

const hasCommand = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const hasCjkFont = () =>
  spawnSync('sh', ['-c', 'fc-list | grep -qi "noto.*cjk"'], { stdio: 'ignore' }).status === 0;

/**
 * The browser tests drive Debian's Chromium with a CJK font so that Chinese renders (never a downloaded browser):
 * installs the packages `chromium` and `fonts-noto-cjk` when missing (this machine's user is root), updating the
 * package lists only when a first try fails.
 */
export function ensureBrowser() {
  if (hasCommand('chromium') && hasCjkFont()) return;
  say('installing chromium and fonts-noto-cjk for the browser tests (apt-get)…');
  const install = ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (spawnSync('apt-get', install, { stdio: 'inherit', env }).status === 0) return;
  run('apt-get', ['update'], { env });
  run('apt-get', install, { env });
}
