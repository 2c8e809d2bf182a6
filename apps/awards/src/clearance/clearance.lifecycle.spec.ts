import { CLEARANCE_LIFECYCLE, clearanceTransitionOf, HOLDING_STATES, REMOVING_STATES } from './clearance.lifecycle';

describe('clearance lifecycle', () => {
  it('opens pending, falls overdue only while pending, and takes a late answer', () => {
    expect(clearanceTransitionOf('request', null)?.to).toBe('pending');
    expect(clearanceTransitionOf('fall_overdue', 'pending')?.to).toBe('overdue');
    expect(clearanceTransitionOf('fall_overdue', 'cleared')).toBeUndefined();
    expect(clearanceTransitionOf('clear', 'overdue')?.to).toBe('cleared');
    expect(clearanceTransitionOf('raise_concern', 'overdue')?.to).toBe('concern');
  });

  it('answers once, and puts only a concern before the leading group', () => {
    expect(clearanceTransitionOf('clear', 'cleared')).toBeUndefined();
    expect(clearanceTransitionOf('raise_concern', 'concern')).toBeUndefined();
    expect(clearanceTransitionOf('dismiss_concern', 'concern')?.to).toBe('concern_dismissed');
    expect(clearanceTransitionOf('uphold_concern', 'concern')?.to).toBe('concern_upheld');
    expect(clearanceTransitionOf('uphold_concern', 'cleared')).toBeUndefined();
  });

  it('holds a candidate on an undecided concern and removes it on an upheld one', () => {
    expect(HOLDING_STATES).toEqual(['concern']);
    expect(REMOVING_STATES).toEqual(['concern_upheld']);
    expect(new Set(CLEARANCE_LIFECYCLE.map((row) => row.action)).size).toBe(CLEARANCE_LIFECYCLE.length);
  });
});
