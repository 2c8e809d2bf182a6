import { acting as actingInPlatform, type Acting as PlatformActing } from '@laurel/platform';

/** The acting user (read once, by the platform's `acting()`) with the three roles the applications service asks about. */
export interface Acting extends PlatformActing {
  office: boolean;
  applicant: boolean;
  recommender: boolean;
}

export function acting(): Acting {
  const who = actingInPlatform();
  return { ...who, office: who.has('office'), applicant: who.has('applicant'), recommender: who.has('recommender') };
}

export { notAllowed } from '../application/application.errors';
