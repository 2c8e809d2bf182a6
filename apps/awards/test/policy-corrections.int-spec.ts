import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProgramme, getPolicy } from '@laurel/contracts';
import { TestClock, TestInfrastructure, withAdmin } from '@laurel/testing';
import { type AwardsService, as, caller, launchDocument, startAwards } from './awards.util';

const MIGRATION = join(__dirname, '../prisma/migrations/20261207063000_inner_mongolia_clearance/migration.sql');

type Stage = { key: string; clearance?: unknown };
const stagesOf = (document: Record<string, unknown>) => (document.procedure as { stages: Stage[] }).stages;

/**
 * A correction of how a text was read reaches the documents already stored (ADR 0011): inner-mongolia 第十三条's
 * clearance at the re-check. The stored form of the previous launch document becomes the current one; a second run
 * changes nothing; a document that already says something about clearance is left alone.
 */
describe('awards: corrections of stored policy versions (inner-mongolia 第十三条 clearance)', () => {
  let infra: TestInfrastructure;
  let sut: AwardsService;
  const call = caller(() => sut);
  const clock = new TestClock('2026-12-07T02:00:00Z');
  const previous = randomUUID();
  const written = randomUUID();

  const withoutClearance = () => {
    const document = launchDocument('inner-mongolia');
    for (const stage of stagesOf(document)) delete stage.clearance;
    return document;
  };
  const correct = () =>
    withAdmin(
      (client) => client.query(`SET search_path TO awards; ${readFileSync(MIGRATION, 'utf8')}`),
      infra.database,
    );

  beforeAll(async () => {
    infra = await TestInfrastructure.create();
    sut = await startAwards(infra, clock);
    await call(createProgramme, { tenantKey: 'inner-mongolia', policy: withoutClearance() }, as(previous, 'operator'));
    const own = withoutClearance();
    const acceptance = stagesOf(own).find((stage) => stage.key === 'acceptance') as Stage;
    acceptance.clearance = { departments: [], othersByOffice: false, basis: '第十三条' };
    await call(createProgramme, { tenantKey: 'inner-mongolia', policy: own }, as(written, 'operator'));
  });
  afterAll(async () => {
    await sut?.close();
    await infra?.dispose();
  });

  it('before: the stored launch document has no clearance', async () => {
    const stored = (await call(getPolicy, { version: 1 }, as(previous))).policy as Record<string, unknown>;
    expect(stagesOf(stored).some((stage) => stage.clearance)).toBe(false);
  });

  it('the correction makes the stored document equal to the current launch document, and runs twice the same', async () => {
    await correct();
    expect((await call(getPolicy, { version: 1 }, as(previous))).policy).toEqual(launchDocument('inner-mongolia'));
    await correct();
    expect((await call(getPolicy, { version: 1 }, as(previous))).policy).toEqual(launchDocument('inner-mongolia'));
  });

  it('a document that already says something about clearance is left alone', async () => {
    const stored = (await call(getPolicy, { version: 1 }, as(written))).policy as Record<string, unknown>;
    expect(stagesOf(stored).find((stage) => stage.key === 'acceptance')?.clearance).toEqual({
      departments: [],
      othersByOffice: false,
      basis: '第十三条',
    });
  });

  it('versions stay immutable to the service after the correction', async () => {
    await expect(sut.runtime.database.system.$executeRawUnsafe('DELETE FROM policy_version')).rejects.toThrow(
      /immutable/,
    );
  });
});
