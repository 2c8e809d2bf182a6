// `npm run bench:gateway`: what one command costs through the gateway, next to the floor it is built on.
//
// Four loads, each at a fixed number of requests in flight, with a warm-up and then a fixed time:
//   - floor: a bare Fastify route, a raw NATS request/reply, one autocommit PostgreSQL INSERT;
//   - the command: HTTP POST → gateway (auth, tenant) → NATS → probe service → one transaction under
//     row-level security writing the item, an outbox row and an audit entry → reply.
// Everything runs on 127.0.0.1 in this process (the gateway and the probe as the e2e tests start them;
// BENCH_PROBE_PROCESS=own puts the probe in a process of its own), on a database of its own cloned from the run's
// migrated template; all of it is dropped at the end.
import net from 'node:net';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { dropRunDatabases, ensureTemplateDatabase, testConfig, testRunId } from '@laurel/testing';
import { connect } from '@nats-io/transport-node';
import Fastify from 'fastify';
import { Client } from 'pg';
import { OPERATOR, startPlatform } from '../test/gateway.util';
import { benchConfig } from './bench.config';
import { busyShare, haltPollNs, type MachineCpu, machineCpu } from './machine.util';

const CONCURRENCY = benchConfig.BENCH_CONCURRENCY;
const TENANTS = benchConfig.BENCH_TENANTS;
const WARMUP_MS = benchConfig.BENCH_WARMUP_MS;
const DURATION_MS = benchConfig.BENCH_DURATION_MS;
/** A hard cap on the requests of one load, whatever the time. */
const MAX_REQUESTS = 2_000_000;
const REQUEST_TIMEOUT_MS = 10000;
const NATS_URL = testConfig.LAUREL_TEST_NATS_URL;

const TARGETS = { commandsPerSecond: 1000, p99Ms: 50, ratio: 2.5 };

interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  firstError: string | null;
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU time (user + system, all threads) of this process per completed request in the measured window. */
  cpuMicros: number;
  /** Share of the machine's CPUs busy in the measured window (every process: PostgreSQL and NATS too). */
  machineBusy: number;
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN);

/**
 * Keeps `CONCURRENCY` calls of `op` in flight: a warm-up whose results are discarded, then `DURATION_MS` in
 * which every completed call counts towards the rate and the latencies.
 */
async function load(name: string, op: (worker: number, n: number) => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  const state = {
    issued: 0,
    errors: 0,
    firstError: null as string | null,
    lastFinished: 0,
    cpuFrom: null as NodeJS.CpuUsage | null,
    cpuUntil: null as NodeJS.CpuUsage | null,
    machineFrom: null as MachineCpu | null,
    machineUntil: null as MachineCpu | null,
  };
  const stop = () => {
    if (state.cpuUntil) return;
    state.cpuUntil = process.cpuUsage();
    state.machineUntil = machineCpu();
  };
  const measureFrom = performance.now() + WARMUP_MS;
  const end = measureFrom + DURATION_MS;
  const worker = async (w: number) => {
    while (state.issued < MAX_REQUESTS) {
      const started = performance.now();
      if (started >= end) {
        stop();
        return;
      }
      if (started >= measureFrom && !state.cpuFrom) {
        state.cpuFrom = process.cpuUsage();
        state.machineFrom = machineCpu();
      }
      const n = state.issued++;
      let failed = false;
      try {
        await op(w, n);
      } catch (error) {
        failed = true;
        state.firstError ??= error instanceof Error ? error.message : String(error);
      }
      const finished = performance.now();
      if (finished < measureFrom || finished > end) continue;
      state.lastFinished = finished;
      if (failed) state.errors += 1;
      else latencies.push(finished - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  stop();
  const cpuUntil = state.cpuUntil ?? process.cpuUsage();
  const sorted = Float64Array.from(latencies).sort();
  const cpuFrom = state.cpuFrom ?? cpuUntil;
  const cpuSpent = cpuUntil.user - cpuFrom.user + (cpuUntil.system - cpuFrom.system);
  // The whole window, unless the request cap ended the load early.
  const measuredMs = state.issued >= MAX_REQUESTS ? Math.max(1, state.lastFinished - measureFrom) : DURATION_MS;
  return {
    name,
    requests: latencies.length,
    errors: state.errors,
    firstError: state.firstError,
    perSecond: latencies.length / (measuredMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMicros: latencies.length > 0 ? cpuSpent / latencies.length : Number.NaN,
    machineBusy: busyShare(state.machineFrom, state.machineUntil),
  };
}

/**
 * A keep-alive HTTP/1.1 connection that sends one POST at a time and reads the answer by its content-length: a load
 * generator as lean as `wrk`'s, so that the figures are the server's rather than `node:http`'s client (which cost
 * about as much CPU as a bare Fastify server answering it).
 */
class BenchConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private pending: { expect: number; resolve: (body: string) => void; reject: (error: Error) => void } | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed')));
  }

  static open(base: URL): Promise<BenchConnection> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(base.port), base.hostname, () => resolve(new BenchConnection(socket)));
      socket.once('error', reject);
    });
  }

  post(path: string, body: string, expect: number, headers: Record<string, string> = {}): Promise<string> {
    const head = [
      `POST ${path} HTTP/1.1`,
      'host: 127.0.0.1',
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error('HTTP request timed out')), REQUEST_TIMEOUT_MS);
      const settle =
        <T>(then: (value: T) => void) =>
        (value: T) => {
          clearTimeout(timer);
          then(value);
        };
      this.pending = { expect, resolve: settle(resolve), reject: settle(reject) };
      this.socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0 || !this.pending) return;
    const head = this.buffer.subarray(0, headEnd).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) {
      this.fail(new Error(`response without content-length: ${head.slice(0, 200)}`));
      return;
    }
    const end = headEnd + 4 + Number(length[1]);
    if (this.buffer.length < end) return;
    const body = this.buffer.subarray(headEnd + 4, end).toString();
    this.buffer = this.buffer.subarray(end);
    const status = Number(head.slice(9, 12));
    const { expect, resolve, reject } = this.pending;
    this.pending = null;
    if (status === expect) resolve(body);
    else reject(new Error(`HTTP ${status}: ${body.slice(0, 300)}`));
  }

  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(error);
  }
}

