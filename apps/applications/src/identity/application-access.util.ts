import { type Acting, acting } from './actor.util';

/** How the acting user stands to an application: the office, its own applicant, its recommender, or not at all. */
export type ApplicationAccess = 'office' | 'applicant' | 'recommender' | null;

export function accessTo(
  row: { applicant: { accountUserId: string | null }; recommender: { userIds: string[] } | null },
  who: Acting = acting(),
): ApplicationAccess {
  if (who.office) return 'office';
  if (who.applicant && who.userId !== null && row.applicant.accountUserId === who.userId) return 'applicant';
  if (who.recommender && who.userId !== null && (row.recommender?.userIds.includes(who.userId) ?? false)) {
    return 'recommender';
  }
  return null;
}
