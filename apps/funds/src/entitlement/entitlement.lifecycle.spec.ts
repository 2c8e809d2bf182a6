import { ENTITLEMENT_LIFECYCLE, entitlementTransitionOf } from './entitlement.lifecycle';

describe('entitlement lifecycle', () => {
  it.each([
    ['obligate', 'obligated', 'funds.entitlement.obligated.v1'],
    ['refuse', 'refused', 'funds.entitlement.refused.v1'],
    ['record-nothing-owed', 'nothing_owed', 'funds.entitlement.recorded.v1'],
    ['record-undecided', 'amount_undecided', 'funds.entitlement.recorded.v1'],
  ] as const)('%s makes an entitlement %s and publishes %s', (action, to, subject) => {
    expect(entitlementTransitionOf(action)).toMatchObject({ to, event: { subject } });
  });

  it('every row starts an entitlement (none is changed afterwards) and each state has one row', () => {
    expect(ENTITLEMENT_LIFECYCLE.every((row) => row.from.length === 0)).toBe(true);
    expect(new Set(ENTITLEMENT_LIFECYCLE.map((row) => row.to)).size).toBe(ENTITLEMENT_LIFECYCLE.length);
  });
});
