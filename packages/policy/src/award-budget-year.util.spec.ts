import { awardBudgetYear } from './award-budget-year.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('awardBudgetYear', () => {
  const sut = awardBudgetYear;

  it.each([
    ['inner-mongolia', '2026-12-20', 2027, '第四条'],
    ['xinzhou-city', '2026-12-20', 2026, '第二十一条'],
    ['xinzhou-district', '2026-01-05', 2026, '第十六条'],
    ['ili', '2026-12-20', 2026, null],
  ] as const)('%s decided on %s → budget year %i (%s)', (key, decidedOn, budgetYear, basis) => {
    expect(sut(loadLaunchPolicy(key), decidedOn)).toEqual({ budgetYear, basis });
  });
});
