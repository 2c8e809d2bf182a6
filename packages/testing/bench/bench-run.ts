import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** A figure in seconds, as the benches print them. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
/** How many per second. */
export const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000)}/s`;

/** Runs `fn` and answers its result and how long it took (ms). */
export async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

/** The first lines of a bench's output: its name, when, and the machine it ran on (cores, Node, load). */
export function benchHeader(name: string): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return (
    `${name}: ${new Date().toISOString()}\nmachine: ${os.availableParallelism()} cores ` +
    `(${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${load}`
  );
}

/** Runs a bench's main and exits with its code (1 and the error when it throws). */
export function runBench(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
