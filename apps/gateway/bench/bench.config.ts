import { loadConfig } from '@laurel/platform';
import { z } from 'zod';

/** The benchmark's knobs, parsed once from the environment like every other configuration. */
export const benchConfig = loadConfig(
  z.object({
    BENCH_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(32),
    BENCH_TENANTS: z.coerce.number().int().min(1).max(64).default(8),
    BENCH_WARMUP_MS: z.coerce.number().int().min(0).max(60000).default(2000),
    BENCH_DURATION_MS: z.coerce.number().int().min(1000).max(120000).default(10000),
    /** `same`: the probe in this process, as the e2e tests start it; `own`: in a process of its own. */
    BENCH_PROBE_PROCESS: z.enum(['same', 'own']).default('same'),
    /** Which loads to run, comma-separated (`floors,command` by default; `command` alone while profiling). */
    BENCH_LOADS: z
      .string()
      .default('floors,command')
      .transform((value) => new Set(value.split(',').map((load) => load.trim())))
      .pipe(z.set(z.enum(['floors', 'command'])).min(1)),
  }),
);
