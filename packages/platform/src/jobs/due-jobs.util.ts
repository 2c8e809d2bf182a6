import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock';

/**
 * How long a job waits in BullMQ on a virtual clock before a move of the clock fires it: a year of real time, renewed
 * by every re-scheduling pass, so held jobs never run by BullMQ's own (real-time) delay.
 */
export const HELD_DELAY_MS = 365 * 24 * 3600 * 1000;

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

/**
 * Runs every held job of these queues that is due by the clock's time and waits until none due is left waiting,
 * running or held (a failed attempt waits out its back-off; a job that schedules another due job waits for it too), or
 * until `timeoutMs` of real time have passed (logged). Answers the run time of the earliest job still held.
 */
export async function firedJobsUntil(
  clock: Clock,
  queues: readonly Queue[],
  options: { timeoutMs: number; logger: Logger },
): Promise<Date | null> {
  const now = clock.now().getTime();
  // A real-time limit on the wait (how long this takes, not what the platform's clock says).
  const giveUpAt = performance.now() + options.timeoutMs;
  let quiet = 0;
  for (;;) {
    let pending = 0;
    let next = Number.POSITIVE_INFINITY;
    for (const queue of queues) {
      // Held jobs first, then the waiting and running ones: a job leaving the held set for the waiting one between the
      // two reads is seen in the second.
      for (const job of await queue.getDelayed()) {
        const at = runAtOf(job);
        if (at > now) {
          next = Math.min(next, at);
          continue;
        }
        pending += 1;
        // Held, and its time has come: it runs now. Retries of a failed attempt keep their back-off.
        if (job.attemptsMade === 0) await job.promote().catch(() => undefined);
      }
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
