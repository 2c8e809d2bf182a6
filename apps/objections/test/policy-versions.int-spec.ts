import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type MessageContract,
  noticeGetPublic,
  noticeOpen,
  objectionRulesGet,
  objectionRulesPut,
  type RequestOf,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { asPublic, asRole, launchRules, type StartedObjections, startObjections } from './objections.util';

/**
 * A cycle pins its policy version: a version published while a notice runs does not change that notice's rules
 * (architecture, Policy: "a new version applies to the next cycle"). Each version's rules are kept and never change.
 */
describe('objection rules by policy version', () => {
  let infra: TestInfrastructure;
  let started: StartedObjections;
  const clock = new TestClock('2026-09-29T02:00:00Z');
  const tenant = randomUUID();
  const office = () => asRole(tenant);
  const request = <C extends MessageContract>(contract: C, payload: RequestOf<C>, context = office()) =>
    started.service.runtime.client.request(contract, payload, { context });

  const v1 = launchRules('ili');
  // Version 2 lengthens the winners' notice to 7 working days and the examination of an objection to 5.
  const v2: typeof v1 = {
    ...v1,
    policyVersion: v1.policyVersion + 1,
    objections: {
      ...v1.objections,
      examination: {
        ...(v1.objections.examination as Record<string, unknown>),
        period: { count: 5, unit: 'working_days', minimum: false },
      },
    },
    notices: v1.notices.map((notice) =>
      notice.stage === 'proposed_winners'
        ? { ...notice, period: { count: 7, unit: 'working_days', minimum: true } }
        : notice,
    ),
  };
  const winners = (extra: Partial<RequestOf<typeof noticeOpen>> = {}): RequestOf<typeof noticeOpen> => ({
    stage: 'proposed_winners',
    title: '拟授奖名单公示',
    publishedOn: '2026-09-29',
    entries: [
      { subjectKind: 'organisation', subjectId: randomUUID(), subjectName: '伊犁甲公司', proposal: '拟授予质量奖' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    started = await startObjections(infra, clock);
    await request(objectionRulesPut, v1);
  });
  afterAll(async () => {
    await started?.close();
    await infra?.dispose();
  });

  it('keeps a running notice on the version it opened with when a new version is recorded', async () => {
    const running = await request(noticeOpen, winners());
    expect(running.policyVersion).toBe(v1.policyVersion);
    expect(running.deadline.count).toBe(5);

    await request(objectionRulesPut, v2);

    const next = await request(noticeOpen, winners());
    expect(next.policyVersion).toBe(v2.policyVersion);
    expect(next.deadline.count).toBe(7);
    // A notice of a cycle that pinned version 1 still opens on version 1's rules.
    const pinned = await request(noticeOpen, winners({ policyVersion: v1.policyVersion }));
    expect(pinned.policyVersion).toBe(v1.policyVersion);
    expect(pinned.deadline.count).toBe(5);

    // What the public is told about objecting follows each notice's own version.
    const runningPublic = await request(noticeGetPublic, { id: running.id }, asPublic(tenant));
    const nextPublic = await request(noticeGetPublic, { id: next.id }, asPublic(tenant));
    expect(runningPublic.howToObject.examination).toMatchObject({ count: 3, basis: 'ili 第十九条' });
    expect(nextPublic.howToObject.examination).toMatchObject({ count: 5, basis: 'ili 第十九条' });
  });

  it('answers the newest version, or the one asked for', async () => {
    expect(await request(objectionRulesGet, {})).toMatchObject({ policyVersion: v2.policyVersion });
    const first = await request(objectionRulesGet, { version: v1.policyVersion });
    expect(first.policyVersion).toBe(v1.policyVersion);
    expect((first.objections.examination as { period: { count: number } }).period.count).toBe(3);
    await expect(request(objectionRulesGet, { version: 9 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('never changes a recorded version: the same rules again are answered, other rules are a conflict', async () => {
    const again = await request(objectionRulesPut, v1);
    expect(again).toMatchObject({ policyVersion: v1.policyVersion });

    const changed = { ...v1, notices: v2.notices };
    const refused = await request(objectionRulesPut, changed).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'conflict', fields: [{ field: 'body.policyVersion' }] });
    const still = await request(objectionRulesGet, { version: v1.policyVersion });
    expect(still.notices).toEqual(v1.notices);
  });
});
