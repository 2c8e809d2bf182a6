import { type RehearsedCycle, rehearse } from './full-cycle.util';

/**
 * A whole linxia cycle through the gateway and every service on the rehearsal clock, driven by the same driver as
 * `npm run rehearse`: organisations and an individual; the individual goes straight to the on-site review while the
 * organisations are scored in the defence first (第十八条～第二十条), the composite of both formed under the weights the
 * office records where the text names none, ranked and reported; the 评委会 deliberates (第二十一条), the proposed
 * winners are noticed; the county government approves; an award title is valid five years (第五条) with a July
 * self-assessment each year (第三十二条); fraud: revoked, certificate and plaque recovered, a 10-year ban
 * (第三十七条); the banned winner refused in the next cycle with the article.
 */
describe('a whole linxia cycle, rehearsed', () => {
  let cycle: RehearsedCycle;
  const basis = 'linxia 第三十七条';

  beforeAll(async () => {
    cycle = await rehearse('linxia');
  }, 600_000);
  afterAll(async () => {
    await cycle?.platform.close();
  });

  it('the individual goes straight to on-site review; the organisations are scored in the defence first', () => {
    const individual = cycle.context.applicants.find((a) => a.name.includes('候选人'));
    expect(individual).toBeDefined();
    expect(cycle.step('陈述答辩: opened')).toMatchObject({ basis: 'linxia 第十八条', result: '2 entrants' });
    expect(cycle.step('陈述答辩: scored').result).toBe('6 sheets submitted; 2 ranked');
    expect(cycle.step('现场评审: opened')).toMatchObject({ result: '3 entrants' });
    expect(cycle.step('现场评审: opened').basis).toMatch(/^linxia 第十九条/);
    expect(cycle.step('现场评审: scored').result).toBe('9 sheets submitted; 3 ranked');
  });

  it('the composite of defence and on-site (第二十条) under weights the office decided, the individual’s by on-site', () => {
    expect(cycle.step('composite weights decided by the office')).toMatchObject({
      basis: 'linxia 第二十条',
      detail: { weights: { defense: 1, onsite: 1 } },
    });
    const individual = cycle.step('composite of a kind decided by the office');
    expect(individual.detail).toMatchObject({ applicantKind: 'individual', weights: { onsite: 1 } });
    expect(individual.basis).toMatch(/^linxia 第/);
    expect(cycle.step('composite ranked')).toMatchObject({ basis: 'linxia 第二十条', result: '3 ranked' });
    expect(cycle.step('composite report').result).toBe('downloaded');
    expect(cycle.context.steps.filter((s) => s.detail.notDriven)).toEqual([]);
  });

  it('the 评委会 deliberates; the proposed winners are noticed 5 working days before the approval', () => {
    expect(cycle.step('deliberation by 评委会').basis).toBe('linxia 第二十一条');
    const notice = cycle.step('notice: 获奖建议名单');
    expect(notice.detail).toMatchObject({ count: 5, unit: 'working_days' });
    expect(cycle.step('approval recorded').at > `${notice.detail.lastDay}T16:00:00.000Z`).toBe(true);
  });

  it('an award is valid five years with a self-assessment due every July while it is valid', () => {
    const titles = cycle.steps('title granted');
    expect(titles.map((t) => [t.detail.tier, t.detail.validUntil])).toEqual([
      ['award', '2031-04-05'],
      ['award', '2031-04-05'],
      ['nomination', null],
    ]);
    const duties = cycle.steps('duties planned')[0]?.detail.duties as {
      key: string;
      dueDate: string | null;
      basis: string;
    }[];
    const selfAssessments = duties.filter((d) => d.key === 'self-assessment').map((d) => d.dueDate);
    expect(selfAssessments).toEqual(['2026-07-31', '2027-07-31', '2028-07-31', '2029-07-31', '2030-07-31']);
    expect(duties.every((d) => d.basis.includes('第三十二条'))).toBe(true);
  });

  it('fraud: revoked, certificate and plaque recovered, a 10-year ban, published; refused in the next cycle', () => {
    const consequences = cycle.context.steps.filter((s) => s.step.startsWith('consequence: '));
    expect(consequences.map((c) => `${c.detail.kind}:${c.basis}`)).toEqual([
      `revoke:${basis}`,
      `recover_certificate_and_plaque:${basis}`,
      `ban:${basis}`,
      `publish:${basis}`,
    ]);
    expect(cycle.step('banned applicant applies again')).toMatchObject({
      basis,
      detail: { status: 422, allowedFrom: expect.objectContaining({ year: 2036 }) },
    });
  });
});
