import type { ApplicantKind, TierKey } from '@laurel/policy';

/**
 * The winners a commendation decision names, each with its applicant kind from the cycle's candidate list, so a tier
 * with separate quotas for organisations and individuals (组织奖、个人奖各不超过N个, `quota.byKind`) counts each kind
 * against its own. A winner not on the list keeps no kind (the list check refuses it anyway).
 */
export function winnersWithKinds<W extends { readonly applicationId: string; readonly tier: TierKey }>(
  winners: readonly W[],
  entries: readonly { readonly applicationId: string; readonly applicantKind: string }[],
): (W & { readonly applicantKind?: ApplicantKind })[] {
  return winners.map((winner) => {
    const kind = entries.find((e) => e.applicationId === winner.applicationId)?.applicantKind;
    return kind === 'organisation' || kind === 'individual' ? { ...winner, applicantKind: kind } : { ...winner };
  });
}
