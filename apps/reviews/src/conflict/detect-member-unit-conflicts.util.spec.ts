import { detectMemberUnitConflicts } from './detect-member-unit-conflicts.util';

describe('detectMemberUnitConflicts', () => {
  const unit = { creditCode: '11652300MB1234567X', subordinateCreditCodes: ['12652300MB7654321Y'] };

  it('flags the applicant that is the unit itself, and one under it, citing the 回避 article', () => {
    expect(detectMemberUnitConflicts(unit, { creditCode: '11652300mb1234567x' }, 'ili')).toEqual([
      { kind: 'applicant_is_employer', evidence: '11652300MB1234567X', basis: 'ili 第三十一条' },
    ]);
    expect(detectMemberUnitConflicts(unit, { creditCode: '12652300MB7654321Y' }, 'ili')).toEqual([
      { kind: 'same_group', evidence: '12652300MB7654321Y', basis: 'ili 第三十一条' },
    ]);
  });

  it('finds nothing for another applicant, an individual without a code, or a unit without codes', () => {
    expect(detectMemberUnitConflicts(unit, { creditCode: '91652300MA0000000A' }, 'ili')).toEqual([]);
    expect(detectMemberUnitConflicts(unit, { creditCode: null }, 'ili')).toEqual([]);
    expect(
      detectMemberUnitConflicts({ creditCode: null, subordinateCreditCodes: [] }, { creditCode: '1' }, 'ili'),
    ).toEqual([]);
  });
});
