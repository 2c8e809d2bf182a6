import type { ReviewStageStatus } from '@laurel/contracts';

export type ReviewStageAction = 'open' | 'close';

/**
 * A review stage's lifecycle as data: each row is an action, the states it may be taken from and the state it leads
 * to. A stage the policy names is `planned` until the office opens it with its entrants; panels and assignments are
 * made while it is `open`; `closed` records who went on and is final.
 */
export interface ReviewStageTransition {
  readonly action: ReviewStageAction;
  readonly from: readonly ReviewStageStatus[];
  readonly to: ReviewStageStatus;
}

export const REVIEW_STAGE_LIFECYCLE: readonly ReviewStageTransition[] = [
  { action: 'open', from: ['planned'], to: 'open' },
  { action: 'close', from: ['open'], to: 'closed' },
];

/** The row of the table for `action` taken in state `from`, or undefined when not allowed. */
export function reviewStageTransitionOf(
  action: ReviewStageAction,
  from: ReviewStageStatus,
): ReviewStageTransition | undefined {
  return REVIEW_STAGE_LIFECYCLE.find((row) => row.action === action && row.from.includes(from));
}

/** The states in which the panel and its assignments may change. */
export const ASSIGNABLE_STATES: readonly ReviewStageStatus[] = ['open'];
