import { CLAWBACK_LIFECYCLE, clawbackTransitionOf, stateAfter } from './clawback-case.lifecycle';

describe('clawback case lifecycle', () => {
  it('opens or records a case not opened, once', () => {
    expect(clawbackTransitionOf('open', null)?.to).toBe('opened');
    expect(clawbackTransitionOf('decline', null)?.to).toBe('not_opened');
    expect(clawbackTransitionOf('open', 'opened')).toBeUndefined();
  });

  it('a partial recovery keeps the state, the last settles it; nothing is collected after settling', () => {
    const partial = clawbackTransitionOf('recover', 'instalments');
    expect(partial && stateAfter(partial, 'instalments')).toBe('instalments');
    expect(clawbackTransitionOf('recover_in_full', 'overdue')?.to).toBe('recovered');
    for (const settled of ['recovered', 'written_off', 'not_opened'] as const) {
      expect(clawbackTransitionOf('recover', settled)).toBeUndefined();
      expect(clawbackTransitionOf('write_off', settled)).toBeUndefined();
    }
  });

  it('becomes overdue only from a due date; an instalment agreement may follow an overdue demand', () => {
    expect(clawbackTransitionOf('mark_overdue', 'opened')).toBeUndefined();
    expect(clawbackTransitionOf('mark_overdue', 'demanded')?.to).toBe('overdue');
    expect(clawbackTransitionOf('agree_instalments', 'overdue')?.to).toBe('instalments');
  });

  it('money recovered can be returned to the treasury after the case is settled, never before it opened', () => {
    expect(clawbackTransitionOf('return', 'recovered')).toBeDefined();
    expect(clawbackTransitionOf('return', 'not_opened')).toBeUndefined();
    expect(CLAWBACK_LIFECYCLE.filter((row) => row.from.length === 0).map((row) => row.action)).toEqual([
      'open',
      'decline',
    ]);
  });
});
