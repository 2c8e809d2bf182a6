import { clockApplyContract, DomainError } from '@laurel/contracts';
import {
  AuditTrail,
  type Clock,
  Database,
  PLATFORM_TENANT_ID,
  PlatformRuntime,
  type RequestContext,
  RequestContexts,
  WALL_CLOCK,
} from '@laurel/platform';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GATEWAY_SERVICES } from '../gateway.tokens';
import type { GatewayTx, PrismaClient } from '../gateway-prisma';
import { type MoveClockBody, targetOfMove } from './clock.schema';
import { VirtualClockRepository } from './virtual-clock.repository';

interface StepAnswer {
  service: string;
  now: string | null;
  fired: number;
  next: string | null;
  error?: string;
}

/** A move that finds this many due instants on its way stops there, so that a runaway deadline cannot hold it. */
const MAX_STEPS = 10000;
/** A step waits for each service to fire what is due (up to a minute of jobs) and answer. */
const STEP_TIMEOUT_MS = 90000;

const notRehearsal = () =>
  DomainError.conflict({
    zh: '本平台不是演练平台（LAUREL_CLOCK 未设为 virtual），时间不能拨动',
    en: 'This platform is not a rehearsal platform (LAUREL_CLOCK is not virtual): its time cannot be moved',
  });

/**
 * The rehearsal platform's one clock (ADR 0017): stored here, moved forward by the operator one due deadline at a
 * time, so that what falls due during a move fires in its order, at its own time, in every service.
 */
