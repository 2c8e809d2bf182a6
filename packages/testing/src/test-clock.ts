import { Clock } from '@laurel/platform';

/** A clock tests set and advance; listeners (e.g. the deadline re-scheduler) hear every move. */
export class TestClock extends Clock {
  private current: number;
  private readonly listeners = new Set<(now: Date) => Promise<void> | void>();

  constructor(start: Date | string = '2026-01-05T01:00:00Z') {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  async set(to: Date | string): Promise<void> {
    this.current = new Date(to).getTime();
    for (const listener of this.listeners) await listener(this.now());
  }

  async advance(ms: number): Promise<void> {
    await this.set(new Date(this.current + ms));
  }

  onMove(listener: (now: Date) => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
