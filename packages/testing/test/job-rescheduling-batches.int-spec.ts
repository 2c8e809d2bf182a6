import { defineJob, JobScheduler, redisConnectionOptions, SystemClock } from '@laurel/platform';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { z } from 'zod';
import { testConfig } from '../src/test.config';
import { TestInfrastructure } from '../src/test-infrastructure';

const reminder = defineJob({
  queue: 'probe-batches',
  name: 'item.remind',
  data: z.object({ itemId: z.string().min(1) }),
  jobId: (data) => `item:${data.itemId}:remind`,
});

/** 2,500 deadlines: more than two batches of re-scheduling. */
const COUNT = 2500;

/** Re-scheduling in batches: Redis rebuilt from the database after a flush, and a pass that has nothing to do. */
describe('JobScheduler re-scheduling in batches', () => {
  let infra: TestInfrastructure;
  let sut: JobScheduler;
  let queue: Queue;
  let redis: Redis;
  const prefix = () => `${infra.prefix}:batches`;
  const hourFromNow = Date.now() + 3_600_000;
  const runAts = new Map<string, number>();
  for (let i = 0; i < COUNT; i += 1) runAts.set(`n${i}`, hourFromNow + i * 1000);

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    const connection = redisConnectionOptions(testConfig.LAUREL_TEST_REDIS_URL);
    queue = new Queue(reminder.queue, { connection, prefix: prefix() });
    redis = new Redis(testConfig.LAUREL_TEST_REDIS_URL);
    sut = new JobScheduler([reminder], connection, prefix(), new SystemClock(), pino({ level: 'silent' }));
    sut.process(reminder, async () => undefined);
    sut.addDeadlineSource(async () =>
      [...runAts].map(([itemId, runAt]) => ({
        job: reminder,
        data: { itemId },
        runAt: new Date(runAt),
        tenantId: 'tenant-a',
      })),
    );
    await sut.start({ rescheduleEveryMs: 3_600_000 });
  });
  afterAll(async () => {
    await sut?.stop();
    await queue?.close();
    redis?.disconnect();
    await infra?.dispose();
  });

  /** When BullMQ will fire a delayed job (real ms): its score in the delayed set over 0x1000. */
  async function firesAt(jobId: string): Promise<number> {
    const score = await redis.zscore(`${prefix()}:${reminder.queue}:delayed`, jobId);
    return Math.floor(Number(score) / 0x1000);
  }

  /** Every job held in the delayed set, with the run time and tenant its deadline has. */
  async function expectAllDelayedOnTime(): Promise<void> {
    expect(await queue.getDelayedCount()).toBe(COUNT);
    for (const itemId of ['n0', 'n1234', `n${COUNT - 1}`]) {
      const job = await queue.getJob(`item:${itemId}:remind`);
      expect(job?.data).toMatchObject({ tenantId: 'tenant-a', data: { itemId }, runAt: runAts.get(itemId) });
      expect(Math.abs((await firesAt(`item:${itemId}:remind`)) - (runAts.get(itemId) ?? 0))).toBeLessThan(1500);
    }
  }

  it('schedules every deadline at start', async () => {
    await expectAllDelayedOnTime();
  });

  it('rebuilds every job from the database after the run’s Redis keys are flushed', async () => {
    const keys = await redis.keys(`${prefix()}:*`);
    expect(keys.length).toBeGreaterThan(COUNT);
    await redis.del(...keys);
    expect(await queue.getDelayedCount()).toBe(0);
    await expect(sut.reschedule()).resolves.toBe(COUNT);
    await expectAllDelayedOnTime();
  });

  it('leaves jobs already on time alone, and moves one whose deadline moved', async () => {
    const untouched = await queue.getJob('item:n5:remind');
    runAts.set('n7', hourFromNow + 7_200_000);
    await expect(sut.reschedule()).resolves.toBe(COUNT);
    const moved = await queue.getJob('item:n7:remind');
    expect(moved?.data.runAt).toBe(hourFromNow + 7_200_000);
    expect(Math.abs((await firesAt('item:n7:remind')) - (hourFromNow + 7_200_000))).toBeLessThan(1500);
    const again = await queue.getJob('item:n5:remind');
    expect(again?.delay).toBe(untouched?.delay);
    await expectAllDelayedOnTime();
  });

  it('runs a deadline that has come at once, and adds back a job that was removed', async () => {
    runAts.set('n9', Date.now() - 1000);
    await (await queue.getJob('item:n11:remind'))?.remove();
    await expect(sut.reschedule()).resolves.toBe(COUNT);
    expect(await queue.getJob('item:n11:remind')).toBeDefined();
    for (let i = 0; i < 100 && (await queue.getJob('item:n9:remind')); i += 1)
      await new Promise((r) => setTimeout(r, 50));
    expect(await queue.getJob('item:n9:remind')).toBeUndefined();
  });
});
