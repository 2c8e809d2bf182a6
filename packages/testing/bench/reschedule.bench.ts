// `npm run bench:reschedule`: Redis loses every job while 100,000 deadlines are open (issue 18); how long re-scheduling
// them from the database takes, next to floors measured in the same run: the same rows read with a bare SELECT, and the
// same jobs added with BullMQ's `addBulk` alone (no reading, no checks). Also a pass with nothing to do (the periodic
// pass on a healthy Redis), and the one-job-at-a-time path (`schedule`) on a sample, as a pass did before batches.
// Target: re-scheduling 100,000 under 60 s.
import { performance } from 'node:perf_hooks';
import { defineJob, JobScheduler, redisConnectionOptions, SystemClock } from '@laurel/platform';
import { Queue } from 'bullmq';
import pg from 'pg';
import pino from 'pino';
import { z } from 'zod';
import { ensureTemplateDatabase, TestInfrastructure, testConfig, testRunId } from '../src';
import { benchHeader, rate, runBench, seconds, timed } from './bench-run';

const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 100_000);
const SAMPLE = Math.min(DEADLINES, Number(process.env.BENCH_SAMPLE ?? 5000));
const TARGET_MS = 60_000;

const deadline = defineJob({
  queue: 'bench-deadlines',
  name: 'notice.close',
  data: z.object({ noticeId: z.string().min(1) }),
  jobId: (data) => `notice:${data.noticeId}:close`,
});

async function main(): Promise<number> {
  testRunId();
  await ensureTemplateDatabase();
  const infra = await TestInfrastructure.create();
  const db = new pg.Client({ connectionString: infra.databaseUrl });
  await db.connect();
  const connection = redisConnectionOptions(testConfig.LAUREL_TEST_REDIS_URL);
  const prefix = `${infra.prefix}:bull`;
  const queue = new Queue(deadline.queue, { connection, prefix });
  const scheduler = new JobScheduler([deadline], connection, prefix, new SystemClock(), pino({ level: 'silent' }));
  console.log(benchHeader('reschedule bench'));
  try {
    // The open deadlines as a service keeps them: rows with a run time and a tenant, spread over the coming month.
    await db.query(
      `CREATE TABLE bench_deadline (id text PRIMARY KEY, tenant_id uuid NOT NULL, run_at timestamptz NOT NULL);
       INSERT INTO bench_deadline
       SELECT 'n' || i, gen_random_uuid(), now() + interval '1 hour' + (i % 43200) * interval '1 minute'
       FROM generate_series(1, ${DEADLINES}) AS i`,
    );
    const read = async () =>
      (
        await db.query<{ id: string; tenant_id: string; run_at: Date }>(
          'SELECT id, tenant_id, run_at FROM bench_deadline',
        )
      ).rows;
    scheduler.process(deadline, async () => undefined);
    scheduler.addDeadlineSource(async () =>
      (await read()).map((row) => ({
        job: deadline,
        data: { noticeId: row.id },
        runAt: row.run_at,
        tenantId: row.tenant_id,
      })),
    );
    await scheduler.start({ rescheduleEveryMs: 24 * 3600_000 });
    console.log(`${await queue.getDelayedCount()} jobs delayed after the service started`);

    const [, readMs] = await timed(read);
    await infra.flushRedis();
    const rows = await read();
    const [, bulkMs] = await timed(async () => {
      for (let i = 0; i < rows.length; i += 1000) {
        await queue.addBulk(
          rows.slice(i, i + 1000).map((row) => ({
            name: deadline.name,
            data: { tenantId: row.tenant_id, data: { noticeId: row.id }, runAt: row.run_at.getTime() },
            opts: { jobId: `notice:${row.id}:close`, delay: row.run_at.getTime() - Date.now(), removeOnComplete: true },
          })),
        );
      }
    });
    console.log(`floor: the ${DEADLINES} rows read with a bare SELECT: ${seconds(readMs)}`);
    console.log(`floor: the same ${DEADLINES} jobs added with addBulk alone (1,000 a call): ${seconds(bulkMs)}`);

    const flushed = await infra.flushRedis();
    const [count, rescheduleMs] = await timed(() => scheduler.reschedule());
    const delayed = await queue.getDelayedCount();
    const ok = count === DEADLINES && delayed === DEADLINES && rescheduleMs < TARGET_MS;
    console.log(
      `Redis flushed (${flushed} keys); re-scheduling ${count} deadlines from the database: ${seconds(rescheduleMs)} ` +
        `(${rate(count, rescheduleMs)}), ${delayed} delayed after | target < 60 s, every one back: ${ok ? 'PASS' : 'FAIL'}`,
    );
    const [again, idleMs] = await timed(() => scheduler.reschedule());
    console.log(`a pass with nothing to do (${again} deadlines, all on time): ${seconds(idleMs)}`);

    await infra.flushRedis();
    const sample = rows.slice(0, SAMPLE);
    const [, oneByOneMs] = await timed(async () => {
      for (const row of sample) await scheduler.schedule(deadline, { noticeId: row.id }, row.run_at, row.tenant_id);
    });
    console.log(
      `one job at a time (schedule, as a pass did before batches), ${SAMPLE} after a flush: ${seconds(oneByOneMs)} ` +
        `(${rate(SAMPLE, oneByOneMs)}; ${seconds((oneByOneMs / SAMPLE) * DEADLINES)} for ${DEADLINES} at that rate)`,
    );
    return ok ? 0 : 1;
  } finally {
    await scheduler.stop();
    await queue.close();
    await db.end();
    await infra.dispose();
  }
}

runBench(main);
