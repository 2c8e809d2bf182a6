import { type Acting, acting } from './actor.util';

/** How the acting user stands to an application: the office, its own applicant, its recommender, or not at all. */
export type ApplicationAccess = 'office' | 'applicant' | 'recommender' | null;

type Parties = { applicant: { accountUserId: string | null }; recommender: { userIds: string[] } | null };

export const isOwnApplication = (row: Parties, who: Acting = acting()): boolean =>
  who.applicant && who.userId !== null && row.applicant.accountUserId === who.userId;

export const isRecommenderOf = (row: Parties, who: Acting = acting()): boolean =>
  who.recommender && who.userId !== null && (row.recommender?.userIds.includes(who.userId) ?? false);

export function accessTo(row: Parties, who: Acting = acting()): ApplicationAccess {
  if (who.office) return 'office';
  if (isOwnApplication(row, who)) return 'applicant';
  if (isRecommenderOf(row, who)) return 'recommender';
  return null;
}

/** Whether the acting user may take a step of the application in this role (the office may act for an applicant). */
export function mayActAs(row: Parties, as: 'office' | 'applicant' | 'recommender', who: Acting = acting()): boolean {
  if (as === 'office') return who.office;
  if (as === 'applicant') return who.office || isOwnApplication(row, who);
  return isRecommenderOf(row, who);
}
