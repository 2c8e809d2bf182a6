import { DomainError } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';

/** Who acts, as the gateway carried it: the user and its roles in the tenant. */
export interface Acting {
  userId: string | null;
  label: string | null;
  office: boolean;
  applicant: boolean;
  recommender: boolean;
}

export function acting(): Acting {
  const actor = RequestContexts.current()?.actor ?? null;
  const roles = actor?.roles ?? [];
  return {
    userId: actor?.userId ?? null,
    label: actor ? (actor.username ?? actor.userId) : null,
    office: roles.includes('office'),
    applicant: roles.includes('applicant'),
    recommender: roles.includes('recommender'),
  };
}

export const notAllowed = () =>
  DomainError.forbidden({ zh: '无权对该申报执行此操作', en: 'You may not do this to this application' });
