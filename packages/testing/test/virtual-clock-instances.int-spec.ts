import { randomUUID } from 'node:crypto';
import type { ClockFollower, RunningService, VirtualClock } from '@laurel/platform';
import { createItem, getDeadline, scheduleDeadline } from '../fixtures/probe/src/probe.contracts';
import type { PrismaClient } from '../fixtures/probe/src/probe-prisma';
import { TestInfrastructure } from '../src/test-infrastructure';
import { asTenant, startProbe } from './probe.util';

const START = '2026-09-28T02:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(START) + offsetMs);

/**
 * Two instances of one service on a virtual clock (ADR "several instances"): a step of a move is applied by one of
 * them, whose workers and the other's share the due jobs. The step counts the jobs either ran, and a job taken by the
 * instance that has not heard the step's announcement yet still runs at the step's time, not a deadline early.
 */
describe('jobs on a virtual clock, two instances', () => {
  let infra: TestInfrastructure;
  let first: RunningService<PrismaClient>;
  let second: RunningService<PrismaClient>;
  const context = asTenant(randomUUID());
  const env = { LAUREL_CLOCK: 'virtual', LAUREL_CLOCK_START: START };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    first = await startProbe(infra, { consumers: false, env });
    second = await startProbe(infra, { consumers: false, env });
    for (const instance of [first, second]) await (instance.runtime.clockFollower as ClockFollower).apply(at(0));
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await infra?.dispose();
  });

  it('counts every job of the step, whichever instance ran it, each at the step’s time', async () => {
    const deadlines = [];
    for (let i = 0; i < 16; i += 1) {
      const item = await first.runtime.client.request(createItem, { name: `shared ${i}` }, { context });
      const dueAt = at(100).toISOString();
      deadlines.push(await first.runtime.client.request(scheduleDeadline, { itemId: item.id, dueAt }, { context }));
    }
    // The second instance has not heard of the step: its clock still reads the start.
    expect((second.runtime.clock as VirtualClock).now()).toEqual(at(0));
    const applied = await (first.runtime.clockFollower as ClockFollower).apply(at(100));
    expect(applied).toEqual({ now: at(100), fired: 16, next: null });
    for (const deadline of deadlines) {
      const read = await first.runtime.client.request(getDeadline, { id: deadline.id }, { context });
      expect(read.firedAt).toBe(at(100).toISOString());
    }
  });
});
