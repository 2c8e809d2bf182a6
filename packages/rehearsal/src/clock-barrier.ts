import type { GatewayClient, Json } from './gateway-client';
import { RehearsalClock } from './rehearsal-clock';

/** One move of the platform's clock by the barrier: how many cycles asked, the deadlines fired, how long it took. */
export interface ClockMove {
  from: string;
  to: string;
  /** Cycles released by it. */
  released: number;
  /** Deadline jobs fired on the way, over every step. */
  fired: number;
  /** Real milliseconds of the move (the gateway answers once every due deadline has fired). */
  ms: number;
  /** The largest real time between the clock reaching a step and that step's last deadline firing. */
  maxLagMs: number;
  /** The step that fired the most: its instant, its jobs, and the real time they took. */
  busiest: { at: string; fired: number; ms: number } | null;
}

interface Waiter {
  to: number;
  resolve: (now: Date) => void;
  reject: (error: unknown) => void;
}

/**
 * One clock for many cycles run side by side on one platform: a cycle that asks to move the clock waits until every
 * cycle still running has asked too, then the clock moves once, to the earliest time asked, and the cycles whose time
 * has come go on. Cycles of the same policy so keep in step, and their notices close at the same midnight, as in life.
 */
export class ClockBarrier {
  readonly moves: ClockMove[] = [];
  private running = 0;
  private waiting: Waiter[] = [];
  private moving = false;
  private current = new Date(0);

  constructor(
    private readonly client: GatewayClient,
    private readonly operatorToken: () => string,
  ) {}

  get now(): Date {
    return this.current;
  }

  async read(): Promise<Date> {
    const body = await this.client.expect(200, 'GET', '/clock', { token: this.operatorToken() });
    this.current = new Date(body.now as string);
    return this.current;
  }

  /** A cycle joins (before its first step) ... */
  join(): void {
    this.running += 1;
  }

  /** ... and leaves, finished or failed: the others no longer wait for it. */
  leave(): void {
    this.running -= 1;
    this.moveIfAllWait();
  }

  /** Resolves with the clock's time once it has reached `to`. */
  request(to: Date): Promise<Date> {
    if (to.getTime() <= this.current.getTime()) return Promise.resolve(this.current);
    return new Promise((resolve, reject) => {
      this.waiting.push({ to: to.getTime(), resolve, reject });
      this.moveIfAllWait();
    });
  }

  private moveIfAllWait(): void {
    if (this.moving || this.waiting.length === 0 || this.waiting.length < this.running) return;
    this.moving = true;
    const target = Math.min(...this.waiting.map((w) => w.to));
    this.move(new Date(target)).then(
      (now) => {
        const released = this.waiting.filter((w) => w.to <= now.getTime());
        this.waiting = this.waiting.filter((w) => w.to > now.getTime());
        this.moving = false;
        for (const waiter of released) waiter.resolve(now);
        this.moveIfAllWait();
      },
      (error: unknown) => {
        const failed = this.waiting;
        this.waiting = [];
        this.moving = false;
        for (const waiter of failed) waiter.reject(error);
      },
    );
  }

  private async move(to: Date): Promise<Date> {
    const started = performance.now();
    const released = this.waiting.filter((w) => w.to <= to.getTime()).length;
    const body = await this.client.expect(200, 'POST', '/operations/clock', {
      token: this.operatorToken(),
      body: { to: to.toISOString() },
    });
    const steps = body.steps as Json[];
    this.moves.push({
      from: this.current.toISOString(),
      to: body.now as string,
      released,
      fired: steps.reduce((sum, step) => sum + (step.fired as number), 0),
      ms: Math.round(performance.now() - started),
      maxLagMs: Math.max(0, ...steps.map((step) => step.firedWithinMs as number)),
      busiest: busiestStep(steps),
    });
    this.current = new Date(body.now as string);
    return this.current;
  }
}

function busiestStep(steps: readonly Json[]): ClockMove['busiest'] {
  const top = [...steps].sort((a, b) => (b.fired as number) - (a.fired as number))[0];
  return top && (top.fired as number) > 0
    ? { at: top.at as string, fired: top.fired as number, ms: top.firedWithinMs as number }
    : null;
}

/** A cycle's view of the shared clock: a move waits for the barrier. */
export class BarrierClock extends RehearsalClock {
  constructor(
    client: GatewayClient,
    operatorToken: () => string,
    private readonly barrier: ClockBarrier,
  ) {
    super(client, operatorToken);
    this.current = barrier.now;
  }

  override async read(): Promise<Date> {
    this.current = this.barrier.now;
    return this.current;
  }

  override async moveTo(to: Date): Promise<void> {
    this.current = await this.barrier.request(to);
  }
}
