import { launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import { CycleContext } from './cycle-context';
import { GatewayClient } from './gateway-client';
import { intake } from './intake.phase';
import { RehearsalClock } from './rehearsal-clock';
import { instancesFromEnv, RehearsalPlatform } from './rehearsal-platform';
import { PLATFORM_APPS as APPS, residentMiB } from './resident-memory';
import { setUp } from './setup.phase';

/** Monday 2 March 2026, 10:00 in Beijing. */
const START = '2026-03-02T02:00:00.000Z';

async function table(platform: RehearsalPlatform, moment: string): Promise<void> {
  console.log(`\n${moment}`);
  console.log('app           instance  pid      RSS MiB');
  let total = 0;
  for (const name of APPS) {
    for (const app of platform.instances(name)) {
      const rss = await residentMiB(app.pid);
      total += rss ?? 0;
      console.log(
        `${name.padEnd(14)}${String(app.instance).padEnd(10)}${String(app.pid ?? '-').padEnd(9)}${rss?.toFixed(1) ?? '-'}`,
      );
    }
  }
  console.log(`all apps                         ${total.toFixed(1)}`);
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * `npm run rss [-- --idle=<s>]`: the resident memory of every app of a rehearsal platform (LAUREL_INSTANCES instances
 * of each), read from /proc once it has been idle for `idle` seconds (default 30) after starting, and again after a
 * slice of an ili cycle (intake to acceptance, 6 applications) and the same idle time.
 */
async function main(argv: string[]): Promise<number> {
  const idle = Number(argv.find((a) => a.startsWith('--idle='))?.slice('--idle='.length) ?? 30);
  const instances = instancesFromEnv();
  const platform = await RehearsalPlatform.start({ clockStart: START, instances });
  try {
    console.log(
      `rehearsal platform ${platform.urls.join(', ')}: ${instances} instance(s) of each app, Node ${process.version}`,
    );
    await pause(idle);
    await table(platform, `idle ${idle} s after start`);
    const client = new GatewayClient(platform.url);
    const operator = RehearsalPlatform.OPERATOR;
    const token = await client.login(operator.username, operator.password);
    const clock = new RehearsalClock(client, () => token);
    await clock.read();
    const context = new CycleContext(client, clock, loadLaunchPolicy('ili'), () => undefined);
    context.operatorToken = token;
    await setUp(context, launchDivisionCodes.ili, token);
    await intake(context, 6);
    await pause(idle);
    await table(platform, `idle ${idle} s after intake to acceptance of 6 ili applications`);
    return 0;
  } finally {
    await platform.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
