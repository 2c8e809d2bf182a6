import { randomUUID } from 'node:crypto';
import {
  closeCycle,
  createProgramme,
  type DomainError,
  getCycle,
  listCycles,
  openCycle,
  putPolicy,
} from '@laurel/contracts';

import { type LaunchPolicyKey, launchPolicyKeys } from '@laurel/policy';
import { TestClock, TestInfrastructure } from '@laurel/testing';
import { type AwardsService, as, auditEntries, caller, launchDocument, outboxEvents, startAwards } from './awards.util';

/** Cycles (届): opened by the office under the latest policy version, one at a time, numbered upwards. */
describe('awards: cycles', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-11-21T02:00:00Z');
  const tenants = Object.fromEntries(launchPolicyKeys.map((key) => [key, randomUUID()])) as Record<
    LaunchPolicyKey,
    string
  >;
  const office = (key: LaunchPolicyKey) => as(tenants[key]);
  const window = { opensOn: '2026-12-01', closesOn: '2027-02-28' };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
    for (const key of launchPolicyKeys) {
      await call(createProgramme, { tenantKey: key, policy: launchDocument(key) }, as(tenants[key], 'operator'));
    }
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('opens cycle 1 pinned to the latest version, its schedule derived from the policy’s procedure', async () => {
    const cycle = await call(openCycle, { year: 2026, ...window }, office('ili'));

    expect(cycle).toMatchObject({ number: 1, year: 2026, status: 'open', policyVersion: 1, warnings: [], ...window });
    expect(cycle.schedule.map((stage) => stage.key)).toEqual([
      'internal_publicity',
      'recommendation',
      'acceptance',
      'defense',
      'onsite',
      'composite',
      'vote',
      'deliberation',
      'proposed_winners',
      'approval',
      'commendation',
    ]);
    const noticed = cycle.schedule
      .filter((stage) => stage.notices.length > 0)
      .map((stage) => [stage.key, ...stage.notices.map((n) => `${n.scope} ${n.count} ${n.unit} ${n.basis}`)]);
    expect(noticed).toEqual([
      ['internal_publicity', 'internal 5 working_days 第十条'],
      ['recommendation', 'public 5 working_days 第十一条'],
      ['acceptance', 'public 5 working_days 第十三条'],
      ['proposed_winners', 'public 5 working_days 第十七条'],
    ]);
    expect(await outboxEvents(sut, tenants.ili, 'awards.cycle.opened.v1')).toEqual([
      expect.objectContaining({ cycleId: cycle.id, number: 1, year: 2026, policyVersion: 1 }),
    ]);
    const audit = (await auditEntries(sut, tenants.ili)).find((entry) => entry.action === 'cycle.open');
    expect(audit).toMatchObject({ basis: '第四条', after: expect.objectContaining({ number: 1, policyVersion: 1 }) });
  });

  it('tracks quotas per tier with checkQuota’s outcome', async () => {
    const ili = await call(getCycle, { number: 1 }, office('ili'));
    expect(
      ili.quotas.map(({ tier, quota, binding, used, check }) => [tier, quota, binding, used, check.outcome]),
    ).toEqual([
      ['award', 5, 'hard', 0, 'ok'],
      ['nomination', 8, 'hard', 0, 'ok'],
    ]);
    const linxia = await call(openCycle, { year: 2026, ...window }, office('linxia'));
    expect(linxia.quotas.map(({ tier, quota, binding, check }) => [tier, quota, binding, check.allowed])).toEqual([
      ['award', 2, 'in_principle', true],
      ['nomination', 2, 'in_principle', true],
    ]);
    expect(linxia.quotas[0]?.check.reason.zh).toMatch(/原则上2个/);
    const innerMongolia = await call(openCycle, { year: 2026, ...window }, office('inner-mongolia'));
    expect(innerMongolia.quotas.map((quota) => [quota.tier, quota.quota, quota.basis])).toEqual([
      ['award', 5, '第三条'],
    ]);
  });

  it('one open cycle at a time', async () => {
    const refused = (await call(openCycle, { year: 2028, ...window }, office('ili')).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(refused).toMatchObject({ code: 'conflict', extensions: { openCycle: 1 } });
    expect((await call(listCycles, {}, office('ili'))).cycles).toHaveLength(1);
  });

  it('cycle numbers increase', async () => {
    await call(closeCycle, { number: 1 }, office('ili'));
    await expect(call(openCycle, { number: 1, year: 2028, ...window }, office('ili'))).rejects.toMatchObject({
      code: 'conflict',
      fields: [expect.objectContaining({ field: 'body.number' })],
    });
  });

  it('a cycle sooner than the policy’s cycle length is refused with the article; a later one is opened with a warning', async () => {
    // ili holds a cycle every 2 years (第四条); cycle 1 was in 2026.
    const tooSoon = (await call(openCycle, { year: 2027, ...window }, office('ili')).catch(
      (e: unknown) => e,
    )) as DomainError;
    expect(tooSoon).toMatchObject({ code: 'rule_violation', basis: '第四条', extensions: { earliestYear: 2028 } });

    const onTime = await call(openCycle, { year: 2028, opensOn: '2028-03-01', closesOn: '2028-04-30' }, office('ili'));
    expect(onTime).toMatchObject({ number: 2, year: 2028, warnings: [] });
    await call(closeCycle, { number: 2 }, office('ili'));

    const late = await call(
      openCycle,
      { number: 5, year: 2031, opensOn: '2031-03-01', closesOn: '2031-04-30' },
      office('ili'),
    );
    expect(late).toMatchObject({ number: 5, warnings: [{ code: 'cycle_later_than_policy', basis: '第四条' }] });
    expect(late.warnings[0]?.detail.zh).toMatch(/本届应为 2030 年，实为 2031 年/);
    const audit = (await auditEntries(sut, tenants.ili)).filter((entry) => entry.action === 'cycle.open').at(-1);
    expect(audit?.after).toMatchObject({ warnings: [{ code: 'cycle_later_than_policy', basis: '第四条' }] });
  });

  it('a cycle keeps the version it opened with when the policy changes', async () => {
    const cycle = await call(openCycle, { year: 2027, ...window }, office('xinzhou-district'));
    expect(cycle.policyVersion).toBe(1);
    const changed: Record<string, unknown> = { ...launchDocument('xinzhou-district'), version: 2 };
    const [award] = changed.tiers as { quota: { max: number } }[];
    if (award) award.quota.max = 4;
    await call(
      putPolicy,
      { tenantKey: 'xinzhou-district', policy: changed },
      as(tenants['xinzhou-district'], 'operator'),
    );

    const after = await call(getCycle, { number: 1 }, office('xinzhou-district'));
    expect(after.policyVersion).toBe(1);
    expect(after.quotas[0]).toMatchObject({ tier: 'award', quota: 3 });
  });

  it('warns when the application window closes after the regulation’s last day in force', async () => {
    const cycle = await call(
      openCycle,
      { year: 2026, opensOn: '2026-11-25', closesOn: '2026-12-31' },
      office('xinzhou-city'),
    );
    expect(cycle.warnings).toEqual([
      expect.objectContaining({ code: 'regulation_expires_during_window', basis: '第三十四条' }),
    ]);
  });

  it('refuses a window that closes before it opens, naming the field', async () => {
    await expect(
      call(openCycle, { year: 2026, opensOn: '2026-12-01', closesOn: '2026-11-01' }, office('xinzhou-district')),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'body.closesOn' })],
    });
  });

  it('a tenant sees and closes only its own cycles', async () => {
    const stranger = as(randomUUID());
    await expect(call(getCycle, { number: 1 }, stranger)).rejects.toMatchObject({ code: 'not_found' });
    // linxia's office cannot reach ili's cycle 5: under its own tenant, number 5 does not exist.
    await expect(call(closeCycle, { number: 5 }, office('linxia'))).rejects.toMatchObject({ code: 'not_found' });
    expect((await call(getCycle, { number: 5 }, office('ili'))).status).toBe('open');
    expect((await call(listCycles, {}, office('linxia'))).cycles.map((cycle) => cycle.number)).toEqual([1]);
    await expect(call(getCycle, { number: 3 }, office('ili'))).rejects.toMatchObject({ code: 'not_found' });
  });
});
