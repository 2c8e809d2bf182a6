import { testConfig } from '@laurel/testing';
import { Redis } from 'ioredis';
import type { ClockBarrier } from './clock-barrier';
import type { RehearsalPlatform } from './rehearsal-platform';

/** Redis lost with deadlines open: how many were held before, how many after, and how long they took to come back. */
export interface Rescheduling {
  before: number;
  removedKeys: number;
  after: number;
  /** Real milliseconds of the clock's move that re-scheduled them from the databases (and fired none). */
  ms: number;
}

/** Every deadline job BullMQ holds under the run's prefix (the delayed sets of every queue). */
export async function heldDeadlines(prefix: string): Promise<number> {
  const redis = new Redis(testConfig.LAUREL_TEST_REDIS_URL);
  try {
    let held = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*:delayed`, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) held += await redis.zcard(key);
    } while (cursor !== '0');
    return held;
  } finally {
    redis.disconnect();
  }
}

/**
 * Flushes the run's Redis keys with the deadlines open, then moves the clock a minute: every service re-schedules every
 * open deadline from its database before it fires what is due. Answers the counts before and after and the move's time.
 */
export async function rescheduleAfterFlush(platform: RehearsalPlatform, barrier: ClockBarrier): Promise<Rescheduling> {
  const before = await heldDeadlines(platform.prefix);
  const removedKeys = await platform.flushRedis();
  const began = performance.now();
  await barrier.request(new Date(barrier.now.getTime() + 60_000));
  const ms = Math.round(performance.now() - began);
  return { before, removedKeys, after: await heldDeadlines(platform.prefix), ms };
}
