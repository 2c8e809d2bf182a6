// The bench's load generator, in a process of its own (forked by gateway.bench.ts), so that the CPU the bench
// process uses is the gateway's alone. It runs one load per message and reports when its measured window opens and
// closes, so the parent reads every process's CPU over the same window.
import { connect } from '@nats-io/transport-node';
import { Client } from 'pg';
import { BenchConnection, REQUEST_TIMEOUT_MS } from './bench-connection.util';
import { closedLoop, type LoopResult } from './closed-loop.util';
import { type FloorEnds, floorClient } from './round-trip-floor';

export type LoadJob = { concurrency: number; warmupMs: number; durationMs: number } & (
  | { kind: 'command'; url: string; tenants: { key: string; token: string }[] }
  | { kind: 'floor'; ends: FloorEnds }
  | { kind: 'http'; url: string }
  | { kind: 'get'; url: string; path: string }
  | { kind: 'nats'; natsUrl: string; subject: string }
  | { kind: 'pg-insert'; databaseUrl: string }
);

export type LoadMessage =
  | { type: 'ready' }
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'result'; result: LoopResult };

type Op = { call: (worker: number, n: number) => Promise<void>; close: () => Promise<void> };

const connections = (url: string, count: number) =>
  Promise.all(Array.from({ length: count }, () => BenchConnection.open(new URL(url))));

async function opFor(job: LoadJob): Promise<Op> {
  switch (job.kind) {
    case 'command': {
      const http = await connections(job.url, job.concurrency);
      return {
        call: async (w, n) => {
          const tenant = job.tenants[w % job.tenants.length] as { key: string; token: string };
          await (http[w] as BenchConnection).post(
            `/api/v1/tenants/${tenant.key}/probe/items`,
            JSON.stringify({ name: `bench-${n}` }),
            201,
            { authorization: `Bearer ${tenant.token}` },
          );
        },
        close: async () => {
          for (const c of http) c.close();
        },
      };
    }
    case 'floor':
      return floorClient(job.ends, job.concurrency);
    case 'get': {
      const http = await connections(job.url, job.concurrency);
      return {
        call: async (w) => {
          await (http[w] as BenchConnection).get(job.path, 200);
        },
        close: async () => {
          for (const c of http) c.close();
        },
      };
    }
    case 'http': {
      const http = await connections(job.url, job.concurrency);
      return {
        call: async (w, n) => {
          await (http[w] as BenchConnection).post('/ok', JSON.stringify({ name: `bench-${n}` }), 200);
        },
        close: async () => {
          for (const c of http) c.close();
        },
      };
    }
    case 'nats': {
      const nc = await connect({ servers: job.natsUrl, name: 'bench-requester' });
      return {
        call: async (_w, n) => {
          const payload = JSON.stringify({ pattern: 'bench.echo', data: { name: `bench-${n}` }, id: String(n) });
          (await nc.request(job.subject, payload, { timeout: REQUEST_TIMEOUT_MS })).json();
        },
        close: () => nc.close(),
      };
    }
    case 'pg-insert': {
      // One connection per request in flight: the floor is the commit itself, not a wait for a connection.
      const clients = Array.from({ length: job.concurrency }, () => new Client({ connectionString: job.databaseUrl }));
      await Promise.all(clients.map((c) => c.connect()));
      return {
        call: async (w, n) => {
          await (clients[w] as Client).query('INSERT INTO bench_floor (name) VALUES ($1)', [`bench-${n}`]);
        },
        close: async () => {
          await Promise.allSettled(clients.map((c) => c.end()));
        },
      };
    }
  }
}

const send = (message: LoadMessage) => process.send?.(message);

process.on('message', (job: LoadJob) => {
  (async () => {
    const op = await opFor(job);
    try {
      const result = await closedLoop(
        {
          concurrency: job.concurrency,
          warmupMs: job.warmupMs,
          durationMs: job.durationMs,
          onWindowStart: () => send({ type: 'window-start' }),
          onWindowEnd: () => send({ type: 'window-end' }),
        },
        op.call,
      );
      send({ type: 'result', result });
    } finally {
      await op.close();
    }
  })().catch((error: unknown) => {
    console.error('load generator:', error);
    process.exit(1);
  });
});

// Loaded and listening: the parent starts measuring only now (loading this file compiles TypeScript).
send({ type: 'ready' });
