import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { SystemClock } from '../clock/clock';
import { RequestContexts } from '../context/request-context';
import { HELD_DELAY_MS, HeldIndex } from './held-index';
import type { JobDefinition } from './job-definition';
import { type BatchPlan, planBatch, type ReadyDeadline } from './rescheduled-batch.util';

/** Open deadlines a service reads from its database: the truth the queues are rebuilt from. */
export interface ScheduledDeadline {
  job: JobDefinition;
  data: unknown;
  runAt: Date;
  tenantId: string | null;
}
export type DeadlineSource = () => Promise<ScheduledDeadline[]>;

/** Every job: removed once done, kept a while when it failed for good, retried with back-off. */
export const JOB_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
} as const;

/** BullMQ's delays run on the machine's time, whatever the platform's clock says. */
const MACHINE_TIME = new SystemClock();

/** Deadlines read in one round trip (and the missing ones added in one) while re-scheduling. */
const RESCHEDULE_BATCH = 1000;

/** A deadline of a source, checked and with its job's envelope, for a re-scheduling batch. */
interface ReadyJob extends ReadyDeadline {
  readonly deadline: ScheduledDeadline;
}

/** What a pass needs of the job scheduler it runs for. */
export interface PassHost {
  readonly logger: Logger;
  /** On a virtual clock: held jobs are recorded in their queue's `HeldIndex`. */
  readonly virtual: boolean;
  stopped(): boolean;
  queue(name: string): Queue;
  delayUntil(runAt: Date): number;
  schedule(job: JobDefinition, data: unknown, runAt: Date, tenantId: string | null): Promise<void>;
}

/**
 * A full pass reads every job of every open deadline and mends what differs (a held job renewed, a moved one moved). A
 * quick pass, which each step of a virtual clock's move runs first, trusts the held index for a job it holds at the
 * deadline's run time (the step fires the due ones from the index) and gives only the others the full treatment: what
 * Redis lost comes back, at a few round trips per thousand deadlines when nothing is lost.
 */
export type PassKind = 'full' | 'quick';

/**
 * Re-schedules every open deadline of these sources; answers how many were (re)scheduled. A deadline or a source that
 * fails is logged and skipped: it does not keep the others from being scheduled, nor the service from starting.
 */
export async function reschedulingPass(
  sources: readonly DeadlineSource[],
  host: PassHost,
  kind: PassKind = 'full',
): Promise<number> {
  let count = 0;
  for (const source of sources) {
    let deadlines: ScheduledDeadline[];
    try {
      deadlines = await source();
    } catch (error) {
      host.logger.error({ err: error }, 'reading open deadlines failed; the next pass tries again');
      continue;
    }
    for (const [queueName, ready] of readyByQueue(deadlines, host)) {
      for (let start = 0; start < ready.length; start += RESCHEDULE_BATCH) {
        if (host.stopped()) return count;
        const batch = ready.slice(start, start + RESCHEDULE_BATCH);
        count +=
          kind === 'quick' && host.virtual
            ? await quickBatch(queueName, batch, host)
            : await rescheduleBatch(queueName, batch, host);
      }
    }
  }
  return count;
}

/** A source's deadlines checked (a bad one logged and skipped) and grouped by queue. */
function readyByQueue(deadlines: readonly ScheduledDeadline[], host: PassHost): Map<string, ReadyJob[]> {
  const byQueue = new Map<string, ReadyJob[]>();
  for (const deadline of deadlines) {
    try {
      const data = deadline.job.data.parse(deadline.data);
      const runAt = deadline.runAt.getTime();
      const ready: ReadyJob = {
        deadline,
        name: deadline.job.name,
        jobId: deadline.job.jobId(data),
        envelope: { tenantId: deadline.tenantId ?? RequestContexts.current()?.tenantId ?? null, data, runAt },
        delay: host.delayUntil(deadline.runAt),
      };
      const queued = byQueue.get(deadline.job.queue);
      if (queued) queued.push(ready);
      else byQueue.set(deadline.job.queue, [ready]);
    } catch (error) {
      logDeadlineFailure(host, error, deadline);
    }
  }
  return byQueue;
}

/**
 * One batch of a queue's deadlines: their jobs read in one round trip; the missing added in one (after a Redis flush,
 * all of them); those held for a time the clock has reached promoted together; those already held or delayed for their
 * time left alone; the rest one by one as `schedule` does. On a virtual clock the held ones are (re)written in the
 * queue's `HeldIndex`. Answers how many are scheduled.
 */
async function rescheduleBatch(queueName: string, deadlines: readonly ReadyJob[], host: PassHost): Promise<number> {
  const queue = host.queue(queueName);
  // Delays are relative to when a job is added: taken now, not when the source was read.
  const batch = deadlines.map((ready) => ({ ...ready, delay: host.delayUntil(ready.deadline.runAt) }));
  let plan: BatchPlan<ReadyJob>;
  try {
    plan = await planBatch(queue, batch, MACHINE_TIME.now().getTime());
  } catch (error) {
    host.logger.warn({ err: error, queue: queueName }, 'reading a batch of jobs failed; scheduling them one by one');
    plan = { missing: [], changed: [...batch], due: [], unchanged: 0 };
  }
  const held = new HeldIndex(queue);
  let count = plan.unchanged + (await held.promote(plan.due.map((ready) => ready.jobId))).promoted;
  const oneByOne = [...plan.changed];
  if (plan.missing.length > 0) {
    try {
      await queue.addBulk(
        plan.missing.map((ready) => ({
          name: ready.name,
          data: ready.envelope,
          opts: { ...JOB_OPTIONS, jobId: ready.jobId, delay: host.delayUntil(ready.deadline.runAt) },
        })),
      );
      count += plan.missing.length;
    } catch (error) {
      host.logger.warn({ err: error, queue: queueName }, 'adding a batch of jobs failed; adding them one by one');
      oneByOne.push(...plan.missing);
    }
  }
  if (host.virtual) {
    const holding = batch.filter((ready) => ready.delay >= HELD_DELAY_MS);
    await held.hold(holding.map((ready) => ({ jobId: ready.jobId, runAt: ready.envelope.runAt })));
  }
  for (const { deadline } of oneByOne) {
    if (host.stopped()) return count;
    try {
      await host.schedule(deadline.job, deadline.data, deadline.runAt, deadline.tenantId);
      count += 1;
    } catch (error) {
      logDeadlineFailure(host, error, deadline);
    }
  }
  return count;
}

/**
 * A batch of a quick pass: the jobs held (in BullMQ's delayed set) and indexed at their deadlines' run times are left
 * alone; the rest get the full treatment.
 */
async function quickBatch(queueName: string, deadlines: readonly ReadyJob[], host: PassHost): Promise<number> {
  const held = new HeldIndex(host.queue(queueName));
  let times: (number | null)[];
  try {
    times = await held.runTimes(deadlines.map((ready) => ready.jobId));
  } catch (error) {
    host.logger.warn(
      { err: error, queue: queueName },
      'reading the held index failed; re-scheduling the batch in full',
    );
    return rescheduleBatch(queueName, deadlines, host);
  }
  const unheld = deadlines.filter((ready, index) => times[index] !== ready.envelope.runAt);
  return deadlines.length - unheld.length + (await rescheduleBatch(queueName, unheld, host));
}

function logDeadlineFailure(host: PassHost, error: unknown, deadline: ScheduledDeadline): void {
  host.logger.error(
    { err: error, queue: deadline.job.queue, job: deadline.job.name, tenantId: deadline.tenantId },
    're-scheduling a deadline failed; the next pass tries again',
  );
}
