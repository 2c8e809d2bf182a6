import {
  type DisbursementStatus,
  disbursementConfirmed,
  disbursementFailed,
  disbursementInitiated,
  type EventContract,
} from '@laurel/contracts';
import type { PendingTransferAction } from '../ledger/pending-transfer.lifecycle';

export type DisbursementAction = 'initiate' | 'confirm' | 'fail';

/**
 * A disbursement's lifecycle as data: initiated as a pending transfer (awaiting the treasury), then confirmed (the
 * transfer posted) or failed (voided, the amount owed again); both final. `ledger` names what happens to the pending
 * transfer (pending-transfer.lifecycle).
 */
export interface DisbursementTransition {
  readonly action: DisbursementAction;
  readonly from: readonly DisbursementStatus[];
  readonly to: DisbursementStatus;
  readonly event: EventContract;
  readonly ledger: 'pending' | PendingTransferAction;
}

export const DISBURSEMENT_LIFECYCLE: readonly DisbursementTransition[] = [
  { action: 'initiate', from: [], to: 'pending', event: disbursementInitiated, ledger: 'pending' },
  { action: 'confirm', from: ['pending'], to: 'confirmed', event: disbursementConfirmed, ledger: 'post' },
  { action: 'fail', from: ['pending'], to: 'failed', event: disbursementFailed, ledger: 'void' },
];

/** The row for `action` taken in state `from` (null: a new disbursement), or undefined when not allowed. */
export function disbursementTransitionOf(
  action: DisbursementAction,
  from: DisbursementStatus | null,
): DisbursementTransition | undefined {
  return DISBURSEMENT_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** States no action leaves. */
export const DISBURSEMENT_TERMINAL: readonly DisbursementStatus[] = (
  ['pending', 'confirmed', 'failed'] as const
).filter((state) => !DISBURSEMENT_LIFECYCLE.some((row) => row.from.includes(state)));
