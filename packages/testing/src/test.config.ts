import { loadConfig } from '@laurel/platform';
import { z } from 'zod';

/** Where the tests find PostgreSQL, Redis and NATS, and how loud the services under test are. Parsed once. */
export const testConfig = loadConfig(
  z.object({
    LAUREL_TEST_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL')
      .default('postgresql://postgres@127.0.0.1:5432/postgres'),
    LAUREL_TEST_REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    LAUREL_TEST_NATS_URL: z
      .string()
      .regex(/^nats:\/\//, 'must be a nats:// URL')
      .default('nats://127.0.0.1:4222'),
    LAUREL_TEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('silent'),
    /** Node flags for services the tests start in processes of their own (e.g. `--cpu-prof`), space-separated. */
    LAUREL_CHILD_NODE_FLAGS: z
      .string()
      .default('')
      .transform((flags) => flags.split(' ').filter(Boolean)),
  }),
);
