import {
  type ConflictStatus,
  conflictDeclared,
  conflictDetected,
  conflictDismissed,
  conflictRecused,
  type EventContract,
} from '@laurel/contracts';

export type ConflictAction = 'detect' | 'declare' | 'report' | 'recuse' | 'dismiss';

/**
 * A conflict flag's lifecycle as data: each row is an action, the states it may be taken from, the state it leads to
 * and the event it emits. A detected flag waits for the office; an expert's declaration is recused at once (the
 * expert withdraws); an office user's or a member unit's declaration (`report`) waits for the office like a detected
 * flag, since their withdrawal changes who decides or votes; a decision is final (a changed profile raises a new flag, it does not reopen one).
 */
export interface ConflictTransition {
  readonly action: ConflictAction;
  readonly from: readonly ConflictStatus[];
  readonly to: ConflictStatus;
  readonly event: EventContract;
}

export const CONFLICT_LIFECYCLE: readonly ConflictTransition[] = [
  { action: 'detect', from: [], to: 'detected', event: conflictDetected },
  { action: 'declare', from: [], to: 'recused', event: conflictDeclared },
  { action: 'report', from: [], to: 'detected', event: conflictDeclared },
  { action: 'recuse', from: ['detected'], to: 'recused', event: conflictRecused },
  { action: 'dismiss', from: ['detected'], to: 'dismissed', event: conflictDismissed },
];

/** The row of the table for `action` taken in state `from` (null: a new flag), or undefined when not allowed. */
export function conflictTransitionOf(
  action: ConflictAction,
  from: ConflictStatus | null,
): ConflictTransition | undefined {
  return CONFLICT_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** States no action leaves. */
export const CONFLICT_TERMINAL: readonly ConflictStatus[] = (['detected', 'recused', 'dismissed'] as const).filter(
  (state) => !CONFLICT_LIFECYCLE.some((row) => row.from.includes(state)),
);

/**
 * The states in which an expert must not see the application (an office user must not decide it, a member unit
 * must not vote on it): a confirmed conflict, and one not decided yet (until
 * the office dismisses it, the interest is presumed).
 */
export const HIDING_STATES: readonly ConflictStatus[] = ['detected', 'recused'];
