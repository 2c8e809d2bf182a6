import { randomInt } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import { AwardTraffic } from './chaos-award-traffic';
import { type ChaosCheck, reconcile } from './chaos-checks';
import { rehearseToApproval, tenantIdOf } from './chaos-cycle';
import { FundsTraffic } from './chaos-funds-traffic';
import { reconcileLaterCycle } from './chaos-later-checks';
import { natsKilledAndRestarted } from './chaos-nats';
import { reconcilePostAward } from './chaos-post-award-checks';
import { PostAwardTraffic } from './chaos-post-award-traffic';
import { prepareScoredStage } from './chaos-scoring-traffic';
import { ChaosTraffic } from './chaos-traffic';
import { type FailedWrite, KeyedWriter } from './chaos-writer';
import { CycleContext } from './cycle-context';
import { RoundRobinClient } from './event-pipeline';
import { OwnNatsServer } from './own-nats-server';
import { RehearsalClock } from './rehearsal-clock';
import { REHEARSAL_SERVICES, type RehearsalApp, RehearsalPlatform } from './rehearsal-platform';
import { setUp } from './setup.phase';

/** Monday 2 March 2026, 10:00 in Beijing. */
const START = '2026-03-02T02:00:00.000Z';
const APPS: RehearsalApp[] = [...REHEARSAL_SERVICES, 'gateway'];
const INSTANCES = 2;

export interface ChaosOptions {
  /** At most this many kills (default 100). */
  kills: number;
  /** The kills stop after this many minutes, whatever their number. */
  minutes: number;
  /**
   * Clients writing side by side (default 6): three for the later cycle's approval and money, one for what follows
   * the award and for the panel's scores, the rest for intake.
   */
  clients?: number;
  /** Seconds between a restart and the next kill, at random within [min, max] (default 1–4). */
  pause?: [number, number];
  /** The nats-server executable the run starts its own server with (default Debian's). */
  natsServer?: string;
  /** A file to write every app's output to if the run fails. */
  logs?: string;
  /** A line of progress (default: none). */
  say?: (line: string) => void;
}

/** Something the chaos did, seconds after the traffic began. */
export interface ChaosEvent {
  at: number;
  what: string;
}

export interface ChaosReport {
  /** Seconds the later cycle took to rehearse up to its approval and the scored stage to be made ready, before the traffic. */
  prepared: number;
  /** Seconds from the traffic's stop to the end of the reconciliation (the event pipeline settling in it). */
  reconciled: number;
  kills: ChaosEvent[];
  /** The flush of the run's Redis keys, and other events beside the kills. */
  events: ChaosEvent[];
  seconds: number;
  sent: number;
  failures: FailedWrite[];
  /** What the clients were answered, by kind of write. */
  answered: Record<string, number>;
  checks: ChaosCheck[];
  ok: boolean;
}

