import { isLaunchPolicyKey, launchPolicyKeys, loadLaunchPolicy, type Policy } from '@laurel/policy';
import { option, unknownFlag } from './cli-args';
import { formatCountryReport } from './country-report';
import { COUNTRY_APPLICATIONS, COUNTRY_TENANTS, type CountryReport, runCountry } from './country-run';
import { policyFromFile } from './policy-file';

const SIXTH = 'packages/policy/test-fixtures/sixth-jurisdiction.json';

const USAGE = `usage: npm run bench:country -- [--tenants N] [--applications M] [--in-flight C] [--policy <file>|<key>] [--no-floor]
  --tenants       jurisdictions onboarded by the policy document (default ${COUNTRY_TENANTS}), 1 to 10000
  --applications  applications each (default ${COUNTRY_APPLICATIONS}), 1 to 200
  --in-flight     requests in flight at most over every jurisdiction (default 32)
  --policy        the document every jurisdiction is onboarded with (default ${SIXTH});
                  a launch key (${launchPolicyKeys.join(', ')}) takes that jurisdiction's document
  --keep          keep the country platform's database, Redis keys and streams afterwards
  --no-floor      skip the floor (one jurisdiction alone on a platform of its own, first)`;

function whole(argv: string[], name: string, fallback: number, max: number): number | string {
  const value = option(argv, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max
    ? n
    : `--${name}: a whole number from 1 to ${max}, not ${JSON.stringify(value)}`;
}

async function main(argv: string[]): Promise<number> {
  const unknown = unknownFlag(argv, {
    valued: ['tenants', 'applications', 'in-flight', 'policy'],
    switches: ['keep', 'no-floor'],
  });
  if (unknown) {
    console.error(unknown);
    console.error(USAGE);
    return 2;
  }
  const tenants = whole(argv, 'tenants', COUNTRY_TENANTS, 10_000);
  const applications = whole(argv, 'applications', COUNTRY_APPLICATIONS, 200);
  const inFlight = whole(argv, 'in-flight', 32, 1024);
  const named = option(argv, 'policy') ?? SIXTH;
  let policy: Policy;
  try {
    policy = isLaunchPolicyKey(named) ? loadLaunchPolicy(named) : policyFromFile(named);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  const bad = [tenants, applications, inFlight].find((v) => typeof v === 'string');
  if (bad !== undefined) {
    console.error(bad);
    console.error(USAGE);
    return 2;
  }
  const say = (line: string) => console.log(`   ${line}`);
  const options = {
    policy,
    tenants: tenants as number,
    applications: applications as number,
    inFlight: inFlight as number,
    keep: argv.includes('--keep'),
    say,
  };
  let floor: CountryReport | null = null;
  if (!argv.includes('--no-floor')) {
    console.log('== floor: one jurisdiction alone');
    floor = await runCountry({ ...options, tenants: 1, keep: false });
  }
  console.log(`== ${options.tenants} jurisdictions`);
  const report = await runCountry(options);
  for (const line of formatCountryReport(report, floor)) console.log(line);
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : String(error));
    process.exit(1);
  },
);
