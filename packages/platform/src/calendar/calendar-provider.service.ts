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

  constructor(
    private loader: ScheduleLoader,
    private readonly nats: NatsConnection,
    private readonly namespace: SubjectNamespace,
    private readonly logger: Logger,
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

  async reload(): Promise<void> {
    try {
      this.current = WorkingDayCalendar.fromSchedules(await this.loader());
    } catch (error) {
      this.logger.warn({ err: error }, 'could not load the official calendar; keeping the one in use');
    }
  }

  /** Loads the calendar, recomputes what a load missed while this service was down, and listens for loads. */
  async start(): Promise<void> {
    await this.reload();
    for (const recompute of this.recomputers) {
      await recompute(this.current).catch((error: unknown) =>
        this.logger.error({ err: error }, 'recomputing deadlines at start failed'),
      );
    }
    this.subscription = this.nats.subscribe(this.namespace.eventWire(calendarYearLoaded.subject), {
      callback: () => void this.reload(),
    });
    this.timer = setInterval(() => void this.reload(), RELOAD_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    this.subscription?.unsubscribe();
    if (this.timer) clearInterval(this.timer);
  }
}
