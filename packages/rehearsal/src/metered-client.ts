import { type Answer, GatewayClient } from './gateway-client';

/** What a stage of many cycles asked of the gateway: writes and reads, failures, and its real time. */
export interface StageMeter {
  stage: string;
  commands: number;
  reads: number;
  /** Answers of 5xx or a refused connection. */
  errors: number;
  /** Sign-ins and accounts created: each an argon2id hash (OWASP's cost), the dearest requests there are. */
  logins: number;
  accounts: number;
  /** Real milliseconds the requests took, queueing for a slot in flight left out (their mean is the latency). */
  requestMs: number;
  /** Real milliseconds from the first cycle entering the stage to the last leaving it. */
  firstAt: number;
  lastAt: number;
  cycles: number;
}

/** The meters of a run, by stage, and a bound on the requests in flight across every cycle. */
export class Meters {
  readonly stages = new Map<string, StageMeter>();
  private inFlight = 0;
  private readonly queue: (() => void)[] = [];

  constructor(readonly maxInFlight: number) {}

  stage(name: string): StageMeter {
    let meter = this.stages.get(name);
    if (!meter) {
      meter = {
        stage: name,
        commands: 0,
        reads: 0,
        errors: 0,
        logins: 0,
        accounts: 0,
        requestMs: 0,
        firstAt: performance.now(),
        lastAt: performance.now(),
        cycles: 0,
      };
      this.stages.set(name, meter);
    }
    return meter;
  }

  async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.inFlight += 1;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.inFlight -= 1;
    }
  }
}

/** One cycle's client: each request counted under the stage the cycle is in, within the run's bound in flight. */
export class MeteredClient extends GatewayClient {
  private meter: StageMeter;

  constructor(
    url: string,
    private readonly meters: Meters,
  ) {
    super(url);
    this.meter = meters.stage('set-up');
  }

  /** The cycle enters a stage. */
  enter(stage: string): void {
    this.meter = this.meters.stage(stage);
    this.meter.cycles += 1;
  }

  /** The cycle leaves its stage. */
  leave(): void {
    this.meter.lastAt = Math.max(this.meter.lastAt, performance.now());
  }

  override async call(
    method: string,
    route: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<Answer> {
    const meter = this.meter;
    if (method === 'GET') meter.reads += 1;
    else meter.commands += 1;
    if (route === '/auth/login') meter.logins += 1;
    else if (method === 'POST' && route.endsWith('/users')) meter.accounts += 1;
    let answer: Answer;
    try {
      answer = await this.meters.slot(async () => {
        const sent = performance.now();
        try {
          return await super.call(method, route, options);
        } finally {
          meter.requestMs += performance.now() - sent;
        }
      });
    } catch (error) {
      meter.errors += 1;
      throw error;
    }
    if (answer.status >= 500) meter.errors += 1;
    return answer;
  }
}
