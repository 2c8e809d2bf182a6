import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock';
import { timeLimit } from '../clock/time-limit.util';
import { VirtualClock } from '../clock/virtual-clock';
import { RequestContexts } from '../context/request-context';
import { type DueJobs, firedJobsUntil, type JobEnvelope, runAtOf } from './due-jobs.util';
import { type FinishedCounter, localCounter } from './finished-counter';
import { HELD_DELAY_MS, HeldIndex } from './held-index';
import type { JobDataOf, JobDefinition } from './job-definition';
import { type DeadlineSource, JOB_OPTIONS, type PassKind, reschedulingPass } from './rescheduling-pass';

export type { FinishedCounter } from './finished-counter';
export type { DeadlineSource, ScheduledDeadline } from './rescheduling-pass';

export type JobProcessor<J extends JobDefinition> = (data: JobDataOf<J>, job: Job) => Promise<void>;

/** How long a command that committed waits for Redis to take its job before leaving it to re-scheduling. */
const COMMITTED_WAIT_MS = 2000;

/**
 * BullMQ for one service: the queues and jobs it declared, one processor per job (a declared job without
 * one stops the service at start), deterministic job ids, and re-scheduling of every open deadline from
 * the database at start, periodically, and when a test clock moves.
 *
 * On a virtual clock BullMQ's delay (real time) does not decide when a job runs: every job carries its run time on
 * the clock, waits held, and runs when a move of the clock reaches it (`fireDue`), or at once when it is scheduled
 * for a time the clock has already reached.
 */
