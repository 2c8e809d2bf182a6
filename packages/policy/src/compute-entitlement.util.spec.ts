import { computeEntitlement } from './compute-entitlement.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('computeEntitlement', () => {
  const sut = computeEntitlement;

  it.each([
    ['inner-mongolia', 'award', 'organisation', 0, 100_000_000, '第十八条'],
    ['inner-mongolia', 'award', 'organisation', 1, 0, '第十八条'],
    ['xinzhou-city', 'award', 'organisation', 0, 20_000_000, '第二十一条'],
    ['xinzhou-city', 'award', 'individual', 0, 3_000_000, '第二十一条'],
    ['xinzhou-city', 'award', 'individual', 1, 3_000_000, '第二十一条'],
    ['xinzhou-city', 'nomination', 'organisation', 0, 0, '第二十一条'],
    ['xinzhou-district', 'award', 'organisation', 0, 8_000_000, '第十五条'],
    ['xinzhou-district', 'nomination', 'organisation', 0, 1_000_000, '第十五条'],
    ['ili', 'award', 'organisation', 0, null, null],
  ] as const)('%s %s %s with %i earlier wins → %j fen', (key, tier, applicantKind, previousWins, fen, basis) => {
    const result = sut(loadLaunchPolicy(key), { tier, applicantKind, previousWins });

    expect(result).toMatchObject({ fen, basis });
  });
});
