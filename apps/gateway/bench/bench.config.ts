import { loadConfig } from '@laurel/platform';
import { z } from 'zod';

/** `npm run bench:gateway -- --long` (or BENCH_LONG=true): longer windows, and the single floors at N in flight. */
const long = process.argv.includes('--long') || process.env.BENCH_LONG === 'true';

/** The benchmark's knobs, parsed once from the environment like every other configuration. */
export const benchConfig = loadConfig(
  z.object({
    /** Requests in flight in the throughput load (the latency loads run at 1). */
    BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(32),
    BENCH_TENANTS: z.coerce.number().int().min(1).max(64).default(8),
    BENCH_WARMUP_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(60000)
      .default(long ? 2000 : 1000),
    BENCH_DURATION_MS: z.coerce
      .number()
      .int()
      .min(1000)
      .max(120000)
      .default(long ? 15000 : 5000),
    /**
     * Which loads to run, comma-separated: `latency` (the floor and the command at 1 in flight), `throughput` (the
     * command at BENCH_CONCURRENCY in flight), `single-floors` (HTTP, NATS and a PostgreSQL INSERT each on its own at
     * BENCH_CONCURRENCY in flight). Default: `latency,throughput`, plus `single-floors` with --long.
     */
    BENCH_LOADS: z
      .string()
      .default(long ? 'latency,throughput,single-floors' : 'latency,throughput')
      .transform((value) => new Set(value.split(',').map((load) => load.trim())))
      .pipe(z.set(z.enum(['latency', 'throughput', 'single-floors'])).min(1)),
  }),
);
