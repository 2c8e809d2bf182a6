import { randomUUID } from 'node:crypto';
import { closeCycle, createProgramme, getPolicy, getPolicySummary, openCycle, putPolicy } from '@laurel/contracts';

import { TestClock, TestInfrastructure, withAdmin } from '@laurel/testing';
import { type AwardsService, as, auditEntries, caller, launchDocument, outboxEvents, startAwards } from './awards.util';

/** Policy versions are immutable rows; a new version applies from the next cycle. */
describe('awards: policy versions', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-11-21T02:00:00Z');
  const tenant = randomUUID();
  const operator = as(tenant, 'operator');

  const version = (n: number, change: (document: Record<string, unknown>) => void = () => undefined) => {
    const document = { ...launchDocument('ili'), version: n };
    change(document);
    return document;
  };

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
    await call(createProgramme, { tenantKey: 'ili', policy: launchDocument('ili') }, operator);
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('PUT makes version 2, applying from the first cycle while none has opened', async () => {
    const v2 = await call(
      putPolicy,
      {
        tenantKey: 'ili',
        policy: version(2, (d) => {
          d.cycle = { years: 3, basis: '第四条' };
        }),
      },
      operator,
    );

    expect(v2).toMatchObject({ version: 2, appliesFromCycle: 1, createdBy: 'operator-1', programmeCreated: false });
    expect((await call(getPolicySummary, {}, as(tenant))).cycleYears).toBe(3);
    expect((await call(getPolicySummary, { version: 1 }, as(tenant))).cycleYears).toBe(2);
    expect(await outboxEvents(sut, tenant, 'awards.policy.versioned.v1')).toEqual([
      expect.objectContaining({ version: 2, previousVersion: 1, appliesFromCycle: 1 }),
    ]);
  });

  it('a version made while a cycle is open applies from the next cycle; the open one keeps its own', async () => {
    const cycle = await call(openCycle, { year: 2026, opensOn: '2026-12-01', closesOn: '2027-01-31' }, as(tenant));
    expect(cycle).toMatchObject({ number: 1, policyVersion: 2 });

    const v3 = await call(putPolicy, { tenantKey: 'ili', policy: version(3) }, operator);
    expect(v3).toMatchObject({ version: 3, appliesFromCycle: 2 });

    const closed = await call(closeCycle, { number: 1 }, as(tenant));
    expect(closed).toMatchObject({ status: 'closed', policyVersion: 2 });
    const next = await call(openCycle, { year: 2029, opensOn: '2029-03-01', closesOn: '2029-04-30' }, as(tenant));
    expect(next).toMatchObject({ number: 2, policyVersion: 3 });
  });

  it('every version stays readable as it was written', async () => {
    expect((await call(getPolicy, { version: 1 }, as(tenant))).policy).toEqual(launchDocument('ili'));
    expect((await call(getPolicy, { version: 2 }, as(tenant))).policy).toMatchObject({
      version: 2,
      cycle: { years: 3 },
    });
    expect((await call(getPolicy, {}, as(tenant))).version).toBe(3);
    await expect(call(getPolicy, { version: 9 }, as(tenant))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a document whose version is not the next number is refused (a stale edit cannot overwrite)', async () => {
    await expect(call(putPolicy, { tenantKey: 'ili', policy: version(3) }, operator)).rejects.toMatchObject({
      code: 'conflict',
      fields: [expect.objectContaining({ field: 'policy.version' })],
    });
    await expect(
      call(putPolicy, { tenantKey: 'ili', policy: { ...version(4), key: 'linxia' } }, operator),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [expect.objectContaining({ field: 'policy.key' })] });
    expect((await call(getPolicy, {}, as(tenant))).version).toBe(3);
  });

  it('versions are immutable rows: neither service role nor an administrator may change or delete one', async () => {
    const app = sut.runtime.database.app;
    await expect(
      app.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT set_config('app.tenant_id', $1, true)`, tenant);
        await tx.$executeRawUnsafe(`UPDATE policy_version SET applies_from_cycle = 9`);
      }),
    ).rejects.toThrow(/immutable/);
    await expect(sut.runtime.database.system.$executeRawUnsafe('DELETE FROM policy_version')).rejects.toThrow(
      /immutable/,
    );
    await expect(
      withAdmin((client) => client.query(`UPDATE awards.policy_version SET document = '{}'`), infra.database),
    ).rejects.toThrow(/immutable/);
    expect((await call(getPolicy, { version: 1 }, as(tenant))).policy).toEqual(launchDocument('ili'));
  });

  it('audits each version', async () => {
    const versions = (await auditEntries(sut, tenant)).filter((entry) => entry.action === 'policy.version');
    expect(versions.map((entry) => entry.after?.version)).toEqual([2, 3]);
  });
});
