import type { Queue } from 'bullmq';
import type { JobEnvelope } from './due-jobs.util';
import { HELD_DELAY_MS, SCORE_PER_MS } from './held-index';

/** A deadline read from the database, its job id and data checked, ready for its queue. */
export interface ReadyDeadline {
  readonly name: string;
  readonly jobId: string;
  readonly envelope: JobEnvelope & { runAt: number };
  /** BullMQ's delay the job should have now (real ms): the time left, 0 when due, or held on a virtual clock. */
  readonly delay: number;
}

/** What a pass does with each deadline of a batch, read in one round trip. */
export interface BatchPlan<T extends ReadyDeadline = ReadyDeadline> {
  /** No job in Redis (never taken, or Redis lost it): added together, in one round trip. */
  readonly missing: T[];
  /** A job in another state than the plan needs (moved run time, finished or failed): handled one by one. */
  readonly changed: T[];
  /** Held for its run time, which the clock has reached: promoted together. */
  readonly due: T[];
  /** Already held or delayed for the right time: nothing to do. */
  readonly unchanged: number;
}

/** A delayed job firing within this of the planned time is on time (BullMQ's own rounding, a pass's duration). */
const ON_TIME_MS = 1000;

/**
 * Reads the jobs of a batch of deadlines of one queue in one pipelined round trip (their data and their place in the
 * delayed set) and sorts them: missing, changed, due, or unchanged. A held job (virtual clock) is renewed once half its
 * hold has passed, so every pass need not touch it.
 */
export async function planBatch<T extends ReadyDeadline>(
  queue: Queue,
  batch: readonly T[],
  realNow: number,
): Promise<BatchPlan<T>> {
  const client = await queue.getBackend().client;
  const pipeline = client.pipeline();
  for (const deadline of batch) {
    pipeline.runCommand('hget', [queue.toKey(deadline.jobId), 'data']);
    pipeline.runCommand('zscore', [queue.keys.delayed, deadline.jobId]);
  }
  const answers = (await pipeline.exec()) ?? [];
  const missing: T[] = [];
  const changed: T[] = [];
  const due: T[] = [];
  let unchanged = 0;
  for (const [index, deadline] of batch.entries()) {
    const [dataError, data] = answers[index * 2] ?? [new Error('no answer'), null];
    const [scoreError, score] = answers[index * 2 + 1] ?? [new Error('no answer'), null];
    if (
      dataError ||
      scoreError ||
      (data !== null && (score === null || !sameRunAt(data as string, deadline.envelope.runAt)))
    ) {
      changed.push(deadline);
      continue;
    }
    if (data === null) {
      missing.push(deadline);
      continue;
    }
    if (deadline.delay === 0) {
      due.push(deadline);
      continue;
    }
    const firesAt = Math.floor(Number(score) / SCORE_PER_MS);
    const onTime =
      deadline.delay >= HELD_DELAY_MS
        ? firesAt - realNow > HELD_DELAY_MS / 2
        : Math.abs(firesAt - (realNow + deadline.delay)) <= ON_TIME_MS;
    // The few whose time moved go the one-by-one way.
    if (onTime) unchanged += 1;
    else changed.push(deadline);
  }
  return { missing, changed, due, unchanged };
}

function sameRunAt(data: string, runAt: number): boolean {
  try {
    return (JSON.parse(data) as JobEnvelope).runAt === runAt;
  } catch {
    return false;
  }
}
