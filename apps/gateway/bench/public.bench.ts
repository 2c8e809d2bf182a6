// `npm run bench:public`: the public notice reads (the list, a notice through the API, the notice's HTML page) next to
// their floor, a bare Fastify route answering the same notice's JSON in this same process setup (ADR 0020).
//
// The platform (gateway in this process, awards, objections and applications services in-process too, as the tests run
// them) is started with one tenant and one open notice; a load generator in a process of its own (load-generator.ts)
// keeps BENCH_CONCURRENCY GETs in flight for a warm-up and a measured window. Printed: requests/s, p50, p99, the ratio
// of each p50 to the floor's, the machine's load; judged against ≥ 5,000 notice reads/s and p99 < 20 ms.
import { type ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { dropRunDatabases, ensureTemplateDatabase, TestClock } from '@laurel/testing';
import Fastify from 'fastify';
import { startApplicationsPlatform } from '../test/applications.util';
import { benchConfig } from './bench.config';
import type { LoopResult } from './closed-loop.util';
import type { LoadJob, LoadMessage } from './load-generator';
import { busyShare, machineCpu } from './machine.util';

const TARGET = { perSecond: 5000, p99Ms: 20 };

function runLoad(generator: ChildProcess, job: LoadJob): Promise<LoopResult & { machineBusy: number }> {
  return new Promise((resolve, reject) => {
    let from = machineCpu();
    let until = machineCpu();
    const onMessage = (message: LoadMessage) => {
      if (message.type === 'window-start') from = machineCpu();
      else if (message.type === 'window-end') until = machineCpu();
      else if (message.type === 'result') {
        generator.off('message', onMessage);
        resolve({ ...message.result, machineBusy: busyShare(from, until) });
      }
    };
    generator.on('message', onMessage);
    generator.once('exit', (code) => reject(new Error(`the load generator exited (${code})`)));
    generator.send(job);
  });
}

async function main(): Promise<number> {
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const { BENCH_CONCURRENCY: concurrency, BENCH_WARMUP_MS: warmupMs, BENCH_DURATION_MS: durationMs } = benchConfig;
  console.log(
    `public bench: ${new Date().toISOString()}, ${concurrency} in flight, warm-up ${warmupMs} ms, ${durationMs} ms measured\n` +
      `machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${load()}`,
  );
  const clock = new TestClock(new Date().toISOString());
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  await ensureTemplateDatabase();
  // One address sends every request here: the per-address limit of the public routes is lifted (it is still checked).
  const sut = await startApplicationsPlatform({
    clock,
    tenants: ['ili'],
    gatewayEnv: { LAUREL_PUBLIC_RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  const floor = Fastify({ logger: false });
  let generator: ChildProcess | null = null;
  try {
    const office = (await sut.addUser('ili', 'ili-office', ['office'])).token;
    // The objections service copies the tenant's notice rules from the awards policy event (no jest here to wait).
    for (let i = 0; ; i++) {
      if ((await sut.call('GET', '/api/v1/tenants/ili/objection-rules', { token: office })).status === 200) break;
      if (i > 150) throw new Error('the objection rules never arrived');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const opened = await sut.call('POST', '/api/v1/tenants/ili/notices', {
      token: office,
      body: {
        stage: 'proposed_winners',
        title: '第一届伊犁州质量奖拟授奖名单公示',
        publishedOn: today,
        entries: Array.from({ length: 10 }, (_, i) => ({
          subjectKind: 'organisation',
          subjectId: `bench-${i}`,
          subjectName: `伊犁示范企业${i}有限公司`,
          proposal: '拟授予质量奖',
        })),
      },
    });
    if (opened.status !== 201) throw new Error(`notice: ${opened.status} ${JSON.stringify(opened.body)}`);
    const id = opened.body.id as string;
    const notice = JSON.stringify((await sut.call('GET', `/api/v1/public/ili/notices/${id}`)).body);
    floor.get('/floor', async (_request, reply) => reply.type('application/json; charset=utf-8').send(notice));
    await floor.listen({ host: '127.0.0.1', port: 0 });
    const address = floor.server.address();
    const floorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    generator = fork(path.join(__dirname, 'load-generator.ts'), [], {
      execArgv: ['-r', path.resolve(__dirname, '../../../infra/swc-register.js'), '--max-semi-space-size=64'],
      serialization: 'advanced',
      stdio: 'inherit',
    });
    await new Promise<void>((resolve) => generator?.once('message', () => resolve()));
    const loads: [string, string, string][] = [
      ['floor: bare Fastify, same JSON', floorUrl, '/floor'],
      ['notice list (API)', sut.gateway.url, '/api/v1/public/ili/notices'],
      ['a notice (API)', sut.gateway.url, `/api/v1/public/ili/notices/${id}`],
      ['a notice (HTML page)', sut.gateway.url, `/p/ili/notices/${id}`],
    ];
    const rows: { name: string; result: LoopResult & { machineBusy: number } }[] = [];
    for (const [name, url, route] of loads) {
      const result = await runLoad(generator, { kind: 'get', url, path: route, concurrency, warmupMs, durationMs });
      rows.push({ name, result });
    }
    const floorP50 = rows[0]?.result.p50 ?? Number.NaN;
    const width = Math.max(...rows.map((r) => r.name.length));
    console.log(
      `\n${'load'.padEnd(width)}  ${'req/s'.padStart(7)}  ${'p50 ms'.padStart(7)}  ${'p99 ms'.padStart(7)}  ${'×floor'.padStart(6)}  errors  machine busy`,
    );
    for (const { name, result } of rows) {
      console.log(
        [
          name.padEnd(width),
          result.perSecond.toFixed(0).padStart(7),
          result.p50.toFixed(2).padStart(7),
          result.p99.toFixed(2).padStart(7),
          (result.p50 / floorP50).toFixed(2).padStart(6),
          String(result.errors).padStart(6),
          `${(100 * result.machineBusy).toFixed(0)} %`.padStart(12),
        ].join('  ') + (result.firstError ? `  first error: ${result.firstError}` : ''),
      );
    }
    const reads = rows.slice(1, 3);
    const ok = reads.every((r) => r.result.perSecond >= TARGET.perSecond && r.result.p99 < TARGET.p99Ms);
    console.log(
      `\ntarget (notice reads through the API): ≥ ${TARGET.perSecond} reads/s and p99 < ${TARGET.p99Ms} ms: ${ok ? 'PASS' : 'FAIL'}` +
        `\nload average after: ${load()}`,
    );
    return rows.some((r) => r.result.errors > 0) ? 1 : 0;
  } finally {
    generator?.kill();
    await floor.close();
    await sut.close();
    await dropRunDatabases().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