const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/**
 * The chaos run of issue 18: a rehearsal platform with two instances of every app; an inner-mongolia cycle rehearsed
 * up to its approval; a linxia cycle up to its first scored stage with its panel assigned; ili set up with a notice;
 * then sustained keyed writes through both gateways — ili's applicants, applications and objections, inner-mongolia's
 * approval, certificates, duties and departments, appropriations and instalments, the holders' duty submissions and
 * use of the money, a revocation with its clawback and recoveries, linxia's panel scores — while a random instance is SIGKILLed at random moments and started again (one at a time), until
 * `kills` kills or `minutes` minutes; half-way, the run's Redis keys are flushed and the run's own NATS server is
 * SIGKILLed and started again. Then every instance runs again, the notice is closed on the clock, and everything is
 * reconciled.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const say = options.say ?? (() => undefined);
  const [least, most] = options.pause ?? [1, 4];
  // A NATS server of the run's own, to kill half-way (never the machine's shared one).
  const nats = await OwnNatsServer.start(options.natsServer);
  const platform = await RehearsalPlatform.start({
    clockStart: START,
    instances: INSTANCES,
    env: {
      // Every public request comes from 127.0.0.1: its per-address limit lifted.
      LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
      LAUREL_NATS_URL: nats.url,
      // The clients sign in once: their access tokens outlive the run (the kills, an hour more for the rest), which
      // refreshing tokens, a client's concern, would otherwise cut at the default 15 minutes.
      LAUREL_ACCESS_TOKEN_TTL_SECONDS: String(Math.min(86_400, Math.ceil(options.minutes * 60) + 3600)),
    },
  }).catch(async (error: unknown) => {
    await nats.stop();
    throw error;
  });
  try {
    say(`platform up: ${INSTANCES} instances of each app, gateways ${platform.urls.join(', ')}`);
    // The gateways' URLs as they are now (a restarted gateway listens on a new port).
    const client = new RoundRobinClient(platform.urls);
    const operator = RehearsalPlatform.OPERATOR;
    const operatorToken = await client.login(operator.username, operator.password);
    const clock = new RehearsalClock(client, () => operatorToken);
    await clock.read();
    // The later cycle first: its notices move the clock, and ili's cycle opens after them.
    const preparing = performance.now();
    const later = await rehearseToApproval(client, clock, operatorToken);
    const laterAt = Math.round(performance.now() - preparing) / 1000;
    say(
      `${later.key}: cycle ${later.cycleNumber} rehearsed up to its approval (${later.steps.length} steps, ${laterAt} s)`,
    );
    // A panel stage of a third jurisdiction made ready to score: its sheets the traffic fills.
    const scored = await prepareScoredStage(client, clock, operatorToken);
    const prepared = Math.round(performance.now() - preparing) / 1000;
    say(
      `${scored.context.key}: ${scored.stage.stageKey} opened, ${scored.sheets.length} sheets to score (${prepared} s)`,
    );
    const context = new CycleContext(client, clock, loadLaunchPolicy('ili'), () => undefined);
    context.operatorToken = operatorToken;
    await setUp(context, launchDivisionCodes.ili, operatorToken);
    const office = context.token('office');
    const notice = await client.expect(201, 'POST', '/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'recommendation',
        title: '混沌演练公示',
        publishedOn: clock.today,
        entries: ['甲', '乙', '丙'].map((name, i) => ({
          subjectKind: 'organisation',
          subjectId: `chaos-${i}`,
          subjectName: `${name}公司`,
          proposal: '拟推荐',
        })),
      },
    });
    const writer = new KeyedWriter(() => platform.urls);
    const traffic = new ChaosTraffic(writer, {
      office,
      cycleNumber: context.cycleNumber,
      noticeId: notice.id as string,
      entries: (notice.entries as { id: string }[]).map((e) => e.id),
    });
    const awards = new AwardTraffic(writer, later);
    const winners = later.applicants.filter((a) => a.tier !== null).length;
    const funds = new FundsTraffic(writer, later, winners);
    const postAward = new PostAwardTraffic(writer, later, awards, funds, scored);
    const { holder, revocation, scoring } = postAward;
    const began = performance.now();
    const seconds = () => Math.round(performance.now() - began) / 1000;
    const ends = began + options.minutes * 60_000;
    const writing = Promise.all([
      traffic.run(Math.max(1, (options.clients ?? 6) - 4)),
      awards.run(),
      funds.run(),
      postAward.run(),
    ]);
    const kills: ChaosEvent[] = [];
    const events: ChaosEvent[] = [];
    const checks: ChaosCheck[] = [];
    let flushed = false;
    while (kills.length < options.kills && performance.now() < ends) {
      await pause(least + Math.random() * (most - least));
      if (
        !flushed &&
        (kills.length >= Math.floor(options.kills / 2) || performance.now() >= began + (ends - began) / 2)
      ) {
        const removed = await platform.flushRedis();
        events.push({ at: seconds(), what: `flushed the run's Redis keys (${removed} keys)` });
        say(`${seconds()} s: flushed the run's Redis keys (${removed})`);
        const killed = await natsKilledAndRestarted(nats, platform.prefix, seconds);
        events.push(killed.event);
        checks.push(killed.check);
        say(`${killed.event.at} s: ${killed.event.what}`);
        flushed = true;
      }
      const name = APPS[randomInt(APPS.length)] as RehearsalApp;
      const instance = 1 + randomInt(INSTANCES);
      const label = `${name}#${instance}`;
      const at = seconds();
      await platform.kill(name, instance);
      kills.push({ at, what: `${label} (SIGKILL)` });
      say(`${at} s: killed ${label}; ${writer.sent} writes sent, ${writer.failures.length} failed so far`);
      await restart(platform, name, instance, events, seconds);
    }
    for (const stopping of [traffic, awards, funds, postAward]) stopping.stop();
    await writing;
    const duration = seconds();
    say(`${duration} s: ${kills.length} kills, traffic stopped after ${writer.sent} writes; reconciling`);
    // The notice closes on the clock, once, its entries' outcomes consumed by the applications service.
    const closesAt = (notice.deadline as { closesAt: string }).closesAt;
    await clock.moveTo(new Date(Date.parse(closesAt) + 1000));
    checks.push(
      ...(await reconcile({
        database: platform.database,
        prefix: platform.prefix,
        natsUrl: nats.url,
        client,
        office,
        noticeId: notice.id as string,
        traffic,
        writer,
        audited: [
          { key: 'ili', token: office },
          { key: later.key, token: later.token('office') },
          { key: scored.context.key, token: scored.context.token('office') },
        ],
      })),
      ...(await reconcileLaterCycle({
        database: platform.database,
        tenantId: tenantIdOf(later),
        cycleNumber: later.cycleNumber,
        awards,
        funds,
      })),
      ...(await reconcilePostAward({
        database: platform.database,
        tenantId: tenantIdOf(later),
        holder,
        revocation,
        scoring,
        scoredTenantId: tenantIdOf(scored.context),
      })),
    );
    return {
      prepared,
      reconciled: Math.round(seconds() - duration),
      kills,
      events,
      seconds: duration,
      sent: writer.sent,
      failures: writer.failures,
      answered: {
        applicants: traffic.applicants,
        applications: traffic.applications,
        objections: traffic.objections,
        approvals: awards.decision ? 1 : 0,
        certificates: awards.certificates.size,
        'duty plans': awards.duties.size,
        departments: awards.departments,
        appropriations: funds.appropriations,
        'instalments initiated': funds.initiated,
        'instalments confirmed': funds.confirmed,
        'duty submissions': holder.submitted.size,
        'use reports accepted': holder.useReport ? 1 : 0,
        'performance evaluations': holder.evaluations,
        revocations: revocation.revocation ? 1 : 0,
        'clawback cases demanded': revocation.clawback ? 1 : 0,
        'clawback recoveries': revocation.recoveries,
        'score sheets submitted': scoring.totals.size,
        'score revisions': scoring.revised,
      },
      checks,
      ok: checks.every((c) => c.ok) && kills.length > 0 && flushed,
    };
  } catch (error) {
    if (options.logs) await writeFile(options.logs, platform.logs());
    throw error;
  } finally {
    await platform.close();
    await nats.stop();
  }
}

/** Starts a killed instance again; a start that fails (the machine busy) is tried again, up to three times. */
async function restart(
  platform: RehearsalPlatform,
  name: RehearsalApp,
  instance: number,
  events: ChaosEvent[],
  seconds: () => number,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await platform.restart(name, instance);
      return;
    } catch (error) {
      events.push({ at: seconds(), what: `restart of ${name}#${instance} failed: ${String(error).slice(0, 200)}` });
      if (attempt === 3) throw error;
    }
  }
}
