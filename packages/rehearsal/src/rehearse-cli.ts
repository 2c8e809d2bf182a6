import {
  isLaunchPolicyKey,
  launchDivisionCodes,
  launchPolicyKeys,
  loadLaunchPolicy,
  type Policy,
} from '@laurel/policy';
import { option, unknownFlag } from './cli-args';
import { rehearseCycle } from './cycle-driver';
import { GatewayClient } from './gateway-client';
import { policyFromFile } from './policy-file';
import { RehearsalPlatform } from './rehearsal-platform';
import { formatStep } from './rehearsal-step';

/** Monday 2 March 2026, 10:00 in Beijing: every launch regulation is in force. */
const DEFAULT_START = '2026-03-02T02:00:00.000Z';

const USAGE = `usage: npm run rehearse -- <tenantKey>… | all | --policy <file> --division <code>  [--keep] [--start <ISO instant>]
  tenantKey        one of ${launchPolicyKeys.join(', ')}
  all              the five launch jurisdictions, one after the other
  --policy <file>  any jurisdiction's policy document (JSON): registered through POST /tenants as an operator would,
                   then the same whole cycle; a relative path is where you typed the command
  --division <code>  its administrative division (GB/T 2260, 6 digits; a policy document does not carry it);
                   required with --policy unless the policy is a launch jurisdiction's
  --keep           keep each rehearsal platform's database, Redis keys and NATS streams
  --start          where the rehearsal clock starts (default ${DEFAULT_START})`;

interface Rehearsal {
  policy: Policy;
  divisionCode: string;
}

/** What the arguments ask to rehearse; a string is the error to print above the usage. */
function rehearsals(argv: string[]): Rehearsal[] | string {
  const unknown = unknownFlag(argv, { valued: ['policy', 'division', 'start'], switches: ['keep'] });
  if (unknown) return unknown;
  const file = option(argv, 'policy');
  const division = option(argv, 'division');
  const valued = new Set([file, division, option(argv, 'start')].filter((v) => v !== undefined));
  const named = argv.filter((a) => !a.startsWith('--') && !valued.has(a));
  if (file !== undefined) {
    if (named.length > 0) return 'give either tenant keys or --policy, not both';
    const policy = policyFromFile(file);
    const divisionCode = division ?? (isLaunchPolicyKey(policy.key) ? launchDivisionCodes[policy.key] : undefined);
    if (!divisionCode || !/^[1-9]\d{5}$/.test(divisionCode))
      return `--division: the 6-digit administrative division code (GB/T 2260) of ${policy.name.zh} is required`;
    return [{ policy, divisionCode }];
  }
  const keys = named.includes('all') ? [...launchPolicyKeys] : named;
  const strangers = keys.filter((k) => !isLaunchPolicyKey(k));
  if (keys.length === 0) return 'nothing to rehearse';
  if (strangers.length > 0) return `unknown jurisdiction: ${strangers.join(', ')} (any other: --policy <file>)`;
  return keys.filter(isLaunchPolicyKey).map((key) => ({
    policy: loadLaunchPolicy(key),
    divisionCode: division ?? launchDivisionCodes[key],
  }));
}

/**
 * `npm run rehearse -- <tenantKey>|all|--policy <file>`: for each jurisdiction, a rehearsal platform of its own (its own
 * database and Redis/NATS prefixes, every app in a process of its own on the virtual clock), the jurisdiction
 * registered from its policy document, one whole cycle driven through the gateway, each step printed on one line (time
 * on the rehearsal clock, step, article, result). Exit 1 if any failed, 2 on bad arguments.
 */
async function main(argv: string[]): Promise<number> {
  const keep = argv.includes('--keep');
  const start = option(argv, 'start') ?? DEFAULT_START;
  let asked: Rehearsal[] | string;
  try {
    asked = rehearsals(argv);
  } catch (error) {
    asked = error instanceof Error ? error.message : String(error);
  }
  if (typeof asked === 'string' || Number.isNaN(new Date(start).getTime())) {
    console.error(typeof asked === 'string' ? asked : `--start: not an ISO instant: ${start}`);
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  for (const { policy, divisionCode } of asked) {
    console.log(`\n== ${policy.key}: ${policy.name.zh} (${policy.regulation.title.zh}), policy v${policy.version}`);
    const platform = await RehearsalPlatform.start({ clockStart: start, keep });
    console.log(`   rehearsal platform ${platform.url} (run ${platform.runId}, database ${platform.database})`);
    try {
      const context = await rehearseCycle({
        client: new GatewayClient(platform.url),
        operator: RehearsalPlatform.OPERATOR,
        policy,
        divisionCode,
        onStep: (step) => console.log(formatStep(step)),
      });
      const notDriven = context.steps.filter((s) => s.detail.notDriven);
      console.log(`   ${context.steps.length} steps${notDriven.length ? `, ${notDriven.length} not driven yet` : ''}`);
    } catch (error) {
      failed += 1;
      console.error(`   ${policy.key} stopped: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await platform.close();
      if (keep) console.log(`   kept: database ${platform.database}, prefix of run ${platform.runId}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
