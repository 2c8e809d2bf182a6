import {
  type BallotStatus,
  ballotCast,
  type EventContract,
  type VoteStatus,
  voteCreated,
  voteOpened,
  voteTallied,
} from '@laurel/contracts';

export type VoteAction = 'create' | 'configure' | 'open' | 'close';

/**
 * A vote's lifecycle as data (ili 第十六条): the office creates it for a cycle, records the quorum and majority and
 * the slate while it is a draft, opens it (one draft ballot per member unit), and closes it, which tallies it at once.
 * A tallied vote is final.
 */
export interface VoteTransition {
  readonly action: VoteAction;
  readonly from: readonly VoteStatus[];
  readonly to: VoteStatus;
  /** The event it emits; none for recording rules or the slate (the audit trail keeps who, when, why). */
  readonly event: EventContract | null;
}

export const VOTE_LIFECYCLE: readonly VoteTransition[] = [
  { action: 'create', from: [], to: 'draft', event: voteCreated },
  { action: 'configure', from: ['draft'], to: 'draft', event: null },
  { action: 'open', from: ['draft'], to: 'open', event: voteOpened },
  { action: 'close', from: ['open'], to: 'tallied', event: voteTallied },
];

export type BallotAction = 'issue' | 'save' | 'cast';

/** A ballot's lifecycle: issued as a draft when the vote opens, saved as often as the unit likes, cast once. */
export interface BallotTransition {
  readonly action: BallotAction;
  readonly from: readonly BallotStatus[];
  readonly to: BallotStatus;
  readonly event: EventContract | null;
}

export const BALLOT_LIFECYCLE: readonly BallotTransition[] = [
  { action: 'issue', from: [], to: 'draft', event: null },
  { action: 'save', from: ['draft'], to: 'draft', event: null },
  { action: 'cast', from: ['draft'], to: 'cast', event: ballotCast },
];

function transitionOf<S, A, T extends { action: A; from: readonly S[] }>(
  table: readonly T[],
  action: A,
  from: S | null,
): T | undefined {
  return table.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

export const voteTransitionOf = (action: VoteAction, from: VoteStatus | null) =>
  transitionOf(VOTE_LIFECYCLE, action, from);
export const ballotTransitionOf = (action: BallotAction, from: BallotStatus | null) =>
  transitionOf(BALLOT_LIFECYCLE, action, from);
