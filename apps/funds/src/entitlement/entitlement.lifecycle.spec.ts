import { ENTITLEMENT_LIFECYCLE, entitlementTransitionFrom, entitlementTransitionOf } from './entitlement.lifecycle';

describe('entitlement lifecycle', () => {
  it.each([
    ['obligate', 'obligated', 'funds.entitlement.obligated.v1'],
    ['refuse', 'refused', 'funds.entitlement.refused.v1'],
    ['record-nothing-owed', 'nothing_owed', 'funds.entitlement.recorded.v1'],
    ['record-undecided', 'amount_undecided', 'funds.entitlement.recorded.v1'],
  ] as const)('%s makes an entitlement %s and publishes %s', (action, to, subject) => {
    expect(entitlementTransitionOf(action)).toMatchObject({ to, event: { subject } });
  });

  it('every other row starts an entitlement, each state from one starting row', () => {
    const starting = ENTITLEMENT_LIFECYCLE.filter((row) => row.from.length === 0);
    expect(starting.map((row) => row.action)).toEqual([
      'obligate',
      'refuse',
      'record-nothing-owed',
      'record-undecided',
    ]);
    expect(new Set(starting.map((row) => row.to)).size).toBe(starting.length);
  });

  it('only an undecided amount is decided afterwards, which obligates it', () => {
    expect(entitlementTransitionFrom('decide-amount', 'amount_undecided')).toMatchObject({
      to: 'obligated',
      event: { subject: 'funds.entitlement.obligated.v1' },
    });
    expect(entitlementTransitionFrom('decide-amount', 'obligated')).toBeNull();
    expect(entitlementTransitionFrom('decide-amount', 'refused')).toBeNull();
  });
});
