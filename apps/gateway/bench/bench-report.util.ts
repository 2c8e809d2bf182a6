import { benchConfig } from './bench.config';
import type { LoopResult } from './closed-loop.util';
import type { GroupCpu } from './process-cpu.util';

/** The targets of issue 11: latency against the round trips, CPU per command, throughput and p99. */
const TARGETS = { ratio: 1.5, cpuMicrosPerCommand: 2000, commandsPerSecond: 1000, p99Ms: 50 };

export interface LoadResult extends LoopResult {
  name: string;
  /** CPU in the window per process group, µs. */
  cpu: GroupCpu[];
  /** Share of the machine's CPUs busy in the window (every process on it, other users' too). */
  machineBusy: number;
}

const µs = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : 'n/a');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const perRequest = (r: LoadResult, group: GroupCpu) => group.micros / Math.max(1, r.requests);
const countedMicros = (r: LoadResult) => r.cpu.filter((g) => g.counted).reduce((sum, g) => sum + perRequest(r, g), 0);
/** The counted CPU per request less what the processes use with no load over the same time. */
const aboveIdle = (r: LoadResult, idleRates: Map<string, number>) =>
  r.cpu
    .filter((g) => g.counted)
    .reduce((sum, g) => sum + Math.max(0, g.micros - (idleRates.get(g.name) ?? 0) * (r.windowMs / 1000)), 0) /
  Math.max(1, r.requests);

/** The loads the targets are judged on. */
export interface Judged {
  /** The floor and the command at 1 in flight: their p50s. */
  floor?: LoadResult;
  single?: LoadResult;
  /** The command at BENCH_CONCURRENCY in flight: throughput, p99, CPU per command. */
  many?: LoadResult;
}

/**
 * Prints the loads, their CPU per request by process, and the targets; false if a load had failed requests.
 * `idleRates` (µs per second of each process group with no load) gives the CPU above idle.
 */
export function report(rows: LoadResult[], { floor, single, many }: Judged, idleRates: Map<string, number>): boolean {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [
    `${'load'.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'requests'.padStart(8)}  errors  ${'machine busy'.padStart(12)}`,
    ...rows.map((r) =>
      [
        r.name.padEnd(width),
        r.perSecond.toFixed(0).padStart(7),
        ms(r.p50).padStart(7),
        ms(r.p99).padStart(7),
        String(r.requests).padStart(8),
        String(r.errors).padStart(6),
        (Number.isFinite(r.machineBusy) ? `${(100 * r.machineBusy).toFixed(0)} %` : 'n/a').padStart(12),
      ].join('  '),
    ),
    '',
    'CPU per request, µs (user + system from /proc/<pid>/stat over the measured window):',
    `${'load'.padEnd(width)}  ${(rows[0]?.cpu ?? []).map((g) => g.name.padStart(Math.max(10, g.name.length))).join('  ')}  ${'total'.padStart(6)}  above idle`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(width)}  ${r.cpu.map((g) => µs(perRequest(r, g)).padStart(Math.max(10, g.name.length))).join('  ')}  ${µs(countedMicros(r)).padStart(6)}  ${µs(aboveIdle(r, idleRates)).padStart(10)}`,
    ),
    '(total: every process but the load generator; above idle: less what they use with no load, per the idle line. The',
    ' NATS server is shared with whatever else runs on this machine, PostgreSQL is counted by the backends of this run.)',
    '',
  ];
  if (single && floor) {
    const ratio = single.p50 / floor.p50;
    lines.push(
      `target command p50 / floor p50 at 1 in flight ≤ ${TARGETS.ratio}: ${ms(ratio)}  ${verdict(ratio <= TARGETS.ratio)}` +
        ` (${ms(single.p50)} ms against ${ms(floor.p50)} ms: ${ms(single.p50 - floor.p50)} ms above the round trips)`,
    );
  }
  if (many) {
    const total = countedMicros(many);
    lines.push(
      `target CPU per command ≤ ${TARGETS.cpuMicrosPerCommand} µs (all processes, ${benchConfig.BENCH_CONCURRENCY} in flight): ${µs(total)}  ${verdict(total <= TARGETS.cpuMicrosPerCommand)} (${µs(aboveIdle(many, idleRates))} above idle)`,
      `target commands/s ≥ ${TARGETS.commandsPerSecond}: ${many.perSecond.toFixed(0)}  ${verdict(many.perSecond >= TARGETS.commandsPerSecond)}`,
      `target command p99 < ${TARGETS.p99Ms} ms: ${ms(many.p99)}  ${verdict(many.p99 < TARGETS.p99Ms)}`,
    );
  }
  console.log(lines.join('\n'));
  const failed = rows.filter((r) => r.errors > 0 || r.requests === 0);
  for (const r of failed)
    console.error(`${r.name}: ${r.errors} failed requests (first: ${r.firstError ?? 'none completed'})`);
  return failed.length === 0;
}
