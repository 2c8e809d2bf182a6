import { randomUUID } from 'node:crypto';
import { banCheck, createProgramme, type DomainError, openCycle } from '@laurel/contracts';

import { TestClock, TestInfrastructure } from '@laurel/testing';
import { type AwardsService, as, caller, launchDocument, startAwards } from './awards.util';

/** `awards.ban.check`: the applications service asks whether an applicant may apply in a cycle. */
describe('awards: re-application and ban check', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-11-21T02:00:00Z');
  const tenant = randomUUID();
  const other = randomUUID();

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
    await call(createProgramme, { tenantKey: 'ili', policy: launchDocument('ili') }, as(tenant, 'operator'));
    await call(openCycle, { year: 2026, opensOn: '2026-12-01', closesOn: '2027-02-28' }, as(tenant));
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('answers allowed, with its basis, when nothing is on record for the identity', async () => {
    const result = await call(
      banCheck,
      { identity: { kind: 'organisation', creditCode: '91110000600037341L' }, cycleNumber: 1 },
      as(tenant),
    );
    expect(result).toMatchObject({
      outcome: 'allowed',
      cycle: { number: 1, year: 2026 },
      policyVersion: 1,
      findings: [],
      allowedFrom: null,
      checkedAt: '2026-11-21T02:00:00.000Z',
    });
    expect(result.basis.en).toMatch(/no title or application ban/);
  });

  it('refuses a malformed identity and an unknown cycle; another tenant has no cycle at all', async () => {
    await expect(
      call(banCheck, { identity: { kind: 'individual', idNumber: '110105194912310021' }, cycleNumber: 1 }, as(tenant)),
    ).rejects.toMatchObject({ code: 'validation_failed' } satisfies Partial<DomainError>);
    await expect(
      call(
        banCheck,
        { identity: { kind: 'organisation', creditCode: '91110000600037341L' }, cycleNumber: 2 },
        as(tenant),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      call(
        banCheck,
        { identity: { kind: 'organisation', creditCode: '91110000600037341L' }, cycleNumber: 1 },
        as(other),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
