import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Policy } from '@laurel/policy';
import { BarrierClock, ClockBarrier, type ClockMove } from './clock-barrier';
import { type CountryCheck, reconcileCountry } from './country-checks';
import { CycleContext } from './cycle-context';
import { cyclePhases } from './cycle-driver';
import { GatewayClient, polling } from './gateway-client';
import { MeteredClient, Meters, type StageMeter } from './metered-client';
import { type Rescheduling, rescheduleAfterFlush } from './redis-deadlines';
import { RehearsalPlatform } from './rehearsal-platform';
import { ResidentMemory } from './resident-memory';

/** Monday 2 March 2026, 10:00 in Beijing, as every rehearsal. */
const START = '2026-03-02T02:00:00.000Z';

/** The whole country: every government from the county up, and the applications each runs. */
export const COUNTRY_TENANTS = 3200;
export const COUNTRY_APPLICATIONS = 20;

export interface CountryOptions {
  /** How many jurisdictions (default `COUNTRY_TENANTS`). */
  tenants: number;
  /** Applications per jurisdiction (default `COUNTRY_APPLICATIONS`). */
  applications: number;
  /** The document every jurisdiction is onboarded with, each under a key and a division code of its own. */
  policy: Policy;
  /** Requests in flight at most, over every cycle (the clients' side of the load). */
  inFlight: number;
  /** Keep the platform's database, Redis keys and streams after the run (to look into them). */
  keep?: boolean;
  say?: (line: string) => void;
}

/** One jurisdiction's cycle: its context (what it did) and, if it stopped, why. */
export interface CountryCycle {
  context: CycleContext;
  divisionCode: string;
  error?: string;
  stage?: string;
}

export interface CountryReport {
  options: Omit<CountryOptions, 'say' | 'policy' | 'keep'> & { policy: string };
  startMs: number;
  cyclesMs: number;
  stages: StageMeter[];
  moves: ClockMove[];
  cycles: CountryCycle[];
  checks: CountryCheck[];
  rescheduling: Rescheduling | null;
  /** Each app's resident memory (MiB) before the cycles and the most it reached during them. */
  memory: { idle: Record<string, number>; peak: Record<string, number> };
  ok: boolean;
}

/** The n-th jurisdiction's copy of the document: a key and a name of its own, the same rules. */
export function jurisdictionPolicy(policy: Policy, n: number): Policy {
  const suffix = String(n).padStart(4, '0');
  return {
    ...policy,
    key: `country-${suffix}`,
    name: {
      ...policy.name,
      zh: `${policy.name.zh}（全国演练第${suffix}地）`,
      en: `${policy.name.en} (country run ${suffix})`,
    },
  };
}

/** A 6-digit division code of the run's own (99xxxx: no real division begins so). */
export const countryDivisionCode = (n: number): string => String(990000 + n);

/**
 * `npm run bench:country`: one rehearsal platform, N jurisdictions onboarded by the same policy document, each running a
 * whole cycle of M applications through the gateway side by side on one clock (a cycle that moves the clock waits for
 * the others, so their notices close at the same midnight), every request metered by stage; then every count
 * reconciled and Redis flushed to time the re-scheduling of every open deadline from the databases.
 */
export async function runCountry(options: CountryOptions): Promise<CountryReport> {
  const say = options.say ?? (() => undefined);
  polling.timeoutMs = 900_000;
  const began = performance.now();
  const platform = await RehearsalPlatform.start({
    clockStart: START,
    keep: options.keep,
    env: {
      // Every request comes from 127.0.0.1 and the run outlives a quarter of an hour of real time.
      LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
      LAUREL_ACCESS_TOKEN_TTL_SECONDS: '86400',
    },
  });
  const startMs = Math.round(performance.now() - began);
  say(`platform up in ${(startMs / 1000).toFixed(1)} s (run ${platform.runId}, database ${platform.database})`);
  try {
    const operator = new GatewayClient(platform.url);
    const operatorToken = await operator.login(
      RehearsalPlatform.OPERATOR.username,
      RehearsalPlatform.OPERATOR.password,
    );
    const barrier = new ClockBarrier(operator, () => operatorToken);
    await barrier.read();
    const meters = new Meters(options.inFlight);
    const memory = new ResidentMemory(platform);
    await memory.start();
    const cyclesBegan = performance.now();
    const progress = setInterval(() => {
      const lines = [...meters.stages.values()].map((m) => `${m.stage} ${m.cycles}`).join(' · ');
      say(`${Math.round((performance.now() - cyclesBegan) / 1000)} s: cycles entered ${lines}`);
    }, 30_000);
    const cycles = await Promise.all(
      Array.from({ length: options.tenants }, (_, i) =>
        runOne(i + 1, options, platform.url, meters, barrier, operatorToken),
      ),
    ).finally(() => clearInterval(progress));
    await memory.stop();
    const cyclesMs = Math.round(performance.now() - cyclesBegan);
    const failed = cycles.filter((c) => c.error);
    say(`${options.tenants} cycles in ${(cyclesMs / 1000).toFixed(1)} s; ${failed.length} stopped; reconciling`);
    for (const c of failed.slice(0, 5)) say(`${c.context.key} stopped in ${c.stage}: ${c.error?.slice(0, 1500)}`);
    if (failed.length > 0) {
      const logs = path.join(tmpdir(), `laurel-country-${platform.runId}.log`);
      await writeFile(logs, platform.logs());
      say(`every app's output: ${logs}`);
    }
    const checks = await reconcileCountry({
      database: platform.database,
      prefix: platform.prefix,
      client: operator,
      cycles,
    });
    say('flushing the run’s Redis keys and re-scheduling every open deadline');
    const rescheduling = await rescheduleAfterFlush(platform, barrier);
    const ok =
      failed.length === 0 && checks.every((c) => c.ok) && (rescheduling.before === 0 || rescheduling.after > 0);
    return {
      options: {
        tenants: options.tenants,
        applications: options.applications,
        inFlight: options.inFlight,
        policy: options.policy.key,
      },
      startMs,
      cyclesMs,
      stages: [...meters.stages.values()],
      moves: barrier.moves,
      cycles,
      checks,
      rescheduling,
      memory: { idle: memory.idle as Record<string, number>, peak: memory.peak as Record<string, number> },
      ok,
    };
  } finally {
    await platform.close();
  }
}

async function runOne(
  n: number,
  options: CountryOptions,
  url: string,
  meters: Meters,
  barrier: ClockBarrier,
  operatorToken: string,
): Promise<CountryCycle> {
  barrier.join();
  const policy = jurisdictionPolicy(options.policy, n);
  const divisionCode = countryDivisionCode(n);
  const client = new MeteredClient(url, meters);
  const context = new CycleContext(client, new BarrierClock(client, () => operatorToken, barrier), policy, () => {});
  context.operatorToken = operatorToken;
  let stage = '';
  try {
    for (const [name, phase] of cyclePhases({ divisionCode, applicants: options.applications, policy })) {
      stage = name;
      client.enter(name);
      await phase(context);
      client.leave();
    }
    return { context, divisionCode };
  } catch (error) {
    client.leave();
    return { context, divisionCode, stage, error: error instanceof Error ? error.message : String(error) };
  } finally {
    barrier.leave();
  }
}
