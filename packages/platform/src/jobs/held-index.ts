import type { Queue } from 'bullmq';

/** Jobs read, promoted or indexed in one round trip. */
const CHUNK = 1000;

/**
 * How long a job waits in BullMQ on a virtual clock before a move of the clock fires it: a year of real time, renewed
 * by every re-scheduling pass, so held jobs never run by BullMQ's own (real-time) delay.
 */
export const HELD_DELAY_MS = 365 * 24 * 3600 * 1000;

/** BullMQ's score in the delayed set: the time it fires (ms) × 0x1000 plus a counter. */
export const SCORE_PER_MS = 0x1000;

/**
 * The held jobs of one queue on a virtual clock, by their run time on the clock: a sorted set beside BullMQ's own
 * (`<prefix>:<queue>:laurel-held`, score the run time in ms, member the job id). BullMQ's delayed set orders held jobs
 * by when they were held, not by when they are due, so without this a move of the clock would read every held job of
 * the queue — the whole country's future deadlines — on every poll to find the few due now.
 *
 * It is a hint, never the truth: a job is promoted only if it is still held, an entry whose job is gone is dropped when
 * its time comes, and every re-scheduling pass (which a move runs first) writes the entries of every open deadline
 * again, so a flushed or stale index heals as the queue itself does.
 */
export class HeldIndex {
  private readonly key: string;
  /** BullMQ's delayed set of the queue. */
  private readonly delayed: string;

  constructor(private readonly queue: Queue) {
    this.key = queue.toKey('laurel-held');
    this.delayed = queue.keys.delayed ?? queue.toKey('delayed');
  }

  /** Records (or moves) held jobs at their run times. */
  async hold(jobs: readonly { jobId: string; runAt: number }[]): Promise<void> {
    const client = await this.queue.getBackend().client;
    for (let start = 0; start < jobs.length; start += CHUNK) {
      const args: (string | number)[] = [this.key];
      for (const job of jobs.slice(start, start + CHUNK)) args.push(job.runAt, job.jobId);
      if (args.length > 1) await client.runCommand('zadd', args);
    }
  }

  /**
   * The run times (clock ms) at which these jobs are held: the index's entry, for a job BullMQ's delayed set still has
   * (one round trip per thousand reads both); null for a job not held, or indexed but gone from BullMQ.
   */
  async runTimes(jobIds: readonly string[]): Promise<(number | null)[]> {
    if (jobIds.length === 0) return [];
    const times: (number | null)[] = [];
    for (let start = 0; start < jobIds.length; start += CHUNK) {
      const chunk = jobIds.slice(start, start + CHUNK);
      // Sent together: one round trip.
      const [runAts, inBull] = await Promise.all([this.scores(this.key, chunk), this.scores(this.delayed, chunk)]);
      times.push(...runAts.map((runAt, index) => (runAt === null || inBull[index] === null ? null : Number(runAt))));
    }
    return times;
  }

  /** Forgets jobs that are no longer held (run, cancelled, or scheduled due). */
  async release(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return;
    const client = await this.queue.getBackend().client;
    for (let start = 0; start < jobIds.length; start += CHUNK) {
      await client.runCommand('zrem', [this.key, ...jobIds.slice(start, start + CHUNK)]);
    }
  }

  /**
   * Promotes every held job due by `now` (clock ms) to run now, a chunk at a time. Answers how many entries stay due
   * (their jobs could not be promoted and are still held: tried again by the next call).
   */
  async promoteDue(now: number): Promise<number> {
    const client = await this.queue.getBackend().client;
    let stuck = 0;
    for (;;) {
      const ids: string[] = await client.runCommand('zrangebyscore', [this.key, '-inf', now, 'LIMIT', stuck, CHUNK]);
      if (ids.length === 0) return stuck;
      stuck += (await this.promote(ids)).stillHeld;
    }
  }

  /**
   * Promotes these held jobs to run now (the promotions go out together) and drops the entries of those no longer held
   * (promoted here, or already run or gone). Answers how many were promoted and how many are still held.
   */
  async promote(ids: readonly string[]): Promise<{ promoted: number; stillHeld: number }> {
    let promoted = 0;
    let stillHeld = 0;
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const results = await Promise.all(
        chunk.map((id) =>
          this.queue
            .getBackend()
            .promote(id)
            .then(
              () => true,
              () => false,
            ),
        ),
      );
      // One that could not be promoted may have run already (another instance's move) or moved: still held or not?
      const failed = chunk.filter((_, index) => !results[index]);
      const held = await this.stillDelayed(failed);
      const keep = new Set(failed.filter((_, index) => held[index]));
      await this.release(chunk.filter((id) => !keep.has(id)));
      promoted += chunk.length - failed.length;
      stillHeld += keep.size;
    }
    return { promoted, stillHeld };
  }

  /** The run time (clock ms) of the earliest held job due after `now`, if any. */
  async next(now: number): Promise<number | null> {
    const client = await this.queue.getBackend().client;
    const [, score]: string[] = await client.runCommand('zrangebyscore', [
      this.key,
      `(${now}`,
      '+inf',
      'WITHSCORES',
      'LIMIT',
      0,
      1,
    ]);
    return score === undefined ? null : Number(score);
  }

  /**
   * Jobs of the queue waiting out a failed attempt's back-off: in BullMQ's delayed set for real seconds, not held for
   * the clock (a held job's real time is half a hold or more ahead).
   */
  async backingOff(realNow: number): Promise<number> {
    const client = await this.queue.getBackend().client;
    return Number(
      await client.runCommand('zcount', [this.delayed, '-inf', `(${(realNow + HELD_DELAY_MS / 2) * SCORE_PER_MS}`]),
    );
  }

  /** Whether each of these jobs is still in BullMQ's delayed set (when that cannot be read: held, to be tried again). */
  private async stillDelayed(ids: readonly string[]): Promise<boolean[]> {
    if (ids.length === 0) return [];
    try {
      return (await this.scores(this.delayed, ids)).map((score) => score !== null);
    } catch {
      return ids.map(() => true);
    }
  }

  /** The scores of these members in a sorted set (null for a member it does not have), in one command. */
  private async scores(key: string, members: readonly string[]): Promise<(string | null)[]> {
    const client = await this.queue.getBackend().client;
    return client.runCommand('zmscore', [key, ...members]);
  }
}