/** One connection per request in flight. */
const connectionsTo = (base: URL) => Promise.all(Array.from({ length: CONCURRENCY }, () => BenchConnection.open(base)));

async function floorHttp(): Promise<LoadResult> {
  const app = Fastify({ logger: false });
  app.post('/ok', async () => ({ ok: true }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = new URL(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
  const connections = await connectionsTo(base);
  try {
    return await load('floor: HTTP (bare Fastify)', (w, n) =>
      (connections[w] as BenchConnection)
        .post('/ok', JSON.stringify({ name: `bench-${n}` }), 200)
        .then(() => undefined),
    );
  } finally {
    for (const connection of connections) connection.close();
    await app.close();
  }
}

async function floorNats(): Promise<LoadResult> {
  const subject = `${testRunId()}.bench.echo`;
  const responder = await connect({ servers: NATS_URL, name: 'bench-responder' });
  const requester = await connect({ servers: NATS_URL, name: 'bench-requester' });
  try {
    const answer = JSON.stringify({ response: { ok: true }, isDisposed: true });
    responder.subscribe(subject, {
      callback: (error, msg) => {
        if (!error) msg.respond(answer);
      },
    });
    await responder.flush();
    return await load('floor: NATS request/reply', async (_w, n) => {
      const payload = JSON.stringify({ pattern: 'bench.echo', data: { name: `bench-${n}` }, id: String(n) });
      const reply = await requester.request(subject, payload, { timeout: REQUEST_TIMEOUT_MS });
      reply.json();
    });
  } finally {
    await requester.close();
    await responder.drain();
  }
}

/** One connection per request in flight, so the floor is the commit itself rather than a wait for a connection. */
async function floorPostgres(databaseUrl: string): Promise<LoadResult> {
  const clients = Array.from({ length: CONCURRENCY }, () => new Client({ connectionString: databaseUrl }));
  try {
    await Promise.all(clients.map((c) => c.connect()));
    await clients[0]?.query(
      'CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())',
    );
    return await load('floor: PostgreSQL INSERT commit', async (w, n) => {
      await (clients[w] as Client).query('INSERT INTO bench_floor (name) VALUES ($1)', [`bench-${n}`]);
    });
  } finally {
    await clients[0]?.query('DROP TABLE IF EXISTS bench_floor').catch(() => undefined);
    await Promise.allSettled(clients.map((c) => c.end()));
  }
}

type Platform = Awaited<ReturnType<typeof startPlatform>>;

/** `TENANTS` tenants, each with an office user; returns each tenant key with that user's access token. */
async function seedTenants(platform: Platform): Promise<{ key: string; token: string }[]> {
  const must = (what: string, response: { status: number; body: unknown }, status: number) => {
    if (response.status !== status)
      throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  };
  const operator = await platform.login(OPERATOR.username, OPERATOR.password);
  if (!operator) throw new Error('operator login failed');
  const seeded: { key: string; token: string }[] = [];
  for (let i = 0; i < TENANTS; i++) {
    const key = `bench-${i}`;
    must(
      `create tenant ${key}`,
      await platform.call('POST', '/api/v1/tenants', {
        token: operator,
        body: {
          key,
          nameZh: `基准 ${i} 质量奖`,
          nameEn: `Bench ${i} Quality Award`,
          level: 'prefecture',
          divisionCode: `${650100 + i}`,
        },
      }),
      201,
    );
    must(
      `create office user of ${key}`,
      await platform.call('POST', `/api/v1/tenants/${key}/users`, {
        token: operator,
        body: {
          username: `${key}-office`,
          password: 'a-long-password',
          displayName: `${key} office`,
          roles: ['office'],
        },
      }),
      201,
    );
    const token = await platform.login(`${key}-office`, 'a-long-password');
    if (!token) throw new Error(`login of ${key}-office failed`);
    seeded.push({ key, token });
  }
  return seeded;
}

async function command(platform: Platform, tenants: { key: string; token: string }[]): Promise<LoadResult> {
  const connections = await connectionsTo(new URL(platform.gateway.url));
  try {
    return await load(`command: POST probe item (${tenants.length} tenants)`, (w, n) => {
      const tenant = tenants[w % tenants.length] as { key: string; token: string };
      return (connections[w] as BenchConnection)
        .post(`/api/v1/tenants/${tenant.key}/probe/items`, JSON.stringify({ name: `bench-${n}` }), 201, {
          authorization: `Bearer ${tenant.token}`,
        })
        .then(() => undefined);
    });
  } finally {
    for (const connection of connections) connection.close();
  }
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function report(floors: LoadResult[], cmd: LoadResult | null): boolean {
  const rows = cmd ? [...floors, cmd] : floors;
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = [
    `${'load'.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'requests'.padStart(8)}  errors  ${'cpu µs/req'.padStart(10)}  ${'machine busy'.padStart(12)}`,
    ...rows.map((r) =>
      [
        r.name.padEnd(width),
        r.perSecond.toFixed(0).padStart(7),
        ms(r.p50).padStart(7),
        ms(r.p99).padStart(7),
        String(r.requests).padStart(8),
        String(r.errors).padStart(6),
        (Number.isFinite(r.cpuMicros) ? r.cpuMicros.toFixed(0) : 'n/a').padStart(10),
        (Number.isFinite(r.machineBusy) ? `${(100 * r.machineBusy).toFixed(0)} %` : 'n/a').padStart(12),
      ].join('  '),
    ),
    '(cpu µs/req: CPU time of this Node process — load generator, servers and clients — per request; PostgreSQL and',
    ' NATS server processes not included. machine busy: share of all cores busy in the window, every process included)',
  ];
  if (cmd) {
    lines.push(
      '',
      `target commands/s ≥ ${TARGETS.commandsPerSecond}: ${cmd.perSecond.toFixed(0)}  ${verdict(cmd.perSecond >= TARGETS.commandsPerSecond)}`,
      `target command p99 < ${TARGETS.p99Ms} ms: ${ms(cmd.p99)}  ${verdict(cmd.p99 < TARGETS.p99Ms)}`,
    );
  }
  if (cmd && floors.length > 0) {
    const floorSum = floors.reduce((sum, f) => sum + f.p50, 0);
    const ratio = cmd.p50 / floorSum;
    lines.push(
      `target ratio ≤ ${TARGETS.ratio}: ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}  ${verdict(ratio <= TARGETS.ratio)}` +
        ` (command p50 / sum of floor p50s ${ms(floorSum)} ms)`,
    );
  }
  console.log(lines.join('\n'));
  const failed = rows.filter((r) => r.errors > 0 || r.requests === 0);
  for (const r of failed)
    console.error(`${r.name}: ${r.errors} failed requests (first: ${r.firstError ?? 'none completed'})`);
  return failed.length === 0;
}

async function main(): Promise<number> {
  // Read lazily by the harness: this run's databases, Redis keys and subjects are its own.
  const started = performance.now();
  const loadAverage = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(
    `gateway bench: run ${testRunId()}, ${CONCURRENCY} in flight, warm-up ${WARMUP_MS} ms, ` +
      `${DURATION_MS} ms measured per load, command spread over ${TENANTS} tenants (one office user each)\n` +
      `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ` +
      `load average ${loadAverage()}` +
      (haltPollNs() === null ? '' : `, guest halt-poll ${haltPollNs()} ns (0: every wake-up exits to the hypervisor)`),
  );
  await ensureTemplateDatabase();
  let platform: Platform | null = null;
  try {
    // The probe in this process, as the e2e tests start it; BENCH_PROBE_PROCESS=own runs it in a process of its
    // own, as `npm start` and compose deploy services (on 2 cores it is no faster: see docs/performance.md).
    platform = await startPlatform(
      { LAUREL_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
      { probeInOwnProcess: benchConfig.BENCH_PROBE_PROCESS === 'own' },
    );
    const tenants = await seedTenants(platform);
    console.log(`set up in ${((performance.now() - started) / 1000).toFixed(1)} s; measuring…`);
    const floors = benchConfig.BENCH_LOADS.has('floors')
      ? [await floorHttp(), await floorNats(), await floorPostgres(platform.infra.databaseUrl)]
      : [];
    const cmd = benchConfig.BENCH_LOADS.has('command') ? await command(platform, tenants) : null;
    const ok = report(floors, cmd);
    console.log(`\nload average ${loadAverage()}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return ok ? 0 : 1;
  } finally {
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