@Injectable()
export class ClockService implements OnModuleInit {
  /** The move under way in this gateway: moves run one after the other. */
  private moving: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly stored: VirtualClockRepository,
    private readonly audit: AuditTrail,
    @Inject(PlatformRuntime) private readonly runtime: PlatformRuntime,
    @Inject(GATEWAY_SERVICES) private readonly services: readonly string[],
    @Inject(WALL_CLOCK) private readonly wallClock: Clock,
  ) {}

  onModuleInit(): void {
    // The gateway keeps the rehearsal's time: read from (or, the first time, created in) its own database.
    this.runtime.clockFollower?.useStore(async () => ({ mode: 'virtual', now: (await this.row()).now.toISOString() }));
  }

  get rehearsal(): boolean {
    return this.runtime.clockFollower !== null;
  }

  /** What anyone may read (the web app's header): the mode and the platform's time. */
  view() {
    return {
      mode: this.rehearsal ? 'virtual' : 'real',
      now: this.runtime.clock.now().toISOString(),
      rehearsal: this.rehearsal,
    };
  }

  /** The operator's view; a real-time platform never reads the stored rehearsal time. */
  async operatorView(language: 'zh' | 'en') {
    if (!this.rehearsal) {
      return {
        ...this.view(),
        startedAt: null,
        movedBy: null,
        movedAt: null,
        detail:
          language === 'zh'
            ? '本平台使用真实时间，不是演练平台'
            : 'This platform keeps real time: it is not a rehearsal platform',
      };
    }
    const row = await this.row();
    return {
      mode: 'virtual',
      now: row.now.toISOString(),
      rehearsal: true,
      startedAt: row.startedAt.toISOString(),
      movedBy: row.movedBy,
      movedAt: row.movedAt?.toISOString() ?? null,
      detail:
        language === 'zh'
          ? '演练平台：全平台共用一个虚拟时钟，只能由运维人员向前拨动'
          : 'A rehearsal platform: one virtual clock for the whole platform, moved forward only by the operator',
    };
  }

  /** Moves the clock forward; answers once every service has applied it and every deadline due by then has fired. */
  move(context: RequestContext, body: MoveClockBody) {
    const follower = this.runtime.clockFollower;
    if (!follower) throw notRehearsal();
    const run = () => this.moveExclusively(context, body);
    const turn = this.moving.then(run, run);
    this.moving = turn.catch(() => undefined);
    return turn;
  }

  private async moveExclusively(context: RequestContext, body: MoveClockBody) {
    const previous = (await this.row()).now;
    const target = targetOfMove(body, previous);
    if (target < previous) {
      const field = body.to === undefined ? 'body.advance' : 'body.to';
      throw new DomainError({
        code: 'conflict',
        detail: {
          zh: `时钟只能向前拨动：平台时间已是 ${previous.toISOString()}`,
          en: `The clock only moves forward: the platform's time is already ${previous.toISOString()}`,
        },
        fields: [{ field, reason: { zh: '早于平台当前时间', en: 'is earlier than the platform’s time' } }],
        extensions: { now: previous.toISOString(), asked: target.toISOString() },
      });
    }
    const by = context.actor?.userId ?? 'unknown';
    const outcomes = new Map<string, { fired: number; now: string | null; error?: string }>();
    const steps: { at: string; fired: number; firedWithinMs: number }[] = [];
    // Every service on the current time first: one that was down catches up, and each tells its next deadline.
    let answers = await this.applyEverywhere(previous, outcomes);
    let at = previous;
    while (steps.length < MAX_STEPS) {
      const due = answers
        .map((answer) => (answer.next ? new Date(answer.next) : null))
        .filter((next): next is Date => next !== null && next > at && next <= target)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      const step = due ?? target;
      if (step.getTime() === at.getTime()) break;
      const moved = await this.system((tx) => this.stored.advance(tx, at, step, by, this.wallClock.now()));
      if (!moved) {
        throw DomainError.conflict({
          zh: '另一次拨动时钟正在进行，请稍后再试',
          en: 'Another move of the clock is under way; try again when it has finished',
        });
      }
      at = step;
      // Real time from the clock reaching the step to the last of its deadlines fired: the latest firing's lag.
      const reached = performance.now();
      answers = await this.applyEverywhere(step, outcomes);
      steps.push({
        at: step.toISOString(),
        fired: answers.reduce((sum, answer) => sum + answer.fired, 0),
        firedWithinMs: Math.round(performance.now() - reached),
      });
    }
    await RequestContexts.run({ ...context, tenantId: PLATFORM_TENANT_ID }, () =>
      this.database.asSystem((tx) =>
        this.audit.record(tx, {
          action: 'clock.move',
          targetType: 'virtual_clock',
          targetId: 'platform',
          before: { now: previous.toISOString() },
          after: { now: at.toISOString(), steps: steps.length, fired: steps.reduce((sum, s) => sum + s.fired, 0) },
        }),
      ),
    );
    return {
      mode: 'virtual' as const,
      previous: previous.toISOString(),
      now: at.toISOString(),
      steps,
      services: this.services.map((service) => {
        const outcome = outcomes.get(service) ?? { fired: 0, now: null };
        return { service, status: outcome.error ? 'unreachable' : 'applied', ...outcome };
      }),
    };
  }

  /**
   * One step: the gateway's own clock, the announcement every instance hears, then each service in turn applies it and
   * fires what is due by then (in parallel: what falls due at one instant has no order between services).
   */
  private async applyEverywhere(
    now: Date,
    outcomes: Map<string, { fired: number; now: string | null; error?: string }>,
  ): Promise<StepAnswer[]> {
    const follower = this.runtime.clockFollower;
    if (!follower) throw notRehearsal();
    const own = await follower.apply(now);
    follower.announce(now);
    const answers: StepAnswer[] = [
      { service: 'gateway', now: own.now.toISOString(), fired: own.fired, next: own.next?.toISOString() ?? null },
      ...(await Promise.all(this.services.map((service) => this.applyIn(service, now)))),
    ];
    for (const answer of answers.slice(1)) {
      const before = outcomes.get(answer.service);
      outcomes.set(answer.service, {
        fired: (before?.fired ?? 0) + answer.fired,
        now: answer.now,
        ...((answer.error ?? before?.error) ? { error: answer.error ?? before?.error } : {}),
      });
    }
    return answers;
  }

  private async applyIn(service: string, now: Date): Promise<StepAnswer> {
    try {
      const answer = await this.runtime.client.request(
        clockApplyContract(service),
        { now: now.toISOString() },
        { context: RequestContexts.system(), timeoutMs: STEP_TIMEOUT_MS },
      );
      return { service, ...answer };
    } catch (error) {
      // It reads the time from the gateway when it starts again; its deadlines then fire at that time.
      return {
        service,
        now: null,
        fired: 0,
        next: null,
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }

  private row() {
    return this.system((tx) =>
      this.stored.findOrCreate(tx, this.runtime.config.LAUREL_CLOCK_START ?? this.wallClock.now()),
    );
  }

  private system<T>(fn: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.database.acrossTenants(fn);
  }
}
