import {
  type ApplicationStatus,
  applicationAcceptanceNoticed,
  applicationAccepted,
  applicationCreated,
  applicationDisqualified,
  applicationFormalReviewPassed,
  applicationHeld,
  applicationNotAccepted,
  applicationNoticeWithdrawn,
  applicationPublicityStarted,
  applicationRecommendationNoticed,
  applicationRecommended,
  applicationRefused,
  applicationReturned,
  applicationStatusSchema,
  applicationSubmitted,
  type EventContract,
  type PlanStep,
} from '@laurel/contracts';

/**
 * Where a submitted application goes: to its recommender where the plan has a recommendation step, else straight to
 * the office's formal review (a text with no recommender, e.g. internal publicity then the acceptance list).
 */
export type SubmissionRoute = 'recommender' | 'office';

/**
 * The application's lifecycle as data: each row is an action, the states it may be taken from, the state it leads to
 * (`same`: it changes the application without moving it), the event it emits (null: an edit, audited only) and, where
 * it holds on one route only, the route (the plan decides it: `routeOf`).
 * Every step of the procedure goes through `ApplicationTransitions`, which guards by this table; nothing else decides
 * whether an action is allowed in a state.
 *
 * `consequence` rows are outcomes that reach an application from outside the procedure and may arrive after it ended
 * (an objection upheld on a prohibited ground disqualifies even an accepted application, ili 第二十一条): they do not
 * keep a state from being terminal.
 */
export interface ApplicationTransition {
  readonly action: ApplicationAction;
  readonly from: readonly ApplicationStatus[];
  readonly to: ApplicationStatus | 'same';
  readonly event: EventContract | null;
  readonly consequence?: true;
  /** Only on this route (absent: on both). */
  readonly route?: SubmissionRoute;
}

export type ApplicationAction =
  | 'create'
  | 'update-facts'
  | 'decide'
  | 'start-publicity'
  | 'submit'
  | 'return'
  | 'refuse'
  | 'recommend'
  | 'recommend-for-notice'
  | 'recommendation-notice-passed'
  | 'not-accept'
  | 'formal-review'
  | 'formal-review-accept'
  | 'acceptance-list'
  | 'acceptance-notice-passed'
  | 'held'
  | 'notice-withdrawn'
  | 'disqualify';

/** Every state an application is in while its procedure runs (the states a person's decision may still change). */
const IN_PROCEDURE = [
  'draft',
  'internal_publicity',
  'submitted',
  'returned',
  'recommendation_notice',
  'recommended',
  'formal_review_passed',
  'acceptance_notice',
] as const satisfies readonly ApplicationStatus[];

export const APPLICATION_LIFECYCLE: readonly ApplicationTransition[] = [
  { action: 'create', from: [], to: 'draft', event: applicationCreated },
  { action: 'update-facts', from: ['draft', 'returned'], to: 'same', event: null },
  { action: 'decide', from: IN_PROCEDURE, to: 'same', event: null },
  { action: 'start-publicity', from: ['draft'], to: 'internal_publicity', event: applicationPublicityStarted },
  // From `draft` only where the plan has no internal publicity: the submission step checks the plan.
  { action: 'submit', from: ['draft', 'internal_publicity', 'returned'], to: 'submitted', event: applicationSubmitted },
  // The recommender's review: only where the plan has a recommender.
  { action: 'return', from: ['submitted'], to: 'returned', event: applicationReturned, route: 'recommender' },
  { action: 'refuse', from: ['submitted'], to: 'refused', event: applicationRefused, route: 'recommender' },
  {
    action: 'recommend',
    from: ['submitted'],
    to: 'recommended',
    event: applicationRecommended,
    route: 'recommender',
  },
  {
    action: 'recommend-for-notice',
    from: ['submitted'],
    to: 'recommendation_notice',
    event: applicationRecommendationNoticed,
    route: 'recommender',
  },
  {
    action: 'recommendation-notice-passed',
    from: ['recommendation_notice'],
    to: 'recommended',
    event: applicationRecommended,
    route: 'recommender',
  },
  // The office's formal review: of what its recommender recommended, or of what was submitted where there is none.
  {
    action: 'not-accept',
    from: ['recommended'],
    to: 'not_accepted',
    event: applicationNotAccepted,
    route: 'recommender',
  },
  { action: 'not-accept', from: ['submitted'], to: 'not_accepted', event: applicationNotAccepted, route: 'office' },
  {
    action: 'formal-review',
    from: ['recommended'],
    to: 'formal_review_passed',
    event: applicationFormalReviewPassed,
    route: 'recommender',
  },
  {
    action: 'formal-review',
    from: ['submitted'],
    to: 'formal_review_passed',
    event: applicationFormalReviewPassed,
    route: 'office',
  },
  // Where the policy has no acceptance list notice, passing formal review accepts the application.
  {
    action: 'formal-review-accept',
    from: ['recommended'],
    to: 'accepted',
    event: applicationAccepted,
    route: 'recommender',
  },
  { action: 'formal-review-accept', from: ['submitted'], to: 'accepted', event: applicationAccepted, route: 'office' },
  {
    action: 'acceptance-list',
    from: ['formal_review_passed'],
    to: 'acceptance_notice',
    event: applicationAcceptanceNoticed,
  },
  { action: 'acceptance-notice-passed', from: ['acceptance_notice'], to: 'accepted', event: applicationAccepted },
  { action: 'held', from: ['recommendation_notice', 'acceptance_notice'], to: 'same', event: applicationHeld },
  { action: 'notice-withdrawn', from: ['recommendation_notice'], to: 'submitted', event: applicationNoticeWithdrawn },
  {
    action: 'notice-withdrawn',
    from: ['acceptance_notice'],
    to: 'formal_review_passed',
    event: applicationNoticeWithdrawn,
  },
  {
    action: 'disqualify',
    from: [...IN_PROCEDURE, 'accepted'],
    to: 'disqualified',
    event: applicationDisqualified,
    consequence: true,
  },
];

/** The route of an application whose plan is `plan`: its recommender where the plan has a recommendation step. */
export const routeOf = (plan: readonly PlanStep[]): SubmissionRoute =>
  plan.some((step) => step.kind === 'recommendation') ? 'recommender' : 'office';

/** The row for `action` taken from `status` on `route`, or null when the table does not allow it. */
export function transitionOf(
  action: ApplicationAction,
  status: ApplicationStatus | null,
  route: SubmissionRoute,
): ApplicationTransition | null {
  return (
    APPLICATION_LIFECYCLE.find(
      (row) =>
        row.action === action &&
        (row.route === undefined || row.route === route) &&
        (status === null ? row.from.length === 0 : row.from.includes(status)),
    ) ?? null
  );
}

/** The states from which the procedure goes nowhere (only a consequence may still reach them). */
export const TERMINAL: ReadonlySet<ApplicationStatus> = new Set(
  applicationStatusSchema.options.filter(
    (status) => !APPLICATION_LIFECYCLE.some((row) => !row.consequence && row.from.includes(status)),
  ),
);

/** Whether an upheld objection on a prohibited ground may still disqualify an application in this state. */
export const mayBeDisqualified = (status: ApplicationStatus): boolean =>
  APPLICATION_LIFECYCLE.some((row) => row.action === 'disqualify' && row.from.includes(status));

/** The states `action` may be taken from (for messages and the spec). */
export const fromStatesOf = (action: ApplicationAction): ApplicationStatus[] => [
  ...new Set(APPLICATION_LIFECYCLE.filter((row) => row.action === action).flatMap((row) => row.from)),
];
