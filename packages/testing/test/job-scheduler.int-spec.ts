import { defineJob, JobScheduler, redisConnectionOptions, SystemClock } from '@laurel/platform';
import { Queue } from 'bullmq';
import pino from 'pino';
import { z } from 'zod';
import { testConfig } from '../src/test.config';
import { TestInfrastructure } from '../src/test-infrastructure';

const reminder = defineJob({
  queue: 'probe-reminders',
  name: 'item.remind',
  data: z.object({ itemId: z.string().min(1) }),
  jobId: (data) => `item:${data.itemId}:remind`,
});

/** Re-scheduling from the database: what one bad deadline or source must not stop. */
describe('JobScheduler re-scheduling', () => {
  let infra: TestInfrastructure;
  let sut: JobScheduler;
  let queue: Queue;
  const connection = () => redisConnectionOptions(testConfig.LAUREL_TEST_REDIS_URL);

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    queue = new Queue(reminder.queue, { connection: connection(), prefix: `${infra.prefix}:bull` });
  });
  afterAll(async () => {
    await sut?.stop();
    await queue?.close();
    await infra?.dispose();
  });

  it('schedules the good deadlines although a source and a deadline fail, and the service starts', async () => {
    sut = new JobScheduler(
      [reminder],
      connection(),
      `${infra.prefix}:bull`,
      new SystemClock(),
      pino({ level: 'silent' }),
    );
    sut.process(reminder, async () => undefined);
    const later = () => new Date(Date.now() + 3_600_000);
    sut.addDeadlineSource(async () => {
      throw new Error('the database is away');
    });
    sut.addDeadlineSource(async () => [
      { job: reminder, data: { itemId: '' }, runAt: later(), tenantId: null },
      { job: reminder, data: { itemId: 'good' }, runAt: later(), tenantId: null },
    ]);
    await expect(sut.start({ rescheduleEveryMs: 60_000 })).resolves.toBeUndefined();
    const job = await queue.getJob('item:good:remind');
    expect(await job?.getState()).toBe('delayed');
  });

  it('runs one pass at a time', async () => {
    const [first, second] = await Promise.all([sut.reschedule(), sut.reschedule()]);
    expect(first).toBe(1);
    expect(second).toBe(first);
  });

  it('leaves a committed deadline to re-scheduling when Redis cannot take it, and still refuses bad data', async () => {
    const away = new JobScheduler(
      [reminder],
      { host: '127.0.0.1', port: 1, maxRetriesPerRequest: null },
      `${infra.prefix}:away`,
      new SystemClock(),
      pino({ level: 'silent' }),
    );
    try {
      const started = Date.now();
      await expect(away.scheduleCommitted(reminder, { itemId: 'x' }, new Date())).resolves.toBe(false);
      expect(Date.now() - started).toBeLessThan(4000);
      await expect(away.scheduleCommitted(reminder, { itemId: '' }, new Date())).rejects.toThrow();
    } finally {
      await away.stop();
    }
  });
});
