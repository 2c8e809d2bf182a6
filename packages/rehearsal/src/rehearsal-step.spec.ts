import { loadLaunchPolicy, type Policy } from '@laurel/policy';
import { rehearsedTiers } from './cycle-driver';
import { capOf } from './money.phase';
import { basisOf, formatStep } from './rehearsal-step';
import { shareOfMax } from './scoring.phase';

describe('a rehearsal step', () => {
  it('takes the article of the answer: its basis, else the last step or history entry that has one', () => {
    expect(basisOf({ basis: 'ili 第十条' })).toBe('ili 第十条');
    expect(basisOf({ basis: { zh: 'ili 第二十四条', en: 'ili Art. 24' } })).toBe('ili 第二十四条');
    expect(basisOf({ history: [{ basis: 'a' }, { basis: null }, { basis: 'b' }, { basis: null }] })).toBe('b');
    expect(basisOf({ steps: [{ basis: 'x 第十七条' }] })).toBe('x 第十七条');
    expect(basisOf({ id: 1 })).toBeNull();
    expect(basisOf(undefined)).toBeNull();
  });

  it('prints one line: Beijing time, the step, the article (— where none), the result', () => {
    const line = formatStep({
      at: '2026-03-02T02:00:00.000Z',
      step: '现场查验: opened',
      basis: null,
      result: '3 entrants',
      detail: {},
    });
    expect(line.startsWith('2026-03-02 10:00  现场查验: opened')).toBe(true);
    expect(line).toContain('  —  ');
    expect(line.endsWith('3 entrants')).toBe(true);
  });

  it('plans the first tier for all but the last applicant, the second tier for the last, within the quotas', () => {
    expect(rehearsedTiers(loadLaunchPolicy('xinzhou-district'), 3)).toEqual(['award', 'award', 'nomination']);
    // linxia: two awards in principle (its policy's quota).
    expect(rehearsedTiers(loadLaunchPolicy('linxia'), 4)).toEqual(['award', 'award', null, 'nomination']);
  });

  it('decides the cap where a tier’s money is a cap ("不超过"), nothing where the text states no amount', () => {
    const district = loadLaunchPolicy('xinzhou-district');
    const capped = {
      ...district,
      tiers: district.tiers.map((t) =>
        t.money ? { ...t, money: { ...t.money, amountIs: { organisation: 'cap' } } } : t,
      ),
    } as Policy;
    expect(capOf(capped, 'award', 'organisation')).toBe(8_000_000);
    expect(capOf(district, 'award', 'organisation')).toBeNull();
    expect(capOf(loadLaunchPolicy('ili'), 'award', 'organisation')).toBeNull();
  });

  it('scores generated applicants in their order, distinct and above zero however many there are', () => {
    const shares = Array.from({ length: 200 }, (_, i) => shareOfMax(i));
    expect(shares.slice(0, 3)).toEqual([0.85, 0.8, 0.75].map((x) => expect.closeTo(x, 10)));
    for (let i = 1; i < shares.length; i += 1) expect(shares[i]).toBeLessThan(shares[i - 1] as number);
    expect(Math.min(...shares)).toBeGreaterThan(0.05);
  });
});
