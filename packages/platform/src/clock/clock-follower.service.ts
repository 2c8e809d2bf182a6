import { CLOCK_BROADCAST_SUBJECT, type ClockMode } from '@laurel/contracts';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { DueJobs } from '../jobs/due-jobs.util';
import type { JobScheduler } from '../jobs/job-scheduler.service';
import type { SubjectNamespace } from '../nats/subject-namespace';
import type { VirtualClock } from './virtual-clock';

/** Reads the shared virtual time: from the gateway over NATS, or (the gateway itself) from its database. */
export type ClockLoader = () => Promise<{ mode: ClockMode; now: string }>;

/** Until the first read succeeds (the gateway starts after the services): retried after 1 s, doubling up to 30 s. */
export interface ClockRetry {
  firstMs: number;
  maxMs: number;
}
const DEFAULT_RETRY: ClockRetry = { firstMs: 1000, maxMs: 30000 };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Keeps one instance's virtual clock on the platform's shared time: read at start (retried until the gateway
 * answers; meanwhile every job is held), set by each step of the operator's move (`apply`, which also fires what is
 * due), and by the gateway's announcement of each step on plain NATS, so every instance follows.
 */
export class ClockFollower {
  private subscription: Subscription | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private owner = false;
  /** Whether this instance has fired what fell due before it learnt the time (at start, the jobs' start does). */
  private caughtUp = false;

  constructor(
    readonly clock: VirtualClock,
    private loader: ClockLoader,
    private readonly nats: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly jobs: JobScheduler,
    private readonly logger: Logger,
    private readonly retry: ClockRetry = DEFAULT_RETRY,
  ) {}

  /** The gateway keeps the stored time: it reads its own database, and announces the time when it starts. */
  useStore(loader: ClockLoader): void {
    this.loader = loader;
    this.owner = true;
  }

  /** Tells every instance of every service the time (one step of a move, or the stored time at the gateway's start). */
  announce(now: Date): void {
    this.nats.publish(this.namespace.wire(CLOCK_BROADCAST_SUBJECT), JSON.stringify({ now: now.toISOString() }));
  }

  /** One step of a move: the clock reads `now`, every job due by then runs, and the next held job's time is answered. */
  async apply(now: Date): Promise<DueJobs & { now: Date }> {
    if (!this.clock.set(now)) {
      this.logger.warn({ asked: now.toISOString(), now: this.clock.now().toISOString() }, 'virtual clock kept: later');
    }
    const due = await this.jobs.fireDue();
    return { now: this.clock.now(), ...due };
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.subscription = this.nats.subscribe(this.namespace.wire(CLOCK_BROADCAST_SUBJECT), {
      callback: (error, message) => {
        if (error) return;
        try {
          const { now } = message.json<{ now: string }>();
          const learnt = !this.clock.known;
          this.clock.set(new Date(now));
          if (learnt) this.learnt();
        } catch (cause) {
          this.logger.warn({ reason: reasonOf(cause) }, 'ignored a malformed clock announcement');
        }
      },
    });
    if (await this.load('warn')) {
      this.caughtUp = true;
      if (this.owner) this.announce(this.clock.now());
    } else if (!this.clock.known) {
      this.retryLoad(this.retry.firstMs);
    }
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async load(level: 'warn' | 'debug'): Promise<boolean> {
    try {
      const answer = await this.loader();
      if (answer.mode !== 'virtual') {
        throw new Error('the gateway keeps real time: set LAUREL_CLOCK=virtual on every app of a rehearsal platform');
      }
      this.clock.set(new Date(answer.now));
      this.logger.info({ now: this.clock.now().toISOString() }, 'virtual clock: the rehearsal time');
      return true;
    } catch (error) {
      this.logger[level](
        { reason: reasonOf(error) },
        'could not read the virtual time yet; every job is held meanwhile',
      );
      return false;
    }
  }

  private retryLoad(delayMs: number): void {
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      if (this.stopped || this.clock.known) return;
      if (await this.load(delayMs >= this.retry.maxMs ? 'warn' : 'debug')) this.learnt();
      else if (!this.stopped && !this.clock.known) this.retryLoad(Math.min(delayMs * 2, this.retry.maxMs));
    }, delayMs);
    this.retryTimer.unref();
  }

  /**
   * The shared time, learnt after the start (read late, or heard from the gateway's announcement): no more reading, and
   * what fell due meanwhile runs now, at that time — once, so that it does not overlap a later step of a move.
   */
  private learnt(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.caughtUp || this.stopped) return;
    this.caughtUp = true;
    this.apply(this.clock.now()).catch((error: unknown) =>
      this.logger.error({ err: error }, 'firing the jobs due on the virtual clock failed'),
    );
  }
}
