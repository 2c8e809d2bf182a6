import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** Environment every service reads, parsed once at start-up. */
export const platformConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LAUREL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Administrative connection (migrations, roles); services derive their role connections from it. */
  LAUREL_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
    .default('postgresql://postgres@127.0.0.1:5432/laurel'),
  LAUREL_DATABASE_APP_USER: z.string().min(1).default('laurel_app'),
  LAUREL_DATABASE_APP_PASSWORD: z.string().optional(),
  LAUREL_DATABASE_SYSTEM_USER: z.string().min(1).default('laurel_system'),
  LAUREL_DATABASE_SYSTEM_PASSWORD: z.string().optional(),
  LAUREL_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * A transaction still open after this long is rolled back: its running statement is cancelled and its later
   * statements and commit are refused. Also each statement's limit outside transactions.
   */
  LAUREL_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(15000),
  LAUREL_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (BullMQ queues, rate limits): one per deployment or test run. */
  LAUREL_REDIS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('laurel'),
  LAUREL_NATS_URL: z
    .string()
    .regex(/^nats:\/\//, 'must be a nats:// URL')
    .default('nats://127.0.0.1:4222'),
  /** Prefix of every NATS subject and JetStream stream: one per deployment or test run. */
  LAUREL_NATS_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, _ and - only')
    .default('laurel'),
  LAUREL_NATS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
  /** Port of the service's /health and /metrics listener (0 = any free port). */
  LAUREL_HEALTH_PORT: port.optional(),
  LAUREL_HEALTH_HOST: z.string().default('127.0.0.1'),
  /**
   * Which instance of its service this process is, when several run side by side (`LAUREL_INSTANCES`), e.g.
   * `applications-2`: in every log line and in the NATS connection's name. Nothing else depends on it.
   */
  LAUREL_INSTANCE_ID: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]+$/, 'letters, digits, _ . and - only')
    .optional(),
  /** Whether this instance runs the outbox relay (turn off to dedicate other instances to it). */
  LAUREL_RELAY_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LAUREL_RELAY_INTERVAL_MS: z.coerce.number().int().min(10).max(60000).default(1000),
  /** How often every tenant's audit chain head is anchored outside the database (JetStream). */
  LAUREL_AUDIT_ANCHOR_INTERVAL_MS: z.coerce.number().int().min(100).max(3600000).default(10000),
  LAUREL_RESCHEDULE_INTERVAL_MS: z.coerce.number().int().min(1000).default(300000),
  /**
   * `real` (default): the system's time. `virtual`: a rehearsal platform on one shared clock that the operator moves
   * forward (`POST /api/v1/operations/clock`); refused with NODE_ENV=production.
   */
  LAUREL_CLOCK: z.enum(['real', 'virtual']).default('real'),
  /** Where a new rehearsal's virtual clock starts (ISO date-time with offset; default: now). A stored time wins. */
  LAUREL_CLOCK_START: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time with an offset, e.g. 2026-09-28T10:00:00+08:00' })
    .transform((value) => new Date(value))
    .optional(),
});
export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/**
 * For a config schema's superRefine: a virtual clock is for rehearsal platforms only. A production deployment whose
 * deadlines followed an operator's moves instead of real time would close notices and record overdue cases wrongly.
 */
export function refuseVirtualClockInProduction(
  config: { NODE_ENV?: string; LAUREL_CLOCK?: string },
  context: z.core.$RefinementCtx<{ NODE_ENV?: string; LAUREL_CLOCK?: string }>,
): void {
  if (config.NODE_ENV === 'production' && config.LAUREL_CLOCK === 'virtual') {
    context.addIssue({
      code: 'custom',
      path: ['LAUREL_CLOCK'],
      message:
        'virtual is refused with NODE_ENV=production: a virtual clock is for rehearsal platforms only, where the ' +
        'operator moves time; a production platform keeps real time (unset LAUREL_CLOCK or set it to real)',
    });
  }
}

/** The platform's environment as every service's runtime reads it, with the rules across variables. */
export const platformRuntimeConfigSchema = platformConfigSchema.superRefine(refuseVirtualClockInProduction);
