import { checkReapplication } from './check-reapplication.util';
import { loadLaunchPolicy } from './policy-loader.service';

const ili = loadLaunchPolicy('ili');
const xinzhouCity = loadLaunchPolicy('xinzhou-city');
const xinzhouDistrict = loadLaunchPolicy('xinzhou-district');

describe('checkReapplication', () => {
  const sut = checkReapplication;

  it('allows an applicant with no history', () => {
    expect(sut(ili, {}, { number: 3, year: 2026 })).toEqual({ outcome: 'allowed', findings: [], allowedFrom: null });
  });

  it.each([
    // ili: award winners not within 5 years (第二十四条); cycles every 2 years: 2024 (1), 2026 (2), 2028 (3), 2030 (4)
    [{ number: 2, year: 2026 }, 'refused', { cycle: 4, year: 2030 }],
    [{ number: 3, year: 2028 }, 'refused', { cycle: 4, year: 2030 }],
    [{ number: 4, year: 2030 }, 'allowed', null],
  ] as const)('ili award winner of 2024 (cycle 1) applying in %j → %s', (target, outcome, allowedFrom) => {
    const result = sut(ili, { awards: [{ tier: 'award', cycle: 1, year: 2024 }] }, target);

    expect(result.outcome).toBe(outcome);
    expect(result.allowedFrom).toEqual(allowedFrom);
    expect(result.findings[0]?.basis).toBe('第二十四条');
  });

  it('ili nomination winners may apply again at once', () => {
    const result = sut(ili, { awards: [{ tier: 'nomination', cycle: 1, year: 2024 }] }, { number: 2, year: 2026 });

    expect(result).toMatchObject({ outcome: 'allowed', findings: [{ outcome: 'allowed', basis: '第二十四条' }] });
  });

  it.each([
    // xinzhou-city: not within the next two cycles (第十二条); cycles every 3 years: 2021 (1), 2024 (2), 2027 (3), 2030 (4)
    [{ number: 2, year: 2024 }, 'refused'],
    [{ number: 3, year: 2027 }, 'refused'],
    [{ number: 4, year: 2030 }, 'allowed'],
  ] as const)('xinzhou-city award winner of cycle 1 applying in %j → %s', (target, outcome) => {
    const result = sut(xinzhouCity, { awards: [{ tier: 'award', cycle: 1, year: 2021 }] }, target);

    expect(result.outcome).toBe(outcome);
    if (outcome === 'refused') expect(result.allowedFrom).toEqual({ cycle: 4, year: 2030 });
    expect(result.findings[0]?.basis).toBe('第十二条');
  });

  it('xinzhou-city nomination winners may apply for the award in the next cycle', () => {
    const result = sut(
      xinzhouCity,
      { awards: [{ tier: 'nomination', cycle: 1, year: 2021 }] },
      { number: 2, year: 2024 },
    );

    expect(result.outcome).toBe('allowed');
  });

  it('xinzhou-district: the text is silent on award winners, so a person decides', () => {
    const result = sut(
      xinzhouDistrict,
      { awards: [{ tier: 'award', cycle: 1, year: 2023 }] },
      { number: 2, year: 2024 },
    );

    expect(result).toMatchObject({ outcome: 'needs_decision', findings: [{ basis: null }] });
  });

  it.each([
    // 3 cycles of 3 years from the revocation year 2022: refused for 2024, 2027, 2030; allowed from 2033
    [{ number: 2, year: 2024 }, 'refused'],
    [{ number: 4, year: 2030 }, 'refused'],
    [{ number: 5, year: 2033 }, 'allowed'],
  ] as const)('xinzhou-city ban of 3 cycles from 2022, applying in %j → %s', (target, outcome) => {
    const bans = [{ startYear: 2022, length: { unit: 'cycles' as const, count: 3 }, basis: '第二十八条' }];

    const result = sut(xinzhouCity, { bans }, target);

    expect(result.outcome).toBe(outcome);
    if (outcome === 'refused') expect(result.allowedFrom).toEqual({ cycle: 5, year: 2033 });
    expect(result.findings[0]?.basis).toBe('第二十八条');
  });

  it('counts a ban in years from its start year', () => {
    const bans = [{ startYear: 2025, length: { unit: 'years' as const, count: 10 }, basis: '第二十八条第二款' }];

    expect(sut(ili, { bans }, { number: 5, year: 2032 })).toMatchObject({
      outcome: 'refused',
      allowedFrom: { cycle: 7, year: 2036 },
    });
    expect(sut(ili, { bans }, { number: 7, year: 2036 }).outcome).toBe('allowed');
  });

  it('refusal wins over other findings and reports the latest date', () => {
    const result = sut(
      ili,
      {
        awards: [{ tier: 'award', cycle: 1, year: 2024 }],
        bans: [{ startYear: 2025, length: { unit: 'years', count: 10 }, basis: '第二十八条第二款' }],
      },
      { number: 2, year: 2026 },
    );

    expect(result.outcome).toBe('refused');
    expect(result.findings.map((finding) => finding.outcome)).toEqual(['refused', 'refused']);
    expect(result.allowedFrom).toEqual({ cycle: 7, year: 2036 });
  });
});
