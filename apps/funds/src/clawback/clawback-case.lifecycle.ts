import {
  type ClawbackCaseStatus,
  clawbackCaseChanged,
  clawbackCaseNotOpened,
  clawbackCaseOpened,
  clawbackCaseOverdue,
  type EventContract,
} from '@laurel/contracts';

export type ClawbackAction =
  | 'open'
  | 'decline'
  | 'demand'
  | 'recover'
  | 'recover_in_full'
  | 'agree_instalments'
  | 'remind'
  | 'mark_overdue'
  | 'write_off'
  | 'return';

/**
 * A clawback case's lifecycle as data. Opened from a revocation (the receivable booked) or recorded as not opened
 * with why; a demand letter with a due date; partial recoveries keep the state, the last one settles it; an instalment
 * agreement replaces the due date by a schedule; a due date passed unpaid makes it overdue (escalated); a write-off
 * needs an approval and a reason. Money recovered is returned to the treasury in any state after opening.
 * `to: 'unchanged'` keeps the state the case is in.
 */
export interface ClawbackTransition {
  readonly action: ClawbackAction;
  readonly from: readonly ClawbackCaseStatus[];
  readonly to: ClawbackCaseStatus | 'unchanged';
  readonly event: EventContract;
}

const COLLECTING: readonly ClawbackCaseStatus[] = ['opened', 'demanded', 'instalments', 'overdue'];

export const CLAWBACK_LIFECYCLE: readonly ClawbackTransition[] = [
  { action: 'open', from: [], to: 'opened', event: clawbackCaseOpened },
  {
    action: 'decline',
    from: [],
    to: 'not_opened',
    event: clawbackCaseNotOpened,
  },
  {
    action: 'demand',
    from: ['opened'],
    to: 'demanded',
    event: clawbackCaseChanged,
  },
  {
    action: 'recover',
    from: COLLECTING,
    to: 'unchanged',
    event: clawbackCaseChanged,
  },
  {
    action: 'recover_in_full',
    from: COLLECTING,
    to: 'recovered',
    event: clawbackCaseChanged,
  },
  {
    action: 'agree_instalments',
    from: ['demanded', 'overdue'],
    to: 'instalments',
    event: clawbackCaseChanged,
  },
  {
    action: 'remind',
    from: ['demanded', 'instalments'],
    to: 'unchanged',
    event: clawbackCaseChanged,
  },
  {
    action: 'mark_overdue',
    from: ['demanded', 'instalments'],
    to: 'overdue',
    event: clawbackCaseOverdue,
  },
  {
    action: 'write_off',
    from: COLLECTING,
    to: 'written_off',
    event: clawbackCaseChanged,
  },
  {
    action: 'return',
    from: [...COLLECTING, 'recovered', 'written_off'],
    to: 'unchanged',
    event: clawbackCaseChanged,
  },
];

/** The row for `action` taken in state `from` (null: a new case), or undefined when not allowed. */
export function clawbackTransitionOf(
  action: ClawbackAction,
  from: ClawbackCaseStatus | null,
): ClawbackTransition | undefined {
  return CLAWBACK_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** The state after `transition` taken in `from`. */
export const stateAfter = (transition: ClawbackTransition, from: ClawbackCaseStatus | null): ClawbackCaseStatus =>
  transition.to === 'unchanged' ? (from as ClawbackCaseStatus) : transition.to;

/** States no action but a return to the treasury leaves. */
export const CLAWBACK_SETTLED: readonly ClawbackCaseStatus[] = ['not_opened', 'recovered', 'written_off'];
