import type { TitleAction, TitleStatus } from '@laurel/contracts';

/**
 * A title's lifecycle as data: each row is an action, the states it may be taken from and the state it leads to.
 * `grant` creates the title (from the commendation decision). At the end of its validity a title expires, or, where
 * the policy re-evaluates (linxia 第五条), is put to re-evaluation and then kept, rectified by a date, or lost.
 * A revocation takes any title that is not already revoked or lost (misconduct found after expiry still revokes).
 * Every change is recorded with who, when, why and its article (TitleStatusChange).
 */
export interface TitleTransition {
  readonly action: TitleAction;
  readonly from: readonly TitleStatus[];
  readonly to: TitleStatus;
  /** Whether a person takes it (recorded with a reason) rather than the clock. */
  readonly byPerson: boolean;
}

export const TITLE_LIFECYCLE: readonly TitleTransition[] = [
  { action: 'grant', from: [], to: 'active', byPerson: true },
  { action: 'expire', from: ['active'], to: 'expired', byPerson: false },
  { action: 'open_re_evaluation', from: ['active'], to: 'under_re_evaluation', byPerson: false },
  { action: 'keep', from: ['under_re_evaluation'], to: 'active', byPerson: true },
  { action: 'require_rectification', from: ['under_re_evaluation'], to: 'rectifying', byPerson: true },
  { action: 'confirm_rectification', from: ['rectifying'], to: 'active', byPerson: true },
  { action: 'lose', from: ['under_re_evaluation', 'rectifying'], to: 'lost', byPerson: true },
  { action: 'revoke', from: ['active', 'expired', 'under_re_evaluation', 'rectifying'], to: 'revoked', byPerson: true },
];

/** The row of the table for `action` taken in state `from` (null: a new title), or undefined when not allowed. */
export function titleTransitionOf(action: TitleAction, from: TitleStatus | null): TitleTransition | undefined {
  return TITLE_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

const ALL: readonly TitleStatus[] = ['active', 'expired', 'under_re_evaluation', 'rectifying', 'lost', 'revoked'];

/** States no action leaves. */
export const TITLE_TERMINAL: readonly TitleStatus[] = ALL.filter(
  (state) => !TITLE_LIFECYCLE.some((row) => row.from.includes(state)),
);

/** States in which the holder may use the title (state the year; never on products or packaging). */
export const TITLE_HOLDING_STATES: readonly TitleStatus[] = ['active', 'under_re_evaluation', 'rectifying'];