export class JobScheduler {
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly processors = new Map<string, JobProcessor<JobDefinition>>();
  private readonly sources: DeadlineSource[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** The re-scheduling pass under way, if any: a periodic tick does not start a second one beside it. */
  private rescheduling: Promise<number> | null = null;
  private stopped = false;
  /** The `fireDue` under way: steps of a move run one after the other. */
  private firing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly declared: readonly JobDefinition[],
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Counts the jobs every instance finished (the runtime's Redis); without it, this instance's only. */
    private readonly counter: FinishedCounter = localCounter(),
  ) {
    const seen = new Set<string>();
    for (const job of declared) {
      const key = `${job.queue}/${job.name}`;
      if (seen.has(key)) throw new Error(`job ${key} declared twice`);
      seen.add(key);
    }
  }

  process<J extends JobDefinition>(job: J, processor: JobProcessor<J>): void {
    const key = `${job.queue}/${job.name}`;
    if (!this.declared.some((d) => `${d.queue}/${d.name}` === key)) throw new Error(`job ${key} is not declared`);
    this.processors.set(key, processor as unknown as JobProcessor<JobDefinition>);
  }

  addDeadlineSource(source: DeadlineSource): void {
    this.sources.push(source);
  }

  /** Refuses to start if a declared job has no processor; then starts the workers and re-schedules. */
  async start(options: { rescheduleEveryMs: number }): Promise<void> {
    const missing = this.declared.filter((d) => !this.processors.has(`${d.queue}/${d.name}`));
    if (missing.length > 0) {
      throw new Error(`declared job(s) without a processor: ${missing.map((d) => `${d.queue}/${d.name}`).join(', ')}`);
    }
    for (const queueName of new Set(this.declared.map((d) => d.queue))) {
      const worker = new Worker(queueName, (job) => this.run(queueName, job), {
        connection: this.connection,
        prefix: this.prefix,
        concurrency: 8,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({ err: error, queue: queueName, job: job?.name, jobId: job?.id }, 'job failed'),
      );
      worker.on('error', (error) => this.logger.error({ err: error, queue: queueName }, 'worker error'));
      this.workers.push(worker);
    }
    await this.reschedule();
    this.timer = setInterval(() => {
      if (this.rescheduling) return;
      this.reschedule().catch((error) => this.logger.error({ err: error }, 're-scheduling failed'));
    }, options.rescheduleEveryMs);
    this.timer.unref();
  }

  /** Schedules a job at `runAt` (clock time); an existing job with the same id is moved, never doubled. */
  async schedule<J extends JobDefinition>(
    job: J,
    data: JobDataOf<J>,
    runAt: Date,
    tenantId?: string | null,
  ): Promise<void> {
    const parsed = job.data.parse(data);
    const jobId = job.jobId(parsed);
    const delay = this.delayUntil(runAt);
    await this.add(job, parsed, jobId, runAt, delay, tenantId);
    if (!(this.clock instanceof VirtualClock)) return;
    const held = this.held(job.queue);
    if (delay >= HELD_DELAY_MS) await held.hold([{ jobId, runAt: runAt.getTime() }]);
    else await held.release([jobId]);
  }

  private async add(
    job: JobDefinition,
    parsed: unknown,
    jobId: string,
    runAt: Date,
    delay: number,
    tenantId: string | null | undefined,
  ): Promise<void> {
    const queue = this.queue(job.queue);
    const existing = await queue.getJob(jobId);
    if (existing) {
      let state = await existing.getState();
      if (state === 'delayed') {
        try {
          // Its run time on the clock travels with it (a virtual clock's move reads it); the data stays the row's ids.
          if (runAtOf(existing) !== runAt.getTime()) {
            await existing.updateData({ ...(existing.data as JobEnvelope), runAt: runAt.getTime() });
          }
          await existing.changeDelay(delay);
          return;
        } catch (error) {
          // Promoted meanwhile (its time came): judged again below by its new state.
          state = await existing.getState();
          if (state === 'delayed') throw error;
        }
      }
      if (state === 'waiting' || state === 'active' || state === 'prioritized' || state === 'waiting-children') return;
      await existing.remove().catch(() => undefined);
    }
    const envelope: JobEnvelope = {
      tenantId: tenantId ?? RequestContexts.current()?.tenantId ?? null,
      data: parsed,
      runAt: runAt.getTime(),
    };
    await queue.add(job.name, envelope, { ...JOB_OPTIONS, jobId, delay });
  }

  /**
   * BullMQ's delay for a job due at `runAt` on the clock. Real time: the time left. A virtual clock: none when the
   * clock has reached it, else held (a year, renewed by every re-scheduling pass) until a move of the clock fires it.
   */
  private delayUntil(runAt: Date): number {
    const now = this.clock.now().getTime();
    if (!(this.clock instanceof VirtualClock)) return Math.max(0, runAt.getTime() - now);
    return this.clock.known && runAt.getTime() <= now ? 0 : HELD_DELAY_MS;
  }

  /**
   * On a virtual clock, after it moved: re-schedules from the database (a quick pass), runs every job due by the clock's time (in
   * whichever instance's worker takes it) and waits until none is left (failed attempts are retried first), then
   * answers how many ran and the run time of the next held job. One call at a time.
   */
  fireDue(options: { timeoutMs?: number } = {}): Promise<DueJobs> {
    const run = async (): Promise<DueJobs> => {
      if (!(this.clock instanceof VirtualClock) || !this.clock.known) return { fired: 0, next: null };
      const before = await this.finishedEverywhere();
      await this.reschedule('quick');
      const next = await firedJobsUntil(
        this.clock,
        [...this.queueNames()].map((name) => this.queue(name)),
        {
          timeoutMs: options.timeoutMs ?? 60000,
          logger: this.logger,
        },
      );
      return { fired: (await this.finishedEverywhere()) - before, next };
    };
    const turn = this.firing.then(run, run);
    this.firing = turn.catch(() => undefined);
    return turn;
  }

  private queueNames(): Set<string> {
    return new Set(this.declared.map((d) => d.queue));
  }

  /**
   * Jobs finished by the processors of every instance of the service, counted in Redis per queue before BullMQ marks
   * them done (so a step that sees its queues empty has counted them): what a step of a virtual clock's move fired,
   * whichever instance's worker took each job.
   */
  private async finishedEverywhere(): Promise<number> {
    let total = 0;
    for (const name of this.queueNames()) total += Number((await this.counter.get(this.finishedKey(name))) ?? 0);
    return total;
  }

  private finishedKey(queueName: string): string {
    return `${this.prefix}:${queueName}:laurel-finished`;
  }

  /**
   * Schedules the job of a deadline whose row has committed. Redis is not the truth: when it cannot take the job now
   * (unreachable, or slower than 2 s), the failure is logged and the re-scheduling pass schedules it from the row, so
   * the command that committed still answers. Bad data still throws. Resolves whether it was scheduled now.
   */
  async scheduleCommitted<J extends JobDefinition>(
    job: J,
    data: JobDataOf<J>,
    runAt: Date,
    tenantId?: string | null,
  ): Promise<boolean> {
    job.jobId(job.data.parse(data));
    return this.bestEffort(this.schedule(job, data, runAt, tenantId), job, 'scheduling');
  }

  /** Cancels the job of a deadline whose row has committed; as `scheduleCommitted`, Redis failing is only logged. */
  async cancelCommitted<J extends JobDefinition>(job: J, data: JobDataOf<J>): Promise<boolean> {
    job.jobId(job.data.parse(data));
    return this.bestEffort(this.cancel(job, data), job, 'cancelling');
  }

  private async bestEffort(work: Promise<void>, job: JobDefinition, what: string): Promise<boolean> {
    try {
      await timeLimit(work, COMMITTED_WAIT_MS, `Redis did not answer within ${COMMITTED_WAIT_MS} ms`);
      return true;
    } catch (error) {
      work.catch(() => undefined);
      this.logger.warn(
        { err: error, queue: job.queue, job: job.name },
        `${what} a job failed; the row is committed, and re-scheduling from the database will catch up`,
      );
      return false;
    }
  }

  async cancel<J extends JobDefinition>(job: J, data: JobDataOf<J>): Promise<void> {
    const jobId = job.jobId(job.data.parse(data));
    const existing = await this.queue(job.queue).getJob(jobId);
    await existing?.remove().catch(() => undefined);
    if (this.clock instanceof VirtualClock) await this.held(job.queue).release([jobId]);
  }

  /**
   * Re-schedules every open deadline from the database; returns how many were (re)scheduled. A deadline or a source
   * that fails is logged and skipped: it does not keep the others from being scheduled, nor the service from starting.
   * Runs one pass at a time (a call during a pass gets that pass's result). A move of a virtual clock runs a quick one
   * (`PassKind`).
   */
  reschedule(kind: PassKind = 'full'): Promise<number> {
    this.rescheduling ??= reschedulingPass(
      this.sources,
      {
        logger: this.logger,
        virtual: this.clock instanceof VirtualClock,
        stopped: () => this.stopped,
        queue: (name) => this.queue(name),
        delayUntil: (runAt) => this.delayUntil(runAt),
        schedule: (job, data, runAt, tenantId) => this.schedule(job, data as never, runAt, tenantId),
      },
      kind,
    ).finally(() => {
      this.rescheduling = null;
    });
    return this.rescheduling;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.rescheduling?.catch(() => undefined);
    await Promise.allSettled(this.workers.map((w) => w.close()));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
  }

  private held(queueName: string): HeldIndex {
    return new HeldIndex(this.queue(queueName));
  }

  private queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (this.stopped) throw new Error('the job scheduler has stopped');
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (error) => this.logger.warn({ err: error, queue: name }, 'queue connection error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async run(queueName: string, job: Job): Promise<void> {
    const processor = this.processors.get(`${queueName}/${job.name}`);
    if (!processor) throw new Error(`no processor for ${queueName}/${job.name}`);
    const definition = this.declared.find((d) => d.queue === queueName && d.name === job.name) as JobDefinition;
    const envelope = job.data as JobEnvelope;
    const data = definition.data.parse(envelope.data);
    this.catchUp(envelope);
    try {
      await RequestContexts.run(RequestContexts.system(envelope.tenantId), () => processor(data, job));
    } finally {
      await this.counter.incr(this.finishedKey(queueName)).catch(() => undefined);
    }
  }

  /**
   * On a virtual clock a job runs only once a move of the shared clock has reached its time — but another instance's
   * move may hand it to this instance's worker before this instance has heard that step's announcement. Its clock
   * then catches up to the job's time first, so the processor does not find its deadline still ahead.
   */
  private catchUp(envelope: JobEnvelope): void {
    if (!(this.clock instanceof VirtualClock) || !this.clock.known || typeof envelope.runAt !== 'number') return;
    if (this.clock.now().getTime() < envelope.runAt) this.clock.set(new Date(envelope.runAt));
  }
}
