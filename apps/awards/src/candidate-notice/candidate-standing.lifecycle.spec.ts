import { candidateStandingTransitionOf } from './candidate-standing.lifecycle';

describe('candidate standing lifecycle', () => {
  it('holds a candidate at close, removes it when an objection is upheld, releases it when dismissed', () => {
    expect(candidateStandingTransitionOf('hold', null)?.to).toBe('held');
    expect(candidateStandingTransitionOf('remove', 'held')?.to).toBe('removed');
    expect(candidateStandingTransitionOf('remove', null)?.to).toBe('removed');
    expect(candidateStandingTransitionOf('release', 'held')?.to).toBe('released');
  });

  it('never brings a removed candidate back', () => {
    expect(candidateStandingTransitionOf('release', 'removed')).toBeUndefined();
    expect(candidateStandingTransitionOf('hold', 'removed')).toBeUndefined();
    expect(candidateStandingTransitionOf('remove', 'removed')).toBeUndefined();
  });
});
