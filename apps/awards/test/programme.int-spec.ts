import { randomUUID } from 'node:crypto';
import {
  createProgramme,
  type DomainError,
  getPolicy,
  getPolicySummary,
  listCycles,
  putPolicy,
} from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import {
  type AwardsService,
  as,
  auditEntries,
  caller,
  launchDocument,
  outboxEvents,
  sixthDocument,
  startAwards,
} from './awards.util';

/** Programmes: created with their policy document, which is checked first; one per tenant; tenants see their own. */
describe('awards: programmes and their policy', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-11-21T02:00:00Z');

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('creates a programme with version 1 of its policy, an event and an audit entry', async () => {
    const tenant = randomUUID();
    const document = launchDocument('ili');

    const programme = await call(createProgramme, { tenantKey: 'ili', policy: document }, as(tenant, 'operator'));

    expect(programme).toMatchObject({
      key: 'ili',
      name: { zh: '伊犁哈萨克自治州人民政府质量奖' },
      policyVersion: 1,
      createdBy: 'operator-1',
    });
    const stored = await call(getPolicy, {}, as(tenant));
    expect(stored).toMatchObject({ programmeId: programme.id, version: 1, appliesFromCycle: 1 });
    expect(stored.policy).toEqual(document);
    expect(await outboxEvents(sut, tenant, 'awards.programme.created.v1')).toEqual([
      { programmeId: programme.id, key: 'ili', name: programme.name, policyVersion: 1 },
    ]);
    expect((await auditEntries(sut, tenant)).map((entry) => entry.action)).toEqual(['programme.create']);
  });

  it('summarises the policy for the office, each item with its basis', async () => {
    const tenant = randomUUID();
    await call(createProgramme, { tenantKey: 'inner-mongolia', policy: launchDocument('inner-mongolia') }, as(tenant));

    const summary = await call(getPolicySummary, {}, as(tenant));

    expect(summary).toMatchObject({ key: 'inner-mongolia', version: 1, cycleYears: 2, cycleBasis: '第三条' });
    expect(summary.tiers).toEqual([
      expect.objectContaining({
        tier: 'award',
        quota: 5,
        moneyFen: { organisation: 100_000_000, individual: null },
        moneyBasis: '第十八条',
      }),
    ]);
    expect(summary.notices.map(({ stage, count, unit, basis }) => [stage, count, unit, basis])).toEqual([
      ['acceptance', null, null, '第十三条'],
      ['candidates', null, null, '第十五条'],
      ['proposed_winners', 7, 'working_days', '第十六条'],
    ]);
  });

  it('refuses a bad document with every problem listed as policy.<path>, and creates nothing', async () => {
    const tenant = randomUUID();
    const document = launchDocument('xinzhou-district');
    const tiers = document.tiers as { quota: { max: number } }[];
    (tiers[0] as { quota: { max: number } }).quota.max = -1;
    delete document.cycle;
    document.colour = 'red';

    const refused = (await call(createProgramme, { tenantKey: 'xinzhou-city', policy: document }, as(tenant)).catch(
      (error: unknown) => error,
    )) as DomainError;

    expect(refused.code).toBe('validation_failed');
    expect(refused.fields.map((field) => field.field).sort()).toEqual([
      'policy.colour',
      'policy.cycle',
      'policy.key',
      'policy.tiers[0].quota.max',
    ]);
    expect(refused.fields.find((field) => field.field === 'policy.key')?.reason.en).toMatch(/xinzhou-city/);
    await expect(call(getPolicy, {}, as(tenant))).rejects.toMatchObject({ code: 'not_found' });
    expect(await auditEntries(sut, tenant)).toEqual([]);
  });

  it('refuses a first version numbered other than 1, and a second programme', async () => {
    const tenant = randomUUID();
    const document = { ...sixthDocument(), version: 3 };
    await expect(
      call(createProgramme, { tenantKey: 'moumou-city', policy: document }, as(tenant)),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'policy.version' })],
    });

    await call(createProgramme, { tenantKey: 'moumou-city', policy: sixthDocument() }, as(tenant));
    await expect(
      call(createProgramme, { tenantKey: 'moumou-city', policy: sixthDocument() }, as(tenant)),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a tenant sees and changes only its own programme', async () => {
    const tenantA = randomUUID();
    const tenantB = randomUUID();
    await call(createProgramme, { tenantKey: 'linxia', policy: launchDocument('linxia') }, as(tenantA));

    await expect(call(getPolicy, {}, as(tenantB))).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(getPolicySummary, {}, as(tenantB))).rejects.toMatchObject({ code: 'not_found' });
    await expect(call(listCycles, {}, as(tenantB))).rejects.toMatchObject({ code: 'not_found' });
    // B's own programme, under the same key in its own tenant, is B's alone; A's stays at version 1.
    const putByB = await call(putPolicy, { tenantKey: 'linxia', policy: launchDocument('linxia') }, as(tenantB));
    expect(putByB).toMatchObject({ version: 1, programmeCreated: true });
    expect((await call(getPolicy, {}, as(tenantA))).programmeId).not.toBe(putByB.programmeId);
    const rows = await sut.runtime.database.system.programme.findMany({
      where: { tenantId: { in: [tenantA, tenantB] } },
    });
    expect(rows).toHaveLength(2);
  });

  it('a programme without a tenant in context is refused', async () => {
    const noTenant = { tenantId: null, correlationId: randomUUID(), actor: null };
    await expect(
      sut.runtime.client.request(
        createProgramme,
        { tenantKey: 'ili', policy: launchDocument('ili') },
        { context: noTenant },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
