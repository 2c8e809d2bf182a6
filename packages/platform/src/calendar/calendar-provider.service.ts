import { WorkingDayCalendar } from '@laurel/calendar';
import { calendarYearLoaded, type MovedDeadline } from '@laurel/contracts';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import type { SubjectNamespace } from '../nats/subject-namespace';

/** Reads the loaded official schedules (from the gateway over NATS, or the gateway's own database). */
export type ScheduleLoader = () => Promise<unknown[]>;

/** Recomputes a service's stored deadlines on a new calendar; returns those that moved. */
export type DeadlineRecomputer = (calendar: WorkingDayCalendar) => Promise<MovedDeadline[]>;

const RELOAD_EVERY_MS = 5 * 60 * 1000;

/** Until the first load succeeds (the gateway starts after the services): retried after 1 s, doubling up to 30 s. */
export interface CalendarRetry {
  firstMs: number;
  maxMs: number;
}
const DEFAULT_RETRY: CalendarRetry = { firstMs: 1000, maxMs: 30000 };

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The official working-day calendar as this service instance sees it: the built-in years plus every year
 * the operator loaded. Loaded at start, reloaded the moment a year is loaded (every instance hears the
 * event on plain NATS) and every five minutes as a backstop; never needs a restart or a release.
 */
export class CalendarProvider {
  private current: WorkingDayCalendar = WorkingDayCalendar.builtIn();
  private readonly recomputers: DeadlineRecomputer[] = [];
  private subscription: Subscription | null = null;
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private loader: ScheduleLoader,
    private readonly nats: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
    private readonly retry: CalendarRetry = DEFAULT_RETRY,
  ) {}

  /** The calendar to compute with now. */
  get calendar(): WorkingDayCalendar {
    return this.current;
  }

  /** The gateway reads its own database instead of asking itself over NATS. */
  useLoader(loader: ScheduleLoader): void {
    this.loader = loader;
  }

  addRecomputer(recomputer: DeadlineRecomputer): void {
    this.recomputers.push(recomputer);
  }

  /** Builds the calendar from these schedules, makes it current, and recomputes the stored deadlines. */
  async apply(schedules: readonly unknown[]): Promise<MovedDeadline[]> {
    this.current = WorkingDayCalendar.fromSchedules(schedules);
    const moved: MovedDeadline[] = [];
    for (const recompute of this.recomputers) moved.push(...(await recompute(this.current)));
    if (moved.length > 0) this.logger.info({ moved: moved.length, calendar: this.current.id }, 'deadlines moved');
    return moved;
  }

  /**
   * Reloads the calendar; on failure keeps the one in use and says so (at `level`: the retries after a failed first
   * load are only debug). Resolves whether it loaded.
   */
  async reload(level: 'warn' | 'debug' = 'warn'): Promise<boolean> {
    try {
      this.current = WorkingDayCalendar.fromSchedules(await this.loader());
      return true;
    } catch (error) {
      this.logger[level]({ reason: reasonOf(error) }, 'could not load the official calendar; keeping the one in use');
      return false;
    }
  }

  /**
   * Loads the calendar, recomputes what a load missed while this service was down, and listens for loads. When the
   * first load fails (the gateway is not up yet), the built-in calendar serves meanwhile and the load is retried
   * until it succeeds, recomputing the stored deadlines then.
   */
  async start(): Promise<void> {
    this.stopped = false;
    if (!(await this.reload())) this.retryLoad(this.retry.firstMs);
    await this.recomputeAll();
    this.subscription = this.nats.subscribe(this.namespace.eventWire(calendarYearLoaded.subject), {
      callback: () => void this.reload(),
    });
    this.timer = setInterval(() => void this.reload(), RELOAD_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private retryLoad(delayMs: number): void {
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      if (this.stopped) return;
      if (!(await this.reload('debug'))) {
        this.retryLoad(Math.min(delayMs * 2, this.retry.maxMs));
        return;
      }
      this.logger.info({ calendar: this.current.id }, 'official calendar loaded');
      await this.recomputeAll();
    }, delayMs);
    this.retryTimer.unref();
  }

  private async recomputeAll(): Promise<void> {
    for (const recompute of this.recomputers) {
      await recompute(this.current).catch((error: unknown) =>
        this.logger.error({ err: error }, 'recomputing deadlines on the loaded calendar failed'),
      );
    }
  }
}
