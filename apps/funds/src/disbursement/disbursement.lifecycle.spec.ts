import type { DisbursementStatus } from '@laurel/contracts';
import { DISBURSEMENT_LIFECYCLE, DISBURSEMENT_TERMINAL, disbursementTransitionOf } from './disbursement.lifecycle';

describe('disbursement lifecycle', () => {
  const states: DisbursementStatus[] = ['pending', 'confirmed', 'failed'];

  it('initiating starts a pending transfer', () => {
    expect(disbursementTransitionOf('initiate', null)).toMatchObject({ to: 'pending', ledger: 'pending' });
  });

  it.each(DISBURSEMENT_LIFECYCLE.flatMap((row) => row.from.map((from) => [row.action, from] as const)))(
    '%s is allowed from %s and nowhere else',
    (action, from) => {
      expect(disbursementTransitionOf(action, from)).toBeDefined();
      for (const other of states.filter((s) => s !== from)) {
        expect(disbursementTransitionOf(action, other)).toBeUndefined();
      }
    },
  );

  it('confirm posts and fail voids the pending transfer; both are final', () => {
    expect(disbursementTransitionOf('confirm', 'pending')).toMatchObject({ to: 'confirmed', ledger: 'post' });
    expect(disbursementTransitionOf('fail', 'pending')).toMatchObject({ to: 'failed', ledger: 'void' });
    expect(DISBURSEMENT_TERMINAL).toEqual(['confirmed', 'failed']);
  });
});
