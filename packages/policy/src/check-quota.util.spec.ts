import { checkQuota } from './check-quota.util';
import { loadLaunchPolicy } from './policy-loader.service';

describe('checkQuota', () => {
  const sut = checkQuota;

  it.each([
    ['ili', 'award', 5, 'ok', true, false, '第四条'],
    ['ili', 'award', 6, 'exceeds_hard_limit', false, false, '第四条'],
    ['ili', 'nomination', 8, 'ok', true, false, '第四条'],
    ['ili', 'nomination', 9, 'exceeds_hard_limit', false, false, '第四条'],
    ['linxia', 'award', 2, 'ok', true, false, '第四条'],
    ['linxia', 'award', 3, 'exceeds_in_principle', true, true, '第四条'],
    ['linxia', 'nomination', 4, 'exceeds_in_principle', true, true, '第四条'],
    ['inner-mongolia', 'award', 0, 'ok', true, false, '第三条'],
    ['inner-mongolia', 'award', 6, 'exceeds_hard_limit', false, false, '第三条'],
    ['inner-mongolia', 'nomination', 1, 'tier_not_offered', false, false, '第三条'],
    ['xinzhou-district', 'award', 4, 'exceeds_hard_limit', false, false, '第三条; 第五条'],
    ['xinzhou-district', 'nomination', 5, 'ok', true, false, '第三条; 第五条'],
    ['xinzhou-city', 'award', 3, 'ok', true, false, '第四条'],
    ['xinzhou-city', 'nomination', 11, 'exceeds_hard_limit', false, false, '第四条'],
  ] as const)('%s %s with %i proposed → %s', (key, tier, proposed, outcome, allowed, requiresRecordedReason, basis) => {
    const result = sut(loadLaunchPolicy(key), tier, proposed);

    expect(result).toMatchObject({ outcome, allowed, requiresRecordedReason, basis, proposed });
  });

  it('refuses a count that is not a count', () => {
    expect(() => sut(loadLaunchPolicy('ili'), 'award', 1.5)).toThrow(RangeError);
  });
});
