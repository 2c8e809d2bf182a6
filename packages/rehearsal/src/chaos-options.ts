import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_NATS_SERVER } from './own-nats-server';

export const CHAOS_USAGE = `usage: npm run chaos -- [--kills N] [--minutes M] [--clients C] [--logs <dir>] [--nats-server <bin>]
  --kills N            at most N SIGKILLs of a random instance (default 100)
  --minutes M          the kills stop after M minutes, whatever their number (default 30)
  --clients C          clients writing side by side, at least 5: four for the later cycle and the panel, the rest for intake (default 6)
  --logs <dir>         an existing directory: every app's output is written there (chaos-apps.log) if the run fails
  --nats-server <bin>  the nats-server executable the run starts its own server with (default ${DEFAULT_NATS_SERVER})`;

export interface ChaosCliOptions {
  kills: number;
  minutes: number;
  clients: number;
  /** The file every app's output goes to on a failure (in the `--logs` directory). */
  logs?: string;
  natsServer: string;
}

const NUMBERS = { kills: 100, minutes: 30, clients: 6 } as const;
const PATHS = ['logs', 'nats-server'] as const;

/** The options of `npm run chaos`, from its arguments; a string is the error to print above the usage. */
export function chaosOptions(argv: string[], cwd = process.cwd()): ChaosCliOptions | string {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg];
    const name = flag?.replace(/^--/, '') ?? '';
    if (!flag?.startsWith('--') || !(name in NUMBERS || (PATHS as readonly string[]).includes(name)))
      return `unknown argument ${JSON.stringify(arg)}`;
    if (given.has(name)) return `--${name} is given twice`;
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) return `--${name} needs a value`;
    given.set(name, value);
  }
  const numbers: Record<string, number> = {};
  for (const [name, fallback] of Object.entries(NUMBERS)) {
    const raw = given.get(name);
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) return `--${name} must be a positive number, not ${JSON.stringify(raw)}`;
    numbers[name] = value;
  }
  if ((numbers.clients as number) < 5 || !Number.isInteger(numbers.clients))
    return `--clients must be a whole number of at least 5, not ${given.get('clients')}`;
  const natsServer = path.resolve(cwd, given.get('nats-server') ?? DEFAULT_NATS_SERVER);
  try {
    if (!statSync(natsServer).isFile()) return `--nats-server: ${natsServer} is not a file`;
    accessSync(natsServer, constants.X_OK);
  } catch {
    return `--nats-server: ${natsServer} is not an executable file (install nats-server, or name one)`;
  }
  const dir = given.get('logs');
  let logs: string | undefined;
  if (dir !== undefined) {
    const resolved = path.resolve(cwd, dir);
    try {
      if (!statSync(resolved).isDirectory()) return `--logs: ${resolved} is not a directory`;
      accessSync(resolved, constants.W_OK);
    } catch {
      return `--logs: ${resolved} is not a directory this user can write to`;
    }
    logs = path.join(resolved, 'chaos-apps.log');
  }
  return {
    kills: numbers.kills as number,
    minutes: numbers.minutes as number,
    clients: numbers.clients as number,
    natsServer,
    ...(logs ? { logs } : {}),
  };
}
