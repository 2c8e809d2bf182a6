import { describeChaos } from './chaos-report';
import { runChaos } from './chaos-run';

/** `--name=value` or `--name value` of the command line, as a number (else `fallback`). */
function option(argv: string[], name: string, fallback: number): number {
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = argv[at]?.includes('=') ? argv[at]?.split('=')[1] : argv[at + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, not ${raw}`);
  return value;
}

/**
 * `npm run chaos [-- --kills N] [--minutes M] [--clients C]`: a rehearsal platform with two instances of every app,
 * sustained writes through both gateways while random instances are SIGKILLed and started again (at most N kills,
 * default 100, within M minutes, default 30) and the run's Redis keys flushed half-way; then every count reconciled.
 * Exits 1 if anything does not reconcile.
 */
async function main(argv: string[]): Promise<number> {
  const kills = option(argv, 'kills', 100);
  const minutes = option(argv, 'minutes', 30);
  const clients = option(argv, 'clients', 6);
  console.log(`chaos: up to ${kills} kills within ${minutes} min, ${clients} clients`);
  const report = await runChaos({
    kills,
    minutes,
    clients,
    say: (line) => console.log(`[chaos] ${line}`),
  });
  console.log(describeChaos(report));
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
