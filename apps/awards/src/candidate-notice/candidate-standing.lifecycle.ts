/**
 * A candidate's standing on the awards service's notices, as data. At the close of its notice an entry with objections
 * pending is held; an objection upheld removes the candidate (during the period or after it, held or not); an
 * objection dismissed or refused releases a held candidate. A removed candidate stays removed.
 */
export type CandidateStandingStatus = 'held' | 'removed' | 'released';
export type CandidateStandingAction = 'hold' | 'remove' | 'release';

export interface CandidateStandingTransition {
  readonly action: CandidateStandingAction;
  readonly from: readonly (CandidateStandingStatus | null)[];
  readonly to: CandidateStandingStatus;
}

export const CANDIDATE_STANDING_LIFECYCLE: readonly CandidateStandingTransition[] = [
  { action: 'hold', from: [null, 'released'], to: 'held' },
  { action: 'remove', from: [null, 'held', 'released'], to: 'removed' },
  { action: 'release', from: ['held'], to: 'released' },
];

export function candidateStandingTransitionOf(
  action: CandidateStandingAction,
  from: CandidateStandingStatus | null,
): CandidateStandingTransition | undefined {
  return CANDIDATE_STANDING_LIFECYCLE.find((row) => row.action === action && row.from.includes(from));
}

/** Standings that keep a candidate from the approval: held (an objection to decide) and removed (one upheld). */
export const BLOCKING_STANDINGS: readonly CandidateStandingStatus[] = ['held', 'removed'];
