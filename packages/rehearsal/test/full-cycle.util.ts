import { type LaunchPolicyKey, launchDivisionCodes, loadLaunchPolicy, type Policy } from '@laurel/policy';
import { type CycleContext, GatewayClient, RehearsalPlatform, type RehearsalStep, rehearseCycle } from '../src';

/** Monday 2 March 2026, 10:00 in Beijing. */
export const REHEARSAL_START = '2026-03-02T02:00:00.000Z';

export interface RehearsedCycle {
  platform: RehearsalPlatform;
  client: GatewayClient;
  context: CycleContext;
  /** The one step of that name (fails if there is none or several). */
  step(name: string): RehearsalStep;
  /** The steps of that name, in order. */
  steps(name: string): RehearsalStep[];
}

/** One whole cycle of a launch jurisdiction rehearsed on a platform of its own, as `npm run rehearse` runs it. */
export function rehearse(key: LaunchPolicyKey, successor?: Policy): Promise<RehearsedCycle> {
  return rehearsePolicy(loadLaunchPolicy(key), launchDivisionCodes[key], successor);
}

/** One whole cycle of any jurisdiction registered from its policy document (`npm run rehearse -- --policy <file>`). */
export async function rehearsePolicy(
  policy: Policy,
  divisionCode: string,
  successor?: Policy,
): Promise<RehearsedCycle> {
  const platform = await RehearsalPlatform.start({ clockStart: REHEARSAL_START });
  const client = new GatewayClient(platform.url);
  try {
    const context = await rehearseCycle({
      client,
      operator: RehearsalPlatform.OPERATOR,
      policy,
      divisionCode,
      successor,
    });
    const steps = (name: string) => context.steps.filter((s) => s.step === name);
    return {
      platform,
      client,
      context,
      steps,
      step: (name: string) => {
        const found = steps(name);
        if (found.length !== 1) throw new Error(`${found.length} steps named ${name}`);
        return found[0] as RehearsalStep;
      },
    };
  } catch (error) {
    await platform.close();
    throw error;
  }
}
