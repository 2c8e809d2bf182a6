import { CHAOS_USAGE, chaosOptions } from './chaos-options';
import { describeChaos } from './chaos-report';
import { runChaos } from './chaos-run';

/**
 * `npm run chaos [-- --kills N] [--minutes M] [--clients C] [--logs <dir>] [--nats-server <bin>]`: a rehearsal
 * platform with two instances of every app, sustained writes through both gateways while random instances are
 * SIGKILLed and started again (at most N kills, default 100, within M minutes, default 30), the run's Redis keys
 * flushed and its own NATS server SIGKILLed half-way; then every count reconciled. Exits 1 if anything does not
 * reconcile, 2 on a bad argument.
 */
async function main(argv: string[]): Promise<number> {
  const options = chaosOptions(argv);
  if (typeof options === 'string') {
    console.error(`${options}\n\n${CHAOS_USAGE}`);
    return 2;
  }
  console.log(
    `chaos: up to ${options.kills} kills within ${options.minutes} min, ${options.clients} clients, ${options.natsServer}`,
  );
  const report = await runChaos({ ...options, say: (line) => console.log(`[chaos] ${line}`) });
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
