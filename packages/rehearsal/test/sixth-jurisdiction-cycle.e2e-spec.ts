import path from 'node:path';
import { type Json, policyFromFile } from '../src';
import { type RehearsedCycle, rehearsePolicy } from './full-cycle.util';

const FILE = path.resolve(__dirname, '../../policy/test-fixtures/sixth-jurisdiction.json');

/**
 * A jurisdiction that is none of the five, by its policy document alone (issue 17): the file checked as the CLI checks
 * it, the jurisdiction registered from it through the gateway as an operator would (`npm run rehearse -- --policy
 * <file> --division <code>`), and the same whole cycle, driven with no code of its own.
 */
describe('a whole cycle of a sixth jurisdiction, by its policy document alone', () => {
  let cycle: RehearsedCycle;
  const policy = policyFromFile(FILE);
  const article = (n: string) => `${policy.key} ${n}`;

  beforeAll(async () => {
    cycle = await rehearsePolicy(policy, '419900');
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('is registered from its document and takes organisations and an individual through intake', () => {
    expect(cycle.step('jurisdiction created from its policy').result).toBe(`${policy.name.zh} v${policy.version}`);
    expect(cycle.steps('application started').map((s) => s.result.replace(/.*\((\w+)\)$/, '$1'))).toEqual([
      'organisation',
      'organisation',
      'individual',
    ]);
    expect(cycle.steps('accepted')).toHaveLength(3);
  });

  it('with no recommender in its text, submits straight to the office’s formal review (none made up)', () => {
    const submitted = cycle.steps('submitted to the office');
    expect(submitted.map((s) => s.result.replace(/.*: /, ''))).toEqual(['submitted', 'submitted', 'submitted']);
    expect(cycle.steps('submitted to the recommender')).toHaveLength(0);
    expect(cycle.steps('recommended by the department')).toHaveLength(0);
    expect(cycle.context.steps.some((s) => s.step === 'recommending department registered')).toBe(false);
    expect(cycle.steps('formal review passed')).toHaveLength(3);
  });

  it('its review stages in its order, scored, then its committee’s deliberation and the proposed winners’ notice', () => {
    const order = cycle.context.steps.map((s) => s.step);
    expect(order.filter((s) => s.endsWith(': opened'))).toEqual(['材料评审: opened', '现场评审: opened']);
    expect(cycle.step('材料评审: opened').basis).toBe(article('第十一条'));
    expect(cycle.steps('材料评审: scored')).toHaveLength(1);
    expect(cycle.step('notice: 拟授奖名单').detail).toMatchObject({ count: 15, unit: 'calendar_days' });
    expect(order.indexOf('notice closed: 拟授奖名单')).toBeLessThan(order.indexOf('approval recorded'));
  });

  it('titles and the prizes of 第二十条, obligated in the budget year after the award and paid', () => {
    expect(cycle.steps('title granted').map((t) => t.detail.tier)).toEqual(['award', 'award', 'nomination']);
    const entitlements = cycle.steps('entitlement').map((e) => e.detail);
    expect(entitlements.every((e) => e.budgetYear === 2027)).toBe(true);
    expect(cycle.steps('entitlement').every((e) => e.basis === '第二十条')).toBe(true);
    const exact = entitlements.filter((e) => e.status === 'obligated').map((e) => e.amountFen);
    expect(exact).toEqual([30_000_000, 30_000_000]);
    expect(cycle.steps('instalment 2 paid')).toHaveLength(3);
  });

  it('the individual’s nomination prize, a cap (不超过1万元), decided by finance within it, then paid in instalments', () => {
    const [capped, ...others] = cycle.steps('entitlement').filter((e) => e.detail.status === 'amount_undecided');
    expect(others).toHaveLength(0);
    expect(capped?.detail).toMatchObject({ amountFen: null, capFen: 1_000_000 });
    const decided = cycle.step('amount decided');
    expect(decided.detail).toMatchObject({ entitlementId: capped?.detail.entitlementId, status: 'obligated' });
    const amount = decided.detail.amountFen as number;
    expect(amount).toBeGreaterThan(0);
    expect(amount).toBeLessThanOrEqual(1_000_000);
    // The decision as recorded: the deciding body, its document and the reason, who recorded it and when.
    expect(decided.detail.decision).toMatchObject({
      amountFen: amount,
      decidedBy: '领导小组办公室（演练）',
      document: '演练奖定〔2026〕1号',
      reason: expect.stringContaining('不超过上限'),
      recordedBy: expect.any(String),
      recordedAt: expect.any(String),
    });
    expect(decided.basis).toBe('第二十条');
    const paid = ['instalment 1 paid', 'instalment 2 paid'].flatMap((name) =>
      cycle.steps(name).filter((s) => s.detail.entitlementId === capped?.detail.entitlementId),
    );
    expect(paid.map((s) => s.detail.status)).toEqual(['confirmed', 'confirmed']);
    expect(paid.reduce((sum, s) => sum + (s.detail.amountFen as number), 0)).toBe(amount);
  });

  it('fraud: revoked with its consequences, each citing 第二十六条; clawed back; banned for 4 cycles', () => {
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => c.detail.kind)).toEqual(
      expect.arrayContaining(['revoke', 'recover_certificate_and_plaque', 'clawback', 'ban', 'credit_record']),
    );
    expect(consequences.every((c) => c.basis === article('第二十六条'))).toBe(true);
    expect(consequences.find((c) => c.detail.kind === 'ban')?.detail.detail).toMatchObject({
      unit: 'cycles',
      count: 4,
    });
    expect(cycle.step('clawback recovered').detail).toMatchObject({ outstandingFen: 0 });
  });

  it('the banned applicant is refused in the next cycle with the document’s article', async () => {
    const again = cycle.step('banned applicant applies again');
    expect(again.detail.status).toBe(422);
    expect(again.basis).toBe(article('第二十六条'));
    const record = await cycle.client.expect(200, 'GET', `/public/${policy.key}/credit-record`);
    expect(JSON.stringify(record as Json)).toContain(cycle.context.applicants[0]?.name as string);
  });
});
