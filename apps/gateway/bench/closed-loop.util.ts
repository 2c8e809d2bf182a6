import { performance } from 'node:perf_hooks';

/** A hard cap on the requests of one load, whatever the time. */
const MAX_REQUESTS = 2_000_000;

export interface LoopOptions {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Called when the measured window opens and when it closes (the CPU of every process is read then). */
  onWindowStart?: () => void;
  onWindowEnd?: () => void;
}

export interface LoopResult {
  requests: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  p50: number;
  p99: number;
  /** The measured window, ms. */
  windowMs: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);

/**
 * Keeps `concurrency` calls of `op` in flight (a closed loop: each worker sends its next call when the previous one
 * is answered): a warm-up whose results are discarded, then `durationMs` in which every completed call counts towards
 * the rate and the latencies.
 */
export async function closedLoop(
  options: LoopOptions,
  op: (worker: number, n: number) => Promise<void>,
): Promise<LoopResult> {
  const latencies: number[] = [];
  const state = { issued: 0, errors: 0, firstError: null as string | null, opened: false, closed: false };
  const measureFrom = performance.now() + options.warmupMs;
  const end = measureFrom + options.durationMs;
  let closedAt = end;
  const close = () => {
    if (state.closed) return;
    state.closed = true;
    closedAt = Math.min(performance.now(), end);
    options.onWindowEnd?.();
  };
  const worker = async (w: number) => {
    while (state.issued < MAX_REQUESTS) {
      const started = performance.now();
      if (started >= end) {
        close();
        return;
      }
      if (started >= measureFrom && !state.opened) {
        state.opened = true;
        options.onWindowStart?.();
      }
      const n = state.issued++;
      let failed = false;
      try {
        await op(w, n);
      } catch (error) {
        failed = true;
        state.firstError ??= error instanceof Error ? error.message : String(error);
      }
      const finished = performance.now();
      if (finished < measureFrom || finished > end) continue;
      if (failed) state.errors += 1;
      else latencies.push(finished - started);
    }
    close();
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  close();
  const sorted = Float64Array.from(latencies).sort();
  const windowMs = Math.max(1, closedAt - measureFrom);
  return {
    requests: latencies.length,
    errors: state.errors,
    firstError: state.firstError,
    perSecond: latencies.length / (windowMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    windowMs,
  };
}
