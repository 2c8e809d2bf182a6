import { randomUUID } from 'node:crypto';
import type { ClockFollower, RunningService, VirtualClock } from '@laurel/platform';
import { createItem, getDeadline, scheduleDeadline } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { eventually } from '../src/eventually.util';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

const START = '2026-09-28T02:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(START) + offsetMs);

/**
 * Jobs on a virtual clock (LAUREL_CLOCK=virtual): held until the clock is known and a move reaches them, never fired by
 * BullMQ's real-time delay; a step fires what is due and answers the next held job's time.
 */
describe('jobs on a virtual clock', () => {
  let infra: TestInfrastructure;
  let sut: RunningService<PrismaClient>;
  let follower: ClockFollower;
  const context = asTenant(randomUUID());

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    // No gateway in this file: the clock stays unknown until the test applies a step, as the gateway would.
    sut = await startProbe(infra, {
      consumers: false,
      env: { LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: START },
    });
    follower = sut.runtime.clockFollower as ClockFollower;
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  const schedule = async (dueAt: Date) => {
    const item = await sut.runtime.client.request(createItem, { name: 'rehearsed' }, { context });
    return sut.runtime.client.request(scheduleDeadline, { itemId: item.id, dueAt: dueAt.toISOString() }, { context });
  };
  const firedAt = async (id: string) => (await sut.runtime.client.request(getDeadline, { id }, { context })).firedAt;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('holds every job until the shared time is known', async () => {
    expect((sut.runtime.clock as VirtualClock).known).toBe(false);
    const due = await schedule(at(-60000));
    await sut.runtime.jobs.reschedule();
    await pause(500);
    expect(await firedAt(due.id)).toBeNull();

    const applied = await follower.apply(at(0));
    expect(applied).toEqual({ now: at(0), fired: 1, next: null });
    expect(await firedAt(due.id)).toBe(at(0).toISOString());
  });

  it('never fires a job by BullMQ’s real-time delay, only when a step reaches it, at its time', async () => {
    const soon = await schedule(at(50));
    const later = await schedule(at(3600000));
    await pause(1000);
    expect(await firedAt(soon.id)).toBeNull();

    expect(await follower.apply(at(10))).toEqual({ now: at(10), fired: 0, next: at(50) });
    expect(await firedAt(soon.id)).toBeNull();
    expect(await follower.apply(at(50))).toEqual({ now: at(50), fired: 1, next: at(3600000) });
    expect(await firedAt(soon.id)).toBe(at(50).toISOString());
    expect(await firedAt(later.id)).toBeNull();
  });

  it('runs at once a job scheduled for a time the clock has reached', async () => {
    const past = await schedule(at(20));
    // No move needed: it runs on its own, at the clock's time.
    await eventually(async () => expect(await firedAt(past.id)).toBe(at(50).toISOString()));
  });

  it('keeps a step that would go back from moving the clock back', async () => {
    expect((await follower.apply(at(0))).now).toEqual(at(50));
  });
});
