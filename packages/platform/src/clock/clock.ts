/** The time source every service uses, so tests move time instead of sleeping. */
export abstract class Clock {
  abstract now(): Date;
}

/** The machine's time. The only place in production code that reads it (see `wall-time.spec.ts`). */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * Injection token of the wall clock: the machine's time even on a rehearsal platform, for what must follow real time
 * whatever the platform's clock says (access and refresh tokens, the health page). Without a virtual clock it is the
 * platform's clock (so a test clock moves tokens too).
 */
export const WALL_CLOCK = Symbol('WALL_CLOCK');
