import { evaluateWinnerQuotas, loadLaunchPolicy, type Policy } from '@laurel/policy';
import { winnersWithKinds } from './winner-kinds.util';

describe('winnersWithKinds with quotas per applicant kind', () => {
  const policy: Policy = structuredClone(loadLaunchPolicy('xinzhou-city'));
  const [award] = policy.tiers;
  if (award) award.quota = { ...award.quota, byKind: { organisation: { max: 1 }, individual: { max: 1 } } };
  const entries = [
    { applicationId: 'a1', applicantKind: 'organisation' },
    { applicationId: 'a2', applicantKind: 'organisation' },
    { applicationId: 'p1', applicantKind: 'individual' },
  ];

  it('takes each winner’s kind from the candidate list', () => {
    expect(winnersWithKinds([{ applicationId: 'p1', tier: 'award' as const }], entries)).toEqual([
      { applicationId: 'p1', tier: 'award', applicantKind: 'individual' },
    ]);
  });

  it('lets the quota check refuse a second organisation while one individual fits', () => {
    const two = winnersWithKinds(
      [
        { applicationId: 'a1', tier: 'award' as const },
        { applicationId: 'a2', tier: 'award' as const },
      ],
      entries,
    );
    const mixed = winnersWithKinds(
      [
        { applicationId: 'a1', tier: 'award' as const },
        { applicationId: 'p1', tier: 'award' as const },
      ],
      entries,
    );

    expect(evaluateWinnerQuotas(policy, two, []).problems.map((p) => p.field)).toEqual(['winners[0].tier']);
    expect(evaluateWinnerQuotas(policy, mixed, []).problems).toEqual([]);
  });
});
