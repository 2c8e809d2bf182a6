import { loadLaunchPolicy } from '@laurel/policy';
import { checkCycleYear, deriveSchedule, windowWarnings } from './cycle-rules.util';

describe('cycle rules', () => {
  const xinzhouDistrict = loadLaunchPolicy('xinzhou-district');
  const xinzhouCity = loadLaunchPolicy('xinzhou-city');

  it('derives the schedule from the procedure in order, with each stage’s notices', () => {
    const sut = deriveSchedule(xinzhouCity);
    expect(sut.map((stage) => stage.order)).toEqual([...sut.map((stage) => stage.order)].sort((a, b) => a - b));
    expect(sut.find((stage) => stage.key === 'candidates')?.notices).toEqual([
      { scope: 'public', form: 'notice', count: 5, unit: 'working_days', minimum: true, basis: '第十八条' },
    ]);
    expect(sut.find((stage) => stage.key === 'acceptance')?.notices).toEqual([
      { scope: 'public', form: 'notice', count: null, unit: null, minimum: null, basis: '第十六条' },
    ]);
    expect(sut.find((stage) => stage.key === 'material')?.notices).toEqual([]);
  });

  it('the first cycle may be any year', () => {
    expect(checkCycleYear(xinzhouDistrict, null, 2026)).toEqual([]);
  });

  it('refuses a year sooner than the cycle length after the previous cycle', () => {
    expect(() => checkCycleYear(xinzhouCity, { number: 4, year: 2024 }, 2026)).toThrow(
      expect.objectContaining({ code: 'rule_violation', basis: '第四条', extensions: { earliestYear: 2027 } }),
    );
    expect(() => checkCycleYear(xinzhouDistrict, { number: 1, year: 2026 }, 2026)).toThrow(
      expect.objectContaining({ code: 'rule_violation', basis: '第五条' }),
    );
  });

  it('accepts the expected year, and a later one with a warning', () => {
    expect(checkCycleYear(xinzhouCity, { number: 4, year: 2024 }, 2027)).toEqual([]);
    expect(checkCycleYear(xinzhouDistrict, { number: 1, year: 2026 }, 2028)).toEqual([
      expect.objectContaining({ code: 'cycle_later_than_policy', basis: '第五条' }),
    ]);
  });

  it('warns when the window closes after the last day in force', () => {
    expect(windowWarnings(xinzhouCity, '2026-11-30')).toEqual([]);
    expect(windowWarnings(xinzhouCity, '2026-12-01')).toEqual([
      expect.objectContaining({ code: 'regulation_expires_during_window', basis: '第三十四条' }),
    ]);
    expect(windowWarnings(xinzhouDistrict, '2099-12-31')).toEqual([]);
  });
});
