import {
  PENDING_TRANSFER_LIFECYCLE,
  PENDING_TRANSFER_TERMINAL,
  type PendingTransferStatus,
  pendingTransferTransitionOf,
} from './pending-transfer.lifecycle';

describe('pending transfer lifecycle', () => {
  const states: PendingTransferStatus[] = ['pending', 'posted', 'voided'];

  it.each(PENDING_TRANSFER_LIFECYCLE.flatMap((row) => row.from.map((from) => [row.action, from, row.to] as const)))(
    '%s from %s leads to %s',
    (action, from, to) => {
      expect(pendingTransferTransitionOf(action, from)?.to).toBe(to);
    },
  );

  it('a pending transfer is resolved once: posted and voided are final', () => {
    expect(PENDING_TRANSFER_TERMINAL).toEqual(['posted', 'voided']);
    for (const state of ['posted', 'voided'] as const) {
      expect(pendingTransferTransitionOf('post', state)).toBeUndefined();
      expect(pendingTransferTransitionOf('void', state)).toBeUndefined();
    }
  });

  it('every state is reachable from pending', () => {
    const reached = new Set<PendingTransferStatus>(['pending', ...PENDING_TRANSFER_LIFECYCLE.map((row) => row.to)]);
    expect([...reached].sort()).toEqual([...states].sort());
  });
});
