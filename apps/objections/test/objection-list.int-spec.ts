import { randomUUID } from 'node:crypto';
import {
  type MessageContract,
  objectionAdmit,
  objectionList,
  objectionRulesPut,
  type RequestOf,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { asRole, launchRules, objectionOnNewNotice, type StartedObjections, startObjections } from './objections.util';

/** The office pages through its objections; a page resumes after the last item it saw, whatever became of it. */
describe('objections, page by page', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-28T02:00:00Z');
  const tenant = randomUUID();
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>) =>
    started.service.runtime.client.request(contract, payload, { context: asRole(tenant) });

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, launchRules('ili'));
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('loses nothing when the last item seen no longer matches the filter', async () => {
    const filed: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      filed.push((await objectionOnNewNotice(started, tenant, { publishedOn: '2026-09-28' })).id);
      await clock.advance(1000);
    }
    const first = await request(objectionList, { status: 'received', limit: 1 });
    expect(first.objections.map((o) => o.id)).toEqual([filed[0]]);
    expect(first.next).toBe(filed[0]);
    // Admitted meanwhile: it is no longer `received`, and the next page still starts right after it.
    await request(objectionAdmit, { id: filed[0] as string });
    const second = await request(objectionList, { status: 'received', limit: 1, after: first.next as string });
    expect(second.objections.map((o) => o.id)).toEqual([filed[1]]);
    const last = await request(objectionList, { status: 'received', limit: 1, after: second.next as string });
    expect(last.objections.map((o) => o.id)).toEqual([filed[2]]);
    expect(last.next).toBeNull();
  });
});
