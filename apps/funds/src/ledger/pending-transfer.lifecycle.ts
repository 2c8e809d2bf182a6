/** A pending (two-phase) transfer's state: held until posted (the treasury paid) or voided (it did not). */
export type PendingTransferStatus = 'pending' | 'posted' | 'voided';
export type PendingTransferAction = 'post' | 'void';

export interface PendingTransferTransition {
  readonly action: PendingTransferAction;
  readonly from: readonly PendingTransferStatus[];
  readonly to: PendingTransferStatus;
}

/** The lifecycle of a pending transfer as data: one resolution, final; a correction is a new transfer. */
export const PENDING_TRANSFER_LIFECYCLE: readonly PendingTransferTransition[] = [
  { action: 'post', from: ['pending'], to: 'posted' },
  { action: 'void', from: ['pending'], to: 'voided' },
];

/** The row for `action` in state `from`, or undefined when not allowed. */
export function pendingTransferTransitionOf(
  action: PendingTransferAction,
  from: PendingTransferStatus,
): PendingTransferTransition | undefined {
  return PENDING_TRANSFER_LIFECYCLE.find((row) => row.action === action && row.from.includes(from));
}

/** States no action leaves. */
export const PENDING_TRANSFER_TERMINAL: readonly PendingTransferStatus[] = (
  ['pending', 'posted', 'voided'] as const
).filter((state) => !PENDING_TRANSFER_LIFECYCLE.some((row) => row.from.includes(state)));
