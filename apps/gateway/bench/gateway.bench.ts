// `npm run bench:gateway`: what one command costs through the gateway, next to the floor it is built on.
//
// The command: HTTP POST → gateway (auth, tenant, idempotency, zod) → NATS → probe service → one transaction under
// row-level security writing the item, an outbox row and an audit entry → reply; the relay then publishes the event.
//
// Loads (each with a warm-up, then a measured window):
//   - latency, at 1 in flight: the floor (the same round trips as the command on bare ends: round-trip-floor.ts) and
//     the command; their p50s are compared (target ≤ 1.5);
//   - throughput, at BENCH_CONCURRENCY in flight over BENCH_TENANTS tenants: commands/s, p99, and the CPU per command
//     of every process involved (target ≤ 2 ms in all: 1,000 commands/s on two cores);
//   - with --long: HTTP, NATS and a PostgreSQL INSERT each on its own at BENCH_CONCURRENCY in flight.
// The gateway runs in this process, the probe and the load generator in processes of their own, so the CPU of each
// is read from /proc/<pid>/stat over the same window (process-cpu.util.ts). Everything the run created is dropped.
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChildService, dropRunDatabases, ensureTemplateDatabase, testConfig, testRunId } from '@laurel/testing';
import { connect } from '@nats-io/transport-node';
import Fastify from 'fastify';
import { Client } from 'pg';
import { PROBE_MAIN, startProbe } from '../../../packages/testing/test/probe.util';
import { OPERATOR, startPlatform } from '../test/gateway.util';
import { benchConfig } from './bench.config';
import { type LoadResult, report } from './bench-report.util';
import type { LoadJob, LoadMessage } from './load-generator';
import { busyShare, haltPollNs, machineCpu } from './machine.util';
import { CpuWindow, type GroupCpu, pidsNamed } from './process-cpu.util';
import { captureTransaction, type FloorEnds } from './round-trip-floor';

const NATS_URL = testConfig.LAUREL_TEST_NATS_URL;

type Platform = Awaited<ReturnType<typeof startPlatform>>;
type Tenant = { key: string; token: string };

/** Runs one load in the load generator, reading every process group's CPU over its measured window. */
function runLoad(generator: ChildProcess, name: string, job: LoadJob, cpu: CpuWindow): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    let started: Promise<void> = Promise.resolve();
    let stopped: Promise<GroupCpu[]> = Promise.resolve([]);
    let machineFrom = machineCpu();
    let machineUntil = machineCpu();
    const onMessage = (message: LoadMessage) => {
      if (message.type === 'window-start') {
        machineFrom = machineCpu();
        started = cpu.start();
      } else if (message.type === 'window-end') {
        machineUntil = machineCpu();
        stopped = started.then(() => cpu.stop());
      } else if (message.type === 'result') {
        generator.off('message', onMessage);
        generator.off('exit', onExit);
        stopped.then(
          (groups) =>
            resolve({ ...message.result, name, cpu: groups, machineBusy: busyShare(machineFrom, machineUntil) }),
          reject,
        );
      }
    };
    const onExit = (code: number | null) => reject(new Error(`the load generator exited (${code}) during ${name}`));
    generator.on('message', onMessage);
    generator.once('exit', onExit);
    generator.send(job);
  });
}

/** `TENANTS` tenants, each with an office user; returns each tenant key with that user's access token. */
async function seedTenants(platform: Platform): Promise<Tenant[]> {
  const must = (what: string, response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status)
      throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  };
  const operator = await platform.login(OPERATOR.username, OPERATOR.password);
  if (!operator) throw new Error('operator login failed');
  const seeded: Tenant[] = [];
  for (let i = 0; i < benchConfig.BENCH_TENANTS; i++) {
    const key = `bench-${i}`;
    const tenant = { key, nameZh: `基准 ${i} 质量奖`, nameEn: `Bench ${i} Quality Award`, level: 'prefecture' };
    const created = await platform.call('POST', '/api/v1/tenants', {
      token: operator,
      body: { ...tenant, divisionCode: `${650100 + i}` },
    });
    must(`create tenant ${key}`, created, 201);
    const user = { username: `${key}-office`, password: 'a-long-password', displayName: key, roles: ['office'] };
    must(
      `create office user of ${key}`,
      await platform.call('POST', `/api/v1/tenants/${key}/users`, { token: operator, body: user }),
      201,
    );
    const token = await platform.login(`${key}-office`, 'a-long-password');
    if (!token) throw new Error(`login of ${key}-office failed`);
    seeded.push({ key, token });
  }
  return seeded;
}

