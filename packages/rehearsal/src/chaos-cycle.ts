import { type LaunchPolicyKey, launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import { CycleContext } from './cycle-context';
import { rehearsedTiers } from './cycle-driver';
import type { GatewayClient } from './gateway-client';
import { intake } from './intake.phase';
import { appropriate } from './money.phase';
import type { RehearsalClock } from './rehearsal-clock';
import { selection } from './selection.phase';
import { setUp } from './setup.phase';

/**
 * The jurisdiction whose later cycle the chaos writes to: its policy states a prize (a grant of 1,000,000 yuan,
 * 第十八条) and plans duties for each title (the annual report, 第二十七条), so its approval has titles, certificates,
 * duties and entitlements to pay.
 */
export const LATER_CYCLE_KEY: LaunchPolicyKey = 'inner-mongolia';

/** How many applicants the later cycle runs through to the approval (the policy's quota gives each a title). */
const APPLICANTS = 3;

/**
 * A cycle of `LATER_CYCLE_KEY` rehearsed up to its approval before the chaos starts (nothing is killed yet): the
 * jurisdiction and its staff, intake to acceptance, the award budget appropriated, the review stages, the deliberation
 * and the proposed winners' notice waited out. The approval itself, and what follows it, the chaos traffic writes.
 */
export async function rehearseToApproval(
  client: GatewayClient,
  clock: RehearsalClock,
  operatorToken: string,
): Promise<CycleContext> {
  const context = await acceptedCycle(client, clock, operatorToken, LATER_CYCLE_KEY, APPLICANTS);
  await appropriate(context);
  await selection(context, rehearsedTiers(context.policy, APPLICANTS));
  return context;
}

/**
 * A launch jurisdiction's cycle rehearsed before the chaos up to its acceptance list: the jurisdiction and its staff
 * set up, `applicants` applications taken in and accepted.
 */
export async function acceptedCycle(
  client: GatewayClient,
  clock: RehearsalClock,
  operatorToken: string,
  key: LaunchPolicyKey,
  applicants: number,
): Promise<CycleContext> {
  const context = new CycleContext(client, clock, loadLaunchPolicy(key), () => undefined);
  context.operatorToken = operatorToken;
  await setUp(context, launchDivisionCodes[key], operatorToken);
  await intake(context, applicants);
  return context;
}

/** The tenant id of a rehearsed jurisdiction (recorded when it was created from its policy). */
export function tenantIdOf(context: CycleContext): string {
  return context.stepsNamed('jurisdiction created from its policy')[0]?.detail.tenantId as string;
}
