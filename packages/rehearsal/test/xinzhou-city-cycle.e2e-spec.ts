import { loadLaunchPolicy, type Policy } from '@laurel/policy';
import { type RehearsedCycle, rehearse } from './full-cycle.util';

/**
 * The successor of xinzhou-city's measures as a test fixture: the same rules re-issued on 1 December 2026 for five
 * years (the real successor is not transcribed yet), loaded by the operator as policy version 2.
 */
function successor(): Policy {
  const current = loadLaunchPolicy('xinzhou-city');
  return {
    ...current,
    version: 2,
    regulation: {
      ...current.regulation,
      issued: '2026-12-01',
      inForce: {
        ...current.regulation.inForce,
        date: '2026-12-01',
        note: 'A rehearsal fixture: the same rules re-issued.',
      },
      expires: current.regulation.expires ? { ...current.regulation.expires, date: '2031-12-01' } : null,
    },
  } as Policy;
}

/**
 * A whole xinzhou-city cycle through the gateway and every service on the rehearsal clock, driven by the same driver
 * as `npm run rehearse`: a 3-year cycle (第四条) for organisations and individuals; material, on-site and defence
 * reviews whose entrants the office lists where the text is silent, scored by the rubrics of DB14/T 1463 and 1464
 * (第十三条) once the office loaded them (rehearsal stand-ins, not the standards' text); the candidate list (第十八条) and background
 * clearance by every department the article names; the leading group's deliberation; the approval; a revocation with
 * clawback and a ban in cycles; the regulation expired on 2026-11-30 (第三十四条), so the next cycle is refused until
 * the successor is loaded as policy version 2, and the banned winner is refused under it.
 */
describe('a whole xinzhou-city cycle, rehearsed', () => {
  let cycle: RehearsedCycle;

  beforeAll(async () => {
    cycle = await rehearse('xinzhou-city', successor());
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('intake: organisations and an individual, through internal publicity and the acceptance notice', () => {
    expect(cycle.steps('application started').map((s) => s.result.replace(/.*\((\w+)\)$/, '$1'))).toEqual([
      'organisation',
      'organisation',
      'individual',
    ]);
    expect(cycle.steps('internal publicity')).toHaveLength(3);
    expect(cycle.steps('accepted')).toHaveLength(3);
  });

  it('the stages score by DB14/T 1463 and 1464 (第十三条) once the office loaded them: here stand-ins, marked as such', () => {
    const loaded = cycle.steps('rubric loaded: a rehearsal stand-in');
    // Each loaded once, at the first stage that needed it (in the order the platform refused them).
    expect(loaded.map((l) => [l.detail.standard, l.detail.applicantKind, l.basis]).sort()).toEqual([
      ['DB14/T 1463', 'organisation', 'xinzhou-city 第十三条'],
      ['DB14/T 1464', 'individual', 'xinzhou-city 第十三条'],
    ]);
    for (const step of loaded)
      expect((step.detail.source as { document: string }).document).toMatch(/^演练替代数据，非 /);
    expect(cycle.steps('材料评审: scored')).toHaveLength(1);
    expect(cycle.steps('陈述答辩: scored')).toHaveLength(1);
  });

  it('the review stages in the policy’s order, then the candidate list and clearance by each department named', () => {
    const order = cycle.context.steps.map((s) => s.step);
    const opened = order.filter((s) => s.endsWith(': opened'));
    expect(opened).toEqual(['材料评审: opened', '现场评审: opened', '陈述答辩: opened']);
    expect(order.indexOf('candidates proposed by the office')).toBeGreaterThan(order.indexOf('陈述答辩: closed'));
    const departments = cycle.steps('department registered');
    expect(departments).toHaveLength(8);
    expect(departments.every((d) => d.basis === '第十八条')).toBe(true);
    const answered = cycle.step('clearance answered');
    expect(answered.detail.cleared).toBe(answered.detail.total);
    expect(answered.detail.total).toBeGreaterThan(0);
    expect(order.indexOf('clearance answered')).toBeLessThan(order.indexOf('approval recorded'));
  });

  it('the approval grants two awards and a nomination; the awards’ prizes (第二十一条) are paid in instalments', () => {
    expect(cycle.steps('title granted').map((t) => t.detail.tier)).toEqual(['award', 'award', 'nomination']);
    const entitlements = cycle.steps('entitlement').map((e) => [e.detail.amountFen, e.detail.status, e.basis]);
    expect(entitlements.sort()).toEqual([
      [0, 'nothing_owed', '第二十一条'],
      [20_000_000, 'obligated', '第二十一条'],
      [20_000_000, 'obligated', '第二十一条'],
    ]);
    expect(cycle.steps('instalment 2 paid')).toHaveLength(2);
  });

  it('a revocation: consequences with the article, the prize clawed back and recovered, a ban in cycles', () => {
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => c.detail.kind)).toContain('revoke');
    expect(consequences.every((c) => c.basis?.startsWith('xinzhou-city 第'))).toBe(true);
    const ban = consequences.find((c) => c.detail.kind === 'ban');
    expect(ban?.detail.detail).toMatchObject({ unit: 'cycles' });
    expect(cycle.step('clawback recovered').detail).toMatchObject({ outstandingFen: 0 });
  });

  it('the regulation expired: the next cycle is refused until the successor is loaded; the banned winner is refused under it', () => {
    const refused = cycle.step('next cycle refused: the regulation expired');
    expect(refused).toMatchObject({ basis: '第三十四条', result: 'last day in force 2026-11-30' });
    expect(cycle.step('successor regulation loaded').detail.version).toBe(2);
    expect(cycle.step('cycle 2 opened').detail.policyVersion).toBe(2);
    const again = cycle.step('banned applicant applies again');
    expect(again.detail.status).toBe(422);
    expect(again.basis).toMatch(/^xinzhou-city 第/);
  });
});
