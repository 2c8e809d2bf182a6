import { randomUUID } from 'node:crypto';
import { closeCycle, createProgramme, type DomainError, openCycle, putPolicy } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { eventually, TestClock, TestInfrastructure } from '@laurel/testing';
import { RegulationExpiryProcessor } from '../src/regulation/regulation-expiry.processor';
import { type AwardsService, as, auditEntries, caller, launchDocument, outboxEvents, startAwards } from './awards.util';

const EXPIRING = 'awards.regulation.expiring.v1';
const EXPIRED = 'awards.regulation.expired.v1';

/**
 * xinzhou-city's regulation is in force until 2026-11-30 (第三十四条: valid 5 years). Today is 2026-11-21: the
 * office is warned at once (the 30-day mark has passed), again 7 days before, and when it has expired; from
 * 2026-12-01 no cycle opens under it. Time moves with a TestClock; jobs are re-scheduled from the database.
 */
describe('awards: the regulation’s expiry', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-11-21T02:00:00Z');
  const xinzhou = randomUUID();
  const renewed = randomUUID();
  const ili = randomUUID();

  const moveTo = async (instant: string) => {
    await clock.set(instant);
    await sut.runtime.jobs.reschedule();
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('no cycle opens before the regulation is in force (409, with the article)', async () => {
    // ili's regulation is in force from 2024-12-14 (第三十二条: 30 days after publication).
    await moveTo('2024-12-01T02:00:00Z');
    await call(createProgramme, { tenantKey: 'ili', policy: launchDocument('ili') }, as(ili, 'operator'));
    const refused = (await call(
      openCycle,
      { year: 2024, opensOn: '2024-12-02', closesOn: '2024-12-31' },
      as(ili),
    ).catch((e: unknown) => e)) as DomainError;
    expect(refused).toMatchObject({
      code: 'conflict',
      basis: '第三十二条',
      extensions: { reason: 'regulation_not_in_force', inForce: '2024-12-14' },
    });
    await moveTo('2026-11-21T02:00:00Z');
    expect(await call(openCycle, { year: 2026, opensOn: '2026-12-01', closesOn: '2027-01-31' }, as(ili))).toMatchObject(
      {
        number: 1,
      },
    );
  });

  it('a programme created 9 days before expiry warns the office at once, with the article', async () => {
    await call(createProgramme, { tenantKey: 'xinzhou-city', policy: launchDocument('xinzhou-city') }, as(xinzhou));

    await eventually(async () =>
      expect(await outboxEvents(sut, xinzhou, EXPIRING)).toEqual([
        expect.objectContaining({ daysBefore: 30, daysLeft: 9, lastDayInForce: '2026-11-30', basis: '第三十四条' }),
      ]),
    );
    const audit = (await auditEntries(sut, xinzhou)).filter((entry) => entry.action === 'regulation.expiring');
    expect(audit).toEqual([expect.objectContaining({ basis: '第三十四条', target_type: 'programme' })]);
  });

  it('a renewed regulation cancels the warnings about the old date', async () => {
    await call(createProgramme, { tenantKey: 'xinzhou-city', policy: launchDocument('xinzhou-city') }, as(renewed));
    await eventually(async () => expect(await outboxEvents(sut, renewed, EXPIRING)).toHaveLength(1));
    const document = launchDocument('xinzhou-city');
    const regulation = document.regulation as Record<string, unknown>;
    document.version = 2;
    regulation.issued = '2026-11-20';
    regulation.inForce = { rule: 'on_issue', date: '2026-11-20', basis: '第三十三条' };
    regulation.expires = { rule: 'years_after_in_force', years: 5, date: '2031-11-20', basis: '第三十四条' };
    await call(putPolicy, { tenantKey: 'xinzhou-city', policy: document }, as(renewed, 'operator'));

    const warnings = await sut.runtime.database.system.regulationWarning.findMany({
      where: { tenantId: renewed },
      orderBy: { dueAt: 'asc' },
    });
    expect(
      warnings.map((w) => [w.expiresOn.toISOString().slice(0, 10), w.kind, w.daysBefore, !!w.firedAt, !!w.cancelledAt]),
    ).toEqual([
      ['2026-11-30', 'expiring', 30, true, false],
      ['2026-11-30', 'expiring', 7, false, true],
      ['2026-11-30', 'expired', 0, false, true],
      ['2031-11-20', 'expiring', 30, false, false],
      ['2031-11-20', 'expiring', 7, false, false],
      ['2031-11-20', 'expired', 0, false, false],
    ]);
  });

  it('warns again 7 days before, even after Redis lost the jobs (re-scheduled from the database)', async () => {
    await infra.flushRedis();
    await moveTo('2026-11-22T16:00:00Z'); // 2026-11-23 00:00 Asia/Shanghai
    await eventually(async () =>
      expect((await outboxEvents(sut, xinzhou, EXPIRING)).map((e) => [e.daysBefore, e.daysLeft])).toEqual([
        [30, 9],
        [7, 7],
      ]),
    );
    // The renewed regulation's office hears nothing about the old date.
    expect(await outboxEvents(sut, renewed, EXPIRING)).toHaveLength(1);
  });

  it('cycles still open on the last day in force', async () => {
    await moveTo('2026-11-30T15:00:00Z'); // 2026-11-30 23:00 Asia/Shanghai
    const cycle = await call(openCycle, { year: 2026, opensOn: '2026-11-30', closesOn: '2026-11-30' }, as(xinzhou));
    expect(cycle).toMatchObject({ number: 1, warnings: [] });
    await call(closeCycle, { number: 1 }, as(xinzhou));
    expect(await outboxEvents(sut, xinzhou, EXPIRED)).toEqual([]);
  });

  it('on expiry the office is warned, and no cycle opens under the expired regulation (409, with the article)', async () => {
    await moveTo('2026-11-30T16:00:01Z'); // 2026-12-01 00:00:01 Asia/Shanghai
    await eventually(async () =>
      expect(await outboxEvents(sut, xinzhou, EXPIRED)).toEqual([
        expect.objectContaining({ lastDayInForce: '2026-11-30', basis: '第三十四条', policyVersion: 1 }),
      ]),
    );
    const refused = (await call(
      openCycle,
      { year: 2029, opensOn: '2029-03-01', closesOn: '2029-04-30' },
      as(xinzhou),
    ).catch((e: unknown) => e)) as DomainError;
    expect(refused).toMatchObject({
      code: 'conflict',
      basis: '第三十四条',
      extensions: { reason: 'regulation_expired', lastDayInForce: '2026-11-30' },
    });
    expect(refused.detail.zh).toMatch(/忻州市市长质量奖管理办法.*已于 2026-11-30 期满失效/);
    expect((await auditEntries(sut, xinzhou)).map((entry) => entry.action)).toEqual([
      'programme.create',
      'regulation.expiring',
      'regulation.expiring',
      'cycle.open',
      'cycle.close',
      'regulation.expired',
    ]);
    // The renewed regulation still opens cycles.
    expect(
      await call(openCycle, { year: 2027, opensOn: '2027-03-01', closesOn: '2027-04-30' }, as(renewed)),
    ).toMatchObject({ number: 1, policyVersion: 2 });
  });

  it('a warning is sent once: re-scheduling or running its job again sends nothing more', async () => {
    await sut.runtime.jobs.reschedule();
    const processor = sut.app.get(RegulationExpiryProcessor);
    const warnings = await sut.runtime.database.system.regulationWarning.findMany({ where: { tenantId: xinzhou } });
    for (const warning of warnings) await RequestContexts.run(as(xinzhou), () => processor.fire(warning.id));

    expect(await outboxEvents(sut, xinzhou, EXPIRING)).toHaveLength(2);
    expect(await outboxEvents(sut, xinzhou, EXPIRED)).toHaveLength(1);
  });
});
