import type { ClearanceStatus } from '@laurel/contracts';

export type ClearanceAction =
  | 'request'
  | 'fall_overdue'
  | 'clear'
  | 'raise_concern'
  | 'dismiss_concern'
  | 'uphold_concern';

/**
 * A clearance request's lifecycle as data. A request waits for its department; after the end of its due day it is
 * overdue (the clock), and the department may still answer. A concern goes before the leading group: the office
 * records the group's decision, dismissed (the candidate goes on) or upheld (the candidate is removed).
 */
export interface ClearanceTransition {
  readonly action: ClearanceAction;
  readonly from: readonly ClearanceStatus[];
  readonly to: ClearanceStatus;
}

export const CLEARANCE_LIFECYCLE: readonly ClearanceTransition[] = [
  { action: 'request', from: [], to: 'pending' },
  { action: 'fall_overdue', from: ['pending'], to: 'overdue' },
  { action: 'clear', from: ['pending', 'overdue'], to: 'cleared' },
  { action: 'raise_concern', from: ['pending', 'overdue'], to: 'concern' },
  { action: 'dismiss_concern', from: ['concern'], to: 'concern_dismissed' },
  { action: 'uphold_concern', from: ['concern'], to: 'concern_upheld' },
];

export function clearanceTransitionOf(
  action: ClearanceAction,
  from: ClearanceStatus | null,
): ClearanceTransition | undefined {
  return CLEARANCE_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** States that hold the candidate (a concern not yet decided) and that remove it (a concern upheld). */
export const HOLDING_STATES: readonly ClearanceStatus[] = ['concern'];
export const REMOVING_STATES: readonly ClearanceStatus[] = ['concern_upheld'];
