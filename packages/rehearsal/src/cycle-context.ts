import type { Policy } from '@laurel/policy';
import type { GatewayClient, Json } from './gateway-client';
import type { RehearsalClock } from './rehearsal-clock';
import { basisOf, type RehearsalStep } from './rehearsal-step';

/** A generated applicant of the rehearsal and what the cycle did with it. */
export interface RehearsalApplicant {
  n: number;
  name: string;
  kind: 'organisation' | 'individual';
  applicantId: string;
  applicationId: string;
  /** The tier the deliberation or vote gave it (null: not a candidate). */
  tier: string | null;
  titleId: string | null;
  /** The applicant's own account (an `applicant` user, the owner of its record). */
  accountToken: string;
  /** Stopped by a review stage (not on the candidate list). */
  stopped?: boolean;
}

/** What one rehearsed cycle shares between its phases: the API, the clock, the accounts, the generated people. */
export class CycleContext {
  readonly steps: RehearsalStep[] = [];
  readonly tokens: Record<string, string> = {};
  readonly userIds: Record<string, string> = {};
  applicants: RehearsalApplicant[] = [];
  recommenderId = '';
  cycleNumber = 1;
  cycleYear = 0;
  cycleOpensOn = '';
  /** The platform operator's token (accounts are the operator's to create). */
  operatorToken = '';
  /** The experts of the rehearsal's pool, with their tokens. */
  experts: { id: string; token: string }[] = [];
  /** The cycle's deliberation is recorded. */
  deliberated = false;
  /** The keys of the stages the platform scores with sheets (asked once). */
  scoredStages: Set<string> | null = null;
  /**
   * The applications the composite assessment recommends where nothing is scored (ili 第十六条): the vote's slate is
   * taken from it. null: no such composite.
   */
  compositeList: string[] | null = null;
  /** The candidate list is published. */
  listPublished = false;

  constructor(
    readonly client: GatewayClient,
    readonly clock: RehearsalClock,
    readonly policy: Policy,
    /** Called with each step as it is recorded (the CLI prints it). */
    private readonly onStep: (step: RehearsalStep) => void,
  ) {}

  get key(): string {
    return this.policy.key;
  }

  /** `/tenants/<key>` + path. */
  api(path = ''): string {
    return `/tenants/${this.key}${path}`;
  }

  token(role: string): string {
    const token = this.tokens[role];
    if (!token) throw new Error(`no ${role} account in this rehearsal`);
    return token;
  }

  /** Records a step at the clock's time with the article of `answer` (or the one given). */
  record(step: string, result: string, answer?: Json, detail: Json = {}, basis?: string | null): RehearsalStep {
    const recorded: RehearsalStep = {
      at: this.clock.now.toISOString(),
      step,
      basis: basis === undefined ? basisOf(answer) : basis,
      result,
      detail,
    };
    this.steps.push(recorded);
    this.onStep(recorded);
    return recorded;
  }

  /** The steps recorded under `name` (a test looks at them). */
  stepsNamed(name: string): RehearsalStep[] {
    return this.steps.filter((s) => s.step === name);
  }
}

export type Phase = (context: CycleContext) => Promise<void>;