/** One command through an in-process probe, recording its transaction's statements for the floor. */
async function captureCommand(platform: Platform, tenant: Tenant) {
  const probe = await startProbe(platform.infra, { consumers: false });
  try {
    return await captureTransaction(async () => {
      const created = await platform.call('POST', `/api/v1/tenants/${tenant.key}/probe/items`, {
        token: tenant.token,
        body: { name: 'bench-captured' },
      });
      if (created.status !== 201) throw new Error(`captured command: HTTP ${created.status}`);
    });
  } finally {
    await probe.close();
  }
}

const µs = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : 'n/a');

async function main(): Promise<number> {
  const started = performance.now();
  const loadAverage = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const { BENCH_CONCURRENCY: concurrency, BENCH_WARMUP_MS: warmupMs, BENCH_DURATION_MS: durationMs } = benchConfig;
  console.log(
    `gateway bench: run ${testRunId()}, ${new Date().toISOString()}, warm-up ${warmupMs} ms, ${durationMs} ms measured ` +
      `per load; throughput at ${concurrency} in flight over ${benchConfig.BENCH_TENANTS} tenants\n` +
      `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
      `load average ${loadAverage()}` +
      (haltPollNs() === null ? '' : `, guest halt-poll ${haltPollNs()} ns (0: every wake-up exits to the hypervisor)`),
  );
  await ensureTemplateDatabase();
  let platform: Platform | null = null;
  let probe: ChildService | null = null;
  let generator: ChildProcess | null = null;
  let admin: Client | null = null;
  const closers: (() => Promise<unknown>)[] = [];
  try {
    platform = await startPlatform({ LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { withoutProbe: true });
    const tenants = await seedTenants(platform);
    const first = tenants[0] as Tenant;
    const transaction = await captureCommand(platform, first);
    probe = await ChildService.start(PROBE_MAIN, platform.infra.env());
    admin = new Client({ connectionString: platform.infra.databaseUrl });
    await admin.connect();
    const database = admin;
    generator = fork(path.join(__dirname, 'load-generator.ts'), [], {
      execArgv: ['-r', path.resolve(__dirname, '../../../infra/swc-register.js'), '--max-semi-space-size=64'],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    await new Promise<void>((resolve, reject) => {
      generator?.once('message', () => resolve());
      generator?.once('exit', (code) => reject(new Error(`the load generator exited (${code}) before it was ready`)));
    });
    const probePid = probe.pid as number;
    const cpu = new CpuWindow([
      { name: 'gateway', counted: true, pids: () => [process.pid] },
      { name: 'service', counted: true, pids: () => [probePid] },
      {
        name: 'postgres',
        counted: true,
        pids: async () =>
          (
            await database.query<{ pid: number }>(
              'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
            )
          ).rows.map((r) => r.pid),
      },
      { name: 'nats-server', counted: true, pids: () => pidsNamed('nats-server') },
      { name: 'load generator', counted: false, pids: () => [generator?.pid as number] },
    ]);
    // The floor's bare ends, in this process: a route answering {ok:true} and a NATS responder.
    const http = Fastify({ logger: false });
    http.post('/ok', async () => ({ ok: true }));
    await http.listen({ host: '127.0.0.1', port: 0 });
    closers.push(() => http.close());
    const address = http.server.address();
    const httpUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const subject = `${testRunId()}.bench.echo`;
    const responder = await connect({ servers: NATS_URL, name: 'bench-responder' });
    closers.push(() => responder.drain());
    const answer = JSON.stringify({
      response: { id: transaction.freshIds[0], name: 'bench', createdAt: new Date().toISOString() },
      isDisposed: true,
    });
    responder.subscribe(subject, {
      callback: (error, msg) => {
        if (!error) msg.respond(answer);
      },
    });
    await responder.flush();
    const ends: FloorEnds = {
      httpUrl,
      natsUrl: NATS_URL,
      natsSubject: subject,
      natsHeaders: {
        'laurel-tenant-id': transaction.tenantId,
        'laurel-correlation-id': transaction.freshIds[0] ?? '',
        'laurel-actor': JSON.stringify({ userId: transaction.freshIds[0], roles: ['office'], operator: false }),
      },
      databaseUrl: platform.infra.databaseUrl,
      databaseUser: 'laurel_app',
      schema: 'probe',
      transaction,
    };
    const summary = [transaction.begin, transaction.first.text, ...transaction.rest.map((r) => r.text)]
      .map((text) => text.replace(/\s+/g, ' ').slice(0, 60))
      .join(' | ');
    console.log(`the floor replays the command's transaction: ${summary}`);
    // What the processes use with no load at all (timers, the relay's poll, heartbeats), per second, once the probe
    // has settled after its start.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await cpu.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = await cpu.stop();
    const idleRates = new Map(idle.map((g) => [g.name, g.micros / 2]));
    console.log(
      `idle, CPU µs per second: ${idle.map((g) => `${g.name} ${µs(g.micros / 2)}`).join(', ')}\n` +
        `set up in ${((performance.now() - started) / 1000).toFixed(1)} s; measuring…`,
    );

    const timing = { warmupMs, durationMs };
    const run = (name: string, job: LoadJob) => runLoad(generator as ChildProcess, name, job, cpu);
    const rows: LoadResult[] = [];
    let floor: LoadResult | undefined;
    let single: LoadResult | undefined;
    let many: LoadResult | undefined;
    if (benchConfig.BENCH_LOADS.has('latency')) {
      floor = await run('floor: HTTP + NATS + pg transaction, 1 in flight', {
        kind: 'floor',
        ends,
        concurrency: 1,
        ...timing,
      });
      single = await run('command: POST probe item, 1 in flight', {
        kind: 'command',
        url: platform.gateway.url,
        tenants: [first],
        concurrency: 1,
        ...timing,
      });
      rows.push(floor, single);
    }
    if (benchConfig.BENCH_LOADS.has('throughput')) {
      many = await run(`command: POST probe item, ${concurrency} in flight`, {
        kind: 'command',
        url: platform.gateway.url,
        tenants,
        concurrency,
        ...timing,
      });
      rows.push(many);
    }
    if (benchConfig.BENCH_LOADS.has('single-floors')) {
      await database.query('CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, name text NOT NULL)');
      rows.push(
        await run(`floor: HTTP alone, ${concurrency} in flight`, {
          kind: 'http',
          url: httpUrl,
          concurrency,
          ...timing,
        }),
        await run(`floor: NATS alone, ${concurrency} in flight`, {
          kind: 'nats',
          natsUrl: NATS_URL,
          subject,
          concurrency,
          ...timing,
        }),
        await run(`floor: PostgreSQL INSERT, ${concurrency} in flight`, {
          kind: 'pg-insert',
          databaseUrl: platform.infra.databaseUrl,
          concurrency,
          ...timing,
        }),
      );
    }
    const ok = report(rows, { floor, single, many }, idleRates);
    console.log(`\nload average ${loadAverage()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return ok ? 0 : 1;
  } finally {
    generator?.kill();
    for (const close of closers) await close().catch(() => undefined);
    await admin?.end().catch(() => undefined);
    await probe?.stop();
    await platform?.close().catch((error: unknown) => console.error('closing the platform failed:', error));
    await dropRunDatabases().catch((error: unknown) => console.error('dropping the run databases failed:', error));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
