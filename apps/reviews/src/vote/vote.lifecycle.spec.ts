import { ballotStatusSchema, voteStatusSchema } from '@laurel/contracts';
import { BALLOT_LIFECYCLE, ballotTransitionOf, VOTE_LIFECYCLE, voteTransitionOf } from './vote.lifecycle';

describe('the vote and ballot lifecycles', () => {
  it('a vote is configured only as a draft, opened from draft, closed (and tallied) from open; tallied is final', () => {
    expect(voteTransitionOf('create', null)?.to).toBe('draft');
    for (const state of voteStatusSchema.options) {
      expect(voteTransitionOf('configure', state)?.to).toBe(state === 'draft' ? 'draft' : undefined);
      expect(voteTransitionOf('open', state)?.to).toBe(state === 'draft' ? 'open' : undefined);
      expect(voteTransitionOf('close', state)?.to).toBe(state === 'open' ? 'tallied' : undefined);
    }
    expect(VOTE_LIFECYCLE.some((row) => row.from.includes('tallied'))).toBe(false);
  });

  it('a ballot is saved while a draft and cast once', () => {
    expect(ballotTransitionOf('issue', null)?.to).toBe('draft');
    for (const state of ballotStatusSchema.options) {
      expect(ballotTransitionOf('save', state)?.to).toBe(state === 'draft' ? 'draft' : undefined);
      expect(ballotTransitionOf('cast', state)?.to).toBe(state === 'draft' ? 'cast' : undefined);
    }
    expect(BALLOT_LIFECYCLE.some((row) => row.from.includes('cast'))).toBe(false);
  });

  it('every transition that changes state publishes an event of the reviews service', () => {
    for (const row of [...VOTE_LIFECYCLE, ...BALLOT_LIFECYCLE]) {
      if (row.event) expect(row.event.subject).toMatch(/^reviews\.(vote|ballot)\.[a-z-]+\.v1$/);
    }
    expect(VOTE_LIFECYCLE.filter((row) => !row.event).map((row) => row.action)).toEqual(['configure']);
  });
});
