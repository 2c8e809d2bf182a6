import { REVOCATION_TERMINAL, revocationTransitionOf } from './revocation.lifecycle';

describe('revocation lifecycle', () => {
  it('opens, then is approved and applied, or dismissed', () => {
    expect(revocationTransitionOf('open', null)?.to).toBe('opened');
    expect(revocationTransitionOf('approve', 'opened')?.to).toBe('approved');
    expect(revocationTransitionOf('apply', 'approved')?.to).toBe('applied');
    expect(revocationTransitionOf('dismiss', 'opened')?.to).toBe('dismissed');
  });

  it('refuses to approve twice, to dismiss an approved case, or to apply without approval', () => {
    expect(revocationTransitionOf('approve', 'approved')).toBeUndefined();
    expect(revocationTransitionOf('dismiss', 'approved')).toBeUndefined();
    expect(revocationTransitionOf('apply', 'opened')).toBeUndefined();
    expect(revocationTransitionOf('open', 'opened')).toBeUndefined();
  });

  it('ends in applied or dismissed', () => {
    expect([...REVOCATION_TERMINAL].sort()).toEqual(['applied', 'dismissed']);
  });
});
