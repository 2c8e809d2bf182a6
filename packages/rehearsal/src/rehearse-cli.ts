import { isLaunchPolicyKey, launchPolicyKeys, loadLaunchPolicy } from '@laurel/policy';
import { rehearseCycle } from './cycle-driver';
import { GatewayClient } from './gateway-client';
import { LAUNCH_DIVISIONS } from './launch-divisions';
import { RehearsalPlatform } from './rehearsal-platform';
import { formatStep } from './rehearsal-step';

/** Monday 2 March 2026, 10:00 in Beijing: every launch regulation is in force. */
const DEFAULT_START = '2026-03-02T02:00:00.000Z';

const USAGE = `usage: npm run rehearse -- <tenantKey>… | all [--keep] [--start=<ISO instant>]
  tenantKey   one of ${launchPolicyKeys.join(', ')}
  all         the five launch jurisdictions, one after the other
  --keep      keep each rehearsal platform's database, Redis keys and NATS streams
  --start     where the rehearsal clock starts (default ${DEFAULT_START})`;

/**
 * `npm run rehearse -- <tenantKey>|all`: for each jurisdiction, a rehearsal platform of its own (its own database and
 * Redis/NATS prefixes, every app in a process of its own on the virtual clock), one whole cycle driven through the
 * gateway, each step printed on one line (time on the rehearsal clock, step, article, result). Exit 1 if any failed.
 */
async function main(argv: string[]): Promise<number> {
  const keep = argv.includes('--keep');
  const start = argv.find((a) => a.startsWith('--start='))?.slice('--start='.length) ?? DEFAULT_START;
  const named = argv.filter((a) => !a.startsWith('--'));
  const keys = named.includes('all') ? [...launchPolicyKeys] : named;
  const unknown = keys.filter((k) => !isLaunchPolicyKey(k));
  if (keys.length === 0 || unknown.length > 0 || Number.isNaN(new Date(start).getTime())) {
    if (unknown.length > 0) console.error(`unknown jurisdiction: ${unknown.join(', ')}`);
    console.error(USAGE);
    return 2;
  }
  let failed = 0;
  for (const key of keys) {
    if (!isLaunchPolicyKey(key)) continue;
    const policy = loadLaunchPolicy(key);
    console.log(`\n== ${key}: ${policy.name.zh} (${policy.regulation.title.zh}), policy v${policy.version}`);
    const platform = await RehearsalPlatform.start({ clockStart: start, keep });
    console.log(`   rehearsal platform ${platform.url} (run ${platform.runId}, database ${platform.database})`);
    try {
      const context = await rehearseCycle({
        client: new GatewayClient(platform.url),
        operator: RehearsalPlatform.OPERATOR,
        policy,
        divisionCode: LAUNCH_DIVISIONS[key],
        onStep: (step) => console.log(formatStep(step)),
      });
      const notDriven = context.steps.filter((s) => s.detail.notDriven);
      console.log(`   ${context.steps.length} steps${notDriven.length ? `, ${notDriven.length} not driven yet` : ''}`);
    } catch (error) {
      failed += 1;
      console.error(`   ${key} stopped: ${error instanceof Error ? error.message : String(error)}`);
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
