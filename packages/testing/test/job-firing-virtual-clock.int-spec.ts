import { defineJob, JobScheduler, redisConnectionOptions, VirtualClock } from '@laurel/platform';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { z } from 'zod';
import { testConfig } from '../src/test.config';
import { TestInfrastructure } from '../src/test-infrastructure';

const reminder = defineJob({
  queue: 'probe-firing',
  name: 'item.remind',
  data: z.object({ itemId: z.string().min(1) }),
  jobId: (data) => `item:${data.itemId}:remind`,
});

const START = Date.parse('2027-03-01T00:00:00.000Z');
const MIDNIGHT = Date.parse('2027-03-31T16:00:00.000Z');
const DAY = 24 * 3600_000;
/** 1,500 due at one midnight (more than one chunk of promotions), 600 held for the days after. */
const DUE = 1500;
const LATER = 600;

/**
 * Firing on a rehearsal clock: held jobs found by their run time (the queue's held index), every one due fired once
 * at its time and none early, however many are held for later; the index rebuilt after Redis is lost.
 */
describe('JobScheduler firing on a virtual clock', () => {
  let infra: TestInfrastructure;
  let clock: VirtualClock;
  let sut: JobScheduler;
  let queue: Queue;
  let redis: Redis;
  const fired = new Map<string, number>();
  const open = new Map<string, number>();
  let failOnce = new Set<string>();
  const prefix = () => `${infra.prefix}:firing`;

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    const connection = redisConnectionOptions(testConfig.LAUREL_TEST_REDIS_URL);
    queue = new Queue(reminder.queue, { connection, prefix: prefix() });
    redis = new Redis(testConfig.LAUREL_TEST_REDIS_URL);
    for (let i = 0; i < DUE; i += 1) open.set(`d${i}`, MIDNIGHT);
    for (let i = 0; i < LATER; i += 1) open.set(`l${i}`, MIDNIGHT + (1 + (i % 3)) * DAY);
    clock = new VirtualClock(new Date(START));
    clock.set(new Date(START));
    sut = new JobScheduler([reminder], connection, prefix(), clock, pino({ level: 'silent' }));
    sut.process(reminder, async ({ itemId }) => {
      if (failOnce.delete(itemId)) throw new Error('a failed attempt');
      fired.set(itemId, (fired.get(itemId) ?? 0) + 1);
      open.delete(itemId);
    });
    sut.addDeadlineSource(async () =>
      [...open].map(([itemId, runAt]) => ({
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

  const heldIndex = () => `${prefix()}:${reminder.queue}:laurel-held`;

  it('holds every deadline, indexed by its run time on the clock', async () => {
    expect(await queue.getDelayedCount()).toBe(DUE + LATER);
    expect(await redis.zcard(heldIndex())).toBe(DUE + LATER);
    expect(Number(await redis.zscore(heldIndex(), 'item:l1:remind'))).toBe(MIDNIGHT + 2 * DAY);
  });

  it('fires nothing before its time, and answers the next run time', async () => {
    clock.set(new Date(MIDNIGHT - 1));
    const result = await sut.fireDue();
    expect(result).toEqual({ fired: 0, next: new Date(MIDNIGHT) });
    expect(fired.size).toBe(0);
  });

  it('fires every job due at the midnight once, none of the later ones, and waits out a failed attempt', async () => {
    failOnce = new Set(['d7', 'd1200']);
    clock.set(new Date(MIDNIGHT));
    const result = await sut.fireDue();
    expect(result.next).toEqual(new Date(MIDNIGHT + DAY));
    expect(fired.size).toBe(DUE);
    expect([...fired.values()].every((times) => times === 1)).toBe(true);
    expect([...fired.keys()].some((id) => id.startsWith('l'))).toBe(false);
    expect(failOnce.size).toBe(0);
    expect(await redis.zcard(heldIndex())).toBe(LATER);
  });

  it('rebuilds the index with the jobs after Redis is lost, and fires the next day on time', async () => {
    await infra.flushRedis();
    clock.set(new Date(MIDNIGHT + DAY));
    const result = await sut.fireDue();
    expect(result.next).toEqual(new Date(MIDNIGHT + 2 * DAY));
    expect(fired.size).toBe(DUE + LATER / 3);
    expect([...fired.values()].every((times) => times === 1)).toBe(true);
    expect(await redis.zcard(heldIndex())).toBe((2 * LATER) / 3);
  });

  it('moves a held job to a later time without firing it early, and forgets a cancelled one', async () => {
    await sut.schedule(reminder, { itemId: 'l1' }, new Date(MIDNIGHT + 5 * DAY), 'tenant-a');
    open.set('l1', MIDNIGHT + 5 * DAY);
    await sut.cancel(reminder, { itemId: 'l2' });
    open.delete('l2');
    clock.set(new Date(MIDNIGHT + 3 * DAY));
    const result = await sut.fireDue();
    expect(fired.has('l1')).toBe(false);
    expect(fired.has('l2')).toBe(false);
    expect(result.next).toEqual(new Date(MIDNIGHT + 5 * DAY));
    expect(await redis.zrange(heldIndex(), '0', '-1')).toEqual(['item:l1:remind']);
    expect(fired.size).toBe(DUE + LATER - 2);
  });

  it('puts back a job that vanished from BullMQ while still indexed, and fires it at its time', async () => {
    await (await queue.getJob('item:l1:remind'))?.remove();
    expect(await redis.zscore(heldIndex(), 'item:l1:remind')).not.toBeNull();
    clock.set(new Date(MIDNIGHT + 5 * DAY));
    const result = await sut.fireDue();
    expect(result).toEqual({ fired: 1, next: null });
    expect(fired.get('l1')).toBe(1);
    expect(await redis.zcard(heldIndex())).toBe(0);
  });
});
