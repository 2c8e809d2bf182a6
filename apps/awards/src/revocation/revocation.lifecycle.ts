import type { RevocationStatus } from '@laurel/contracts';

export type RevocationAction = 'open' | 'approve' | 'apply' | 'dismiss';

/**
 * A revocation case's lifecycle as data: opened by the office with its grounds and evidence; approved by the body
 * the policy names (recorded: body, 文号, date) or dismissed; once approved, each consequence is applied as its own
 * step and the case is `applied`. Approval and application run in one transaction: `approved` is the state in which
 * the steps are written.
 */
export interface RevocationTransition {
  readonly action: RevocationAction;
  readonly from: readonly RevocationStatus[];
  readonly to: RevocationStatus;
}

export const REVOCATION_LIFECYCLE: readonly RevocationTransition[] = [
  { action: 'open', from: [], to: 'opened' },
  { action: 'approve', from: ['opened'], to: 'approved' },
  { action: 'apply', from: ['approved'], to: 'applied' },
  { action: 'dismiss', from: ['opened'], to: 'dismissed' },
];

/** The row for `action` taken in state `from` (null: a new case), or undefined when not allowed. */
export function revocationTransitionOf(
  action: RevocationAction,
  from: RevocationStatus | null,
): RevocationTransition | undefined {
  return REVOCATION_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** States no action leaves. */
export const REVOCATION_TERMINAL: readonly RevocationStatus[] = (
  ['opened', 'approved', 'applied', 'dismissed'] as const
).filter((state) => !REVOCATION_LIFECYCLE.some((row) => row.from.includes(state)));
