import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';

const transition = z.object({
  applicationId: z.uuid(),
  applicant: z.object({
    id: z.uuid(),
    kind: z.enum(['organisation', 'individual']),
    name: z.string(),
    /** The organisation's 统一社会信用代码 (absent from events published before it was carried). */
    creditCode: z.string().nullable().optional(),
  }),
  /** Whom it was submitted to (absent from events published before it was carried). */
  recommender: z.object({ id: z.uuid(), name: z.string() }).nullable().optional(),
  cycleNumber: z.number().int(),
  from: z.string().nullable(),
  to: z.string(),
  stage: z.string().nullable(),
  reason: z.string().nullable(),
  basis: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ApplicationTransitionPayload = z.infer<typeof transition>;

export const applicationCreated = defineEvent('applications.application.created.v1', transition);
export const applicationPublicityStarted = defineEvent('applications.application.publicity-started.v1', transition);
export const applicationSubmitted = defineEvent('applications.application.submitted.v1', transition);
export const applicationReturned = defineEvent('applications.application.returned.v1', transition);
export const applicationRefused = defineEvent('applications.application.refused.v1', transition);
export const applicationRecommendationNoticed = defineEvent(
  'applications.application.recommendation-noticed.v1',
  transition,
);
export const applicationRecommended = defineEvent('applications.application.recommended.v1', transition);
export const applicationFormalReviewPassed = defineEvent(
  'applications.application.formal-review-passed.v1',
  transition,
);
export const applicationAcceptanceNoticed = defineEvent('applications.application.acceptance-noticed.v1', transition);
export const applicationAccepted = defineEvent('applications.application.accepted.v1', transition);
export const applicationNotAccepted = defineEvent('applications.application.not-accepted.v1', transition);
/** Its notice was withdrawn: back to the step before the notice (submitted, or past formal review). */
export const applicationNoticeWithdrawn = defineEvent('applications.application.notice-withdrawn.v1', transition);
export const applicationHeld = defineEvent('applications.application.held.v1', transition);
export const applicationDisqualified = defineEvent('applications.application.disqualified.v1', transition);
