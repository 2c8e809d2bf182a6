import { Clock } from './clock';

/**
 * A rehearsal platform's clock (`LAUREL_CLOCK=virtual`): frozen between moves, it reads the one shared virtual time
 * the gateway stores and the operator moves forward. Until this instance has learnt that time (from the gateway at
 * start, or a step of a move) it is not `known`: it answers its provisional start and holds every job.
 */
export class VirtualClock extends Clock {
  private current: number;
  private learnt = false;

  constructor(provisional: Date) {
    super();
    this.current = provisional.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Whether the shared time has been learnt (jobs only fire on a known clock). */
  get known(): boolean {
    return this.learnt;
  }

  /**
   * Sets the shared time. Forward only once known: an earlier time (a late broadcast of a step already applied) is
   * ignored. Resolves whether the clock now reads `to`.
   */
  set(to: Date): boolean {
    const time = to.getTime();
    if (Number.isNaN(time)) throw new Error('invalid virtual time');
    if (this.learnt && time < this.current) return false;
    this.current = time;
    this.learnt = true;
    return true;
  }
}
