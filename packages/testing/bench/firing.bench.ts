// `npm run bench:firing`: the whole country's deadlines falling due at one midnight on a rehearsal clock (issue 18).
// 100,000 deadlines due at the same instant, beside 100,000 held for later, each fired by a processor that does what a
// service's does in one round trip (marks its row fired in a transaction); the clock moves to that midnight and the
// time until the last has fired is the largest lag. Floor, in the same run: the same processor draining the same jobs
// from a plain BullMQ queue (added due, no clock, no holding). Target: no deadline fired more than 60 s late.
import { defineJob, JobScheduler, redisConnectionOptions, VirtualClock } from '@laurel/platform';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import pino from 'pino';
import { z } from 'zod';
import { ensureTemplateDatabase, TestInfrastructure, testConfig, testRunId } from '../src';
import { benchHeader, rate, runBench, seconds, timed } from './bench-run';

const DUE = Number(process.env.BENCH_DUE ?? 100_000);
const HELD = Number(process.env.BENCH_HELD ?? 100_000);
const TARGET_MS = 60_000;
const MIDNIGHT = new Date('2027-03-31T16:00:00.000Z');
const START = new Date('2027-03-01T01:00:00.000Z');

const deadline = defineJob({
  queue: 'bench-firing',
  name: 'duty.reminder',
  data: z.object({ reminderId: z.string().min(1) }),
  jobId: (data) => `reminder:${data.reminderId}:due`,
});

async function main(): Promise<number> {
  testRunId();
  await ensureTemplateDatabase();
  const infra = await TestInfrastructure.create();
  const pool = new pg.Pool({ connectionString: infra.databaseUrl, max: 10 });
  const connection = redisConnectionOptions(testConfig.LAUREL_TEST_REDIS_URL);
  const prefix = `${infra.prefix}:bull`;
  const clock = new VirtualClock(START);
  clock.set(START);
  const scheduler = new JobScheduler(
    [deadline],
    connection,
    prefix,
    clock,
    pino({ level: process.env.BENCH_LOG ?? 'silent' }),
  );
  console.log(
    `${benchHeader('firing bench')}\n${DUE} deadlines due at ${MIDNIGHT.toISOString()}, ${HELD} held for the year after`,
  );
  // What a service's processor does with a deadline: re-reads its row and marks it fired, in one transaction.
  const fire = async (id: string) => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('UPDATE bench_reminder SET fired = fired + 1 WHERE id = $1', [id]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
  };
  try {
    await pool.query(
      `CREATE TABLE bench_reminder (id text PRIMARY KEY, tenant_id uuid NOT NULL, due_at timestamptz NOT NULL,
         fired int NOT NULL DEFAULT 0);
       INSERT INTO bench_reminder
       SELECT 'd' || i, gen_random_uuid(), '${MIDNIGHT.toISOString()}' FROM generate_series(1, ${DUE}) AS i;
       INSERT INTO bench_reminder
       SELECT 'h' || i, gen_random_uuid(), '${MIDNIGHT.toISOString()}'::timestamptz + (1 + i % 365) * interval '1 day'
       FROM generate_series(1, ${HELD}) AS i`,
    );
    const open = async () =>
      (
        await pool.query<{ id: string; tenant_id: string; due_at: Date }>(
          'SELECT id, tenant_id, due_at FROM bench_reminder WHERE fired = 0',
        )
      ).rows;

    // Floor: the same processor draining the due jobs from a plain queue, added due.
    const plain = new Queue('bench-plain', { connection, prefix });
    const due = (await open()).filter((row) => row.id.startsWith('d'));
    for (let i = 0; i < due.length; i += 1000) {
      await plain.addBulk(
        due
          .slice(i, i + 1000)
          .map((row) => ({ name: 'plain', data: { id: row.id }, opts: { removeOnComplete: true } })),
      );
    }
    let drained = 0;
    let allDrained: () => void = () => undefined;
    const floorDone = new Promise<void>((resolve) => {
      allDrained = resolve;
    });
    const [worker, floorMs] = await timed(async () => {
      const draining = new Worker(
        'bench-plain',
        async (job) => {
          await fire(job.data.id as string);
          drained += 1;
          if (drained === due.length) allDrained();
        },
        { connection, prefix, concurrency: 8 },
      );
      await floorDone;
      return draining;
    });
    await worker.close();
    await plain.close();
    await pool.query('UPDATE bench_reminder SET fired = 0');
    console.log(
      `floor: the processor alone, ${due.length} jobs from a plain queue (concurrency 8): ${seconds(floorMs)} (${rate(due.length, floorMs)})`,
    );

    scheduler.process(deadline, (data) => fire(data.reminderId));
    scheduler.addDeadlineSource(async () =>
      (await open()).map((row) => ({
        job: deadline,
        data: { reminderId: row.id },
        runAt: row.due_at,
        tenantId: row.tenant_id,
      })),
    );
    const [, startMs] = await timed(() => scheduler.start({ rescheduleEveryMs: 24 * 3600_000 }));
    const queue = new Queue(deadline.queue, { connection, prefix });
    const held = await queue.getDelayedCount();
    await queue.close();
    console.log(`the service started: ${held} of ${DUE + HELD} deadlines held, in ${seconds(startMs)}`);

    const [checked, quickMs] = await timed(() => scheduler.reschedule('quick'));
    console.log(`a move's quick pass over the ${checked} open deadlines (the held index trusted): ${seconds(quickMs)}`);

    clock.set(MIDNIGHT);
    const [result, lagMs] = await timed(() => scheduler.fireDue({ timeoutMs: 30 * 60_000 }));
    const counts = (
      await pool.query<{ due_fired: string; held_fired: string; twice: string }>(
        `SELECT count(*) FILTER (WHERE id LIKE 'd%' AND fired = 1) AS due_fired,
                count(*) FILTER (WHERE id LIKE 'h%' AND fired > 0) AS held_fired,
                count(*) FILTER (WHERE fired > 1) AS twice FROM bench_reminder`,
      )
    ).rows[0];
    const ok =
      result.fired === DUE &&
      Number(counts?.due_fired) === DUE &&
      Number(counts?.held_fired) === 0 &&
      Number(counts?.twice) === 0 &&
      lagMs <= TARGET_MS;
    console.log(
      `the clock reached the midnight: ${result.fired} fired (${counts?.due_fired} rows marked once, ${counts?.twice} twice, ` +
        `${counts?.held_fired} held ones early), the last ${seconds(lagMs)} after (${rate(result.fired, lagMs)}); ` +
        `next held ${result.next?.toISOString() ?? 'none'} | target ≤ 60 s late, every one once: ${ok ? 'PASS' : 'FAIL'}`,
    );
    return ok ? 0 : 1;
  } finally {
    await scheduler.stop();
    await pool.end();
    await infra.dispose();
  }
}

runBench(main);
