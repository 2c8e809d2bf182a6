import type { ScoreSheetStatus } from '@laurel/contracts';

export type ScoreSheetAction = 'save' | 'submit' | 'revise';

/**
 * A score sheet's lifecycle as data: each row is an action, the states it may be taken from and the state it leads
 * to. A draft is saved as often as the expert likes and submitted once; a submitted sheet changes only by a revision,
 * recorded with who, when, why and the old and new values.
 */
export interface ScoreSheetTransition {
  readonly action: ScoreSheetAction;
  /** `null`: the sheet does not exist yet (the first save opens it). */
  readonly from: readonly (ScoreSheetStatus | null)[];
  readonly to: ScoreSheetStatus;
}

export const SCORE_SHEET_LIFECYCLE: readonly ScoreSheetTransition[] = [
  { action: 'save', from: [null, 'draft'], to: 'draft' },
  { action: 'submit', from: ['draft'], to: 'submitted' },
  { action: 'revise', from: ['submitted', 'revised'], to: 'revised' },
];

/** The row for `action` taken in state `from`, or undefined when not allowed. */
export function scoreSheetTransitionOf(
  action: ScoreSheetAction,
  from: ScoreSheetStatus | null,
): ScoreSheetTransition | undefined {
  return SCORE_SHEET_LIFECYCLE.find((row) => row.action === action && row.from.includes(from));
}

/** States whose totals count in a stage's results (submitted once, possibly revised since). */
export const COUNTED_STATES: readonly ScoreSheetStatus[] = ['submitted', 'revised'];
