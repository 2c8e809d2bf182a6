import { randomUUID } from 'node:crypto';
import { bootstrapService, defineJob, type RunningService } from '@laurel/platform';
import { TestClock } from '@laurel/testing';
import { z } from 'zod';
import { createItem, getDeadline, scheduleDeadline } from '../fixtures/probe/src/probe.contracts';
import { deadlineDue } from '../fixtures/probe/src/probe.jobs';
import { probeService } from '../fixtures/probe/src/probe.service-definition';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { eventually } from '../src/eventually.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

const DAY = 24 * 60 * 60 * 1000;

/** Deadlines live in the database; BullMQ jobs only carry ids and are rebuilt from the database. */
describe('deadlines: BullMQ jobs re-scheduled from the database', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const context = asTenant(randomUUID());

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startProbe(infra, { consumers: false, clock });
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  const schedule = async (dueAt: Date) => {
    const item = await sut.runtime.client.request(createItem, { name: 'with a deadline' }, { context });
    return sut.runtime.client.request(scheduleDeadline, { itemId: item.id, dueAt: dueAt.toISOString() }, { context });
  };
  const firedAt = async (id: string) => (await sut.runtime.client.request(getDeadline, { id }, { context })).firedAt;

  it('fires when the clock reaches it, not before', async () => {
    const deadline = await schedule(new Date(clock.now().getTime() + 3 * DAY));
    await sut.runtime.jobs.reschedule();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await firedAt(deadline.id)).toBeNull();

    await clock.advance(3 * DAY + 1000);
    await sut.runtime.jobs.reschedule();
    await eventually(async () => expect(await firedAt(deadline.id)).not.toBeNull());
  });

  it('still fires after Redis lost every job (re-scheduled from the database)', async () => {
    const deadline = await schedule(new Date(clock.now().getTime() + 2 * DAY));
    expect(await infra.flushRedis()).toBeGreaterThan(0);

    await clock.advance(2 * DAY + 1000);
    // What a restart or the periodic pass does: rebuild the queue from the open deadlines in the database.
    expect(await sut.runtime.jobs.reschedule()).toBeGreaterThanOrEqual(1);
    await eventually(async () => expect(await firedAt(deadline.id)).not.toBeNull());
  });

  it('re-schedules from the database as soon as Redis is back after losing its connection', async () => {
    const deadline = await schedule(new Date(clock.now().getTime() + 2 * DAY));
    expect(await infra.flushRedis()).toBeGreaterThan(0);
    // BullMQ keeps a job under <prefix>:<queue>:<job id>.
    const jobKey = `${infra.prefix}:bull:${deadlineDue.queue}:${deadlineDue.jobId({ deadlineId: deadline.id })}`;
    expect(await sut.runtime.redis.exists(jobKey)).toBe(0);
    // What ioredis reports when a restarted Redis (which keeps nothing) accepts the connection again.
    sut.runtime.redis.emit('ready');
    await eventually(async () => expect(await sut.runtime.redis.exists(jobKey)).toBe(1));
    // The job carries a real delay; moving the test clock re-times it, as in the first test.
    await clock.advance(2 * DAY + 1000);
    await sut.runtime.jobs.reschedule();
    await eventually(async () => expect(await firedAt(deadline.id)).not.toBeNull());
  });

  it('scheduling the same deadline twice runs it once (deterministic job ids)', async () => {
    const deadline = await schedule(new Date(clock.now().getTime() + DAY));
    await sut.runtime.jobs.reschedule();
    await sut.runtime.jobs.reschedule();
    await clock.advance(DAY + 1000);
    await sut.runtime.jobs.reschedule();
    await eventually(async () => expect(await firedAt(deadline.id)).not.toBeNull());
    const fired = await sut.runtime.database.system.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'deadline.fire' AND target_id = $1`,
      deadline.id,
    );
    expect(fired[0]?.n).toBe(1);
  });

  it('a service with a declared job but no processor refuses to start', async () => {
    const orphan = defineJob({
      queue: 'probe-orphans',
      name: 'orphan.due',
      data: z.object({ id: z.string() }),
      jobId: (d) => `orphan:${d.id}:due`,
    });
    const definition = probeService({ consumers: false });
    await expect(
      bootstrapService({ ...definition, jobs: [...(definition.jobs ?? []), orphan] }, { env: infra.env() }),
    ).rejects.toThrow(/probe-orphans\/orphan.due/);
  });
});
