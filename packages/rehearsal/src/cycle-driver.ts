import type { Policy } from '@laurel/policy';
import { approval } from './approval.phase';
import { CycleContext } from './cycle-context';
import type { GatewayClient } from './gateway-client';
import { intake } from './intake.phase';
import { appropriate, payEntitlements } from './money.phase';
import { RehearsalClock } from './rehearsal-clock';
import type { RehearsalStep } from './rehearsal-step';
import { nextCycleRefusal, revocation } from './revocation.phase';
import { selection } from './selection.phase';
import { setUp } from './setup.phase';
import { useOfMoney } from './use-of-money.phase';

export interface CycleOptions {
  client: GatewayClient;
  operator: { username: string; password: string };
  policy: Policy;
  /** The jurisdiction's administrative division (GB/T 2260). */
  divisionCode: string;
  /** How many applicants to generate (default 3). */
  applicants?: number;
  onStep?: (step: RehearsalStep) => void;
  /** A successor regulation's policy, loaded as a new version if the next cycle is refused because this one expired. */
  successor?: Policy;
}

/**
 * The tiers the rehearsal's deliberation gives the generated applicants, in order: the policy's first tier to all but
 * the last, its second tier (where it has one) to the last, never beyond a tier's quota.
 */
export function rehearsedTiers(policy: Policy, count: number): (string | null)[] {
  const used: Record<string, number> = {};
  return Array.from({ length: count }, (_, i) => {
    const tier = (i === count - 1 && policy.tiers[1]) || policy.tiers[0];
    if (!tier) return null;
    const max = tier.quota?.max ?? null;
    if (max !== null && (used[tier.key] ?? 0) >= max) return null;
    used[tier.key] = (used[tier.key] ?? 0) + 1;
    return tier.key;
  });
}

/** The stages of a whole cycle, by name, in order (a run of many cycles times each). */
export function cyclePhases(
  options: Pick<CycleOptions, 'divisionCode' | 'applicants' | 'policy' | 'successor'>,
): [string, (context: CycleContext) => Promise<void>][] {
  const count = options.applicants ?? 3;
  return [
    ['jurisdiction, staff and cycle', (c) => setUp(c, options.divisionCode, c.operatorToken)],
    ['intake to acceptance', (c) => intake(c, count)],
    ['appropriation', appropriate],
    ['reviews to candidate list and notices', (c) => selection(c, rehearsedTiers(options.policy, count))],
    ['approval, titles and certificates', approval],
    ['entitlements and instalments', payEntitlements],
    ['use of the money', useOfMoney],
    [
      'revocation, clawback, ban and the next cycle',
      async (c) => {
        const banned = await revocation(c);
        if (banned) await nextCycleRefusal(c, banned, options.successor);
      },
    ],
  ];
}

/**
 * One whole cycle of a jurisdiction through the gateway's HTTP API on the rehearsal clock, the steps chosen from its
 * policy: the jurisdiction and its staff, intake to acceptance along the applications' plan, the review stages in the
 * policy's order, the deliberation and candidate list, the notices, the approval, titles, certificates and duties,
 * the prize money in instalments, a revocation with its consequences, clawback and ban, and the banned applicant
 * refused in the next cycle. Answers every step with the article the platform applied.
 */
export async function rehearseCycle(options: CycleOptions): Promise<CycleContext> {
  const { client, operator, policy } = options;
  let operatorToken = await client.login(operator.username, operator.password);
  const clock = new RehearsalClock(client, () => operatorToken);
  await clock.read();
  const context = new CycleContext(client, clock, policy, options.onStep ?? (() => undefined));
  // Access tokens keep real time (ADR 0017) and outlive a rehearsal; a fresh one for the operator all the same.
  operatorToken = await client.login(operator.username, operator.password);
  context.operatorToken = operatorToken;
  for (const [, phase] of cyclePhases(options)) await phase(context);
  return context;
}
