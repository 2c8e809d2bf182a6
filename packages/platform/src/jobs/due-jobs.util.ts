import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import { type Clock, SystemClock } from '../clock/clock';
import { HeldIndex } from './held-index';

export { HELD_DELAY_MS } from './held-index';

/** What a job carries: the tenant it runs for, its data, and when it is due on the platform's clock (ms). */
export interface JobEnvelope {
  tenantId: string | null;
  data: unknown;
  runAt?: number;
}

/** A step of a virtual clock's move in one service: the jobs its workers ran, and its next held job's time. */
export interface DueJobs {
  fired: number;
  next: Date | null;
}

const POLL_MS = 25;

/** When a job is due on the platform's clock (a job scheduled before run times were carried: BullMQ's own time). */
export function runAtOf(job: Pick<Job, 'data' | 'timestamp' | 'delay'>): number {
  const runAt = (job.data as JobEnvelope | undefined)?.runAt;
  return typeof runAt === 'number' ? runAt : job.timestamp + (job.delay ?? 0);
}

/** BullMQ's back-offs run on the machine's time, whatever the platform's clock says. */
const MACHINE_TIME = new SystemClock();

/**
 * Runs every held job of these queues that is due by the clock's time and waits until none due is left waiting,
 * running or held (a failed attempt waits out its back-off; a job that schedules another due job waits for it too), or
 * until `timeoutMs` of real time have passed (logged). Answers the run time of the earliest job still held.
 *
 * Held jobs are found by their run time in each queue's `HeldIndex`, so a poll costs a few round trips however many
 * deadlines are held for later; due ones are promoted a thousand at a time.
 */
export async function firedJobsUntil(
  clock: Clock,
  queues: readonly Queue[],
  options: { timeoutMs: number; logger: Logger },
): Promise<Date | null> {
  const now = clock.now().getTime();
  const indexes = queues.map((queue) => ({ queue, held: new HeldIndex(queue) }));
  // A real-time limit on the wait (how long this takes, not what the platform's clock says).
  const giveUpAt = performance.now() + options.timeoutMs;
  let quiet = 0;
  for (;;) {
    let pending = 0;
    let next = Number.POSITIVE_INFINITY;
    for (const { queue, held } of indexes) {
      // Held jobs whose time has come run now (those that could not be promoted stay due, and are tried again).
      pending += await held.promoteDue(now);
      next = Math.min(next, (await held.next(now)) ?? Number.POSITIVE_INFINITY);
      // Failed attempts waiting out their back-off, then the waiting and running jobs.
      pending += await held.backingOff(MACHINE_TIME.now().getTime());
      pending += await queue.getJobCountByTypes('waiting', 'active', 'prioritized');
    }
    const nextAt = next === Number.POSITIVE_INFINITY ? null : new Date(next);
    // Twice in a row with nothing due: a failed attempt moving back to the held set between two reads is not missed.
    quiet = pending === 0 ? quiet + 1 : 0;
    if (quiet >= 2) return nextAt;
    if (performance.now() > giveUpAt) {
      options.logger.warn(
        { pending, now: new Date(now).toISOString() },
        'jobs due on the virtual clock did not finish in time; the move goes on without them',
      );
      return nextAt;
    }
    await sleep(POLL_MS);
  }
}
