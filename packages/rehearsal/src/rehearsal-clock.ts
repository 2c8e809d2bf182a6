import type { GatewayClient } from './gateway-client';

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;

/** The platform's rehearsal clock as the operator reads and moves it (`/clock`, `/operations/clock`; ADR 0017). */
export class RehearsalClock {
  protected current = new Date(0);

  constructor(
    private readonly client: GatewayClient,
    private readonly operatorToken: () => string,
  ) {}

  async read(): Promise<Date> {
    const body = await this.client.expect(200, 'GET', '/clock', { token: this.operatorToken() });
    this.current = new Date(body.now as string);
    return this.current;
  }

  /** The time last read or moved to. */
  get now(): Date {
    return this.current;
  }

  /** Today's date in Beijing (YYYY-MM-DD). */
  get today(): string {
    return beijingDate(this.current);
  }

  /** Moves the clock forward to `to`; every deadline due on the way fires at its own time. */
  async moveTo(to: Date): Promise<void> {
    if (to.getTime() <= this.current.getTime()) return;
    const body = await this.client.expect(200, 'POST', '/operations/clock', {
      token: this.operatorToken(),
      body: { to: to.toISOString() },
    });
    this.current = new Date(body.now as string);
  }

  /** Moves to 10:00 in Beijing on the day `days` calendar days after today. */
  async moveDays(days: number): Promise<void> {
    await this.moveTo(beijingMorning(addDays(this.today, days)));
  }
}

export const beijingDate = (instant: Date): string => new Date(instant.getTime() + BEIJING).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);

/** 10:00 in Beijing on a date. */
export const beijingMorning = (date: string): Date => new Date(`${date}T02:00:00Z`);
