import { tallyVote } from './tally-vote.util';
import type { VoteRules } from './vote-tally.rules';

const HALF: VoteRules = {
  quorum: { numerator: 2, denominator: 3 },
  majority: { numerator: 1, denominator: 2, strict: true },
};
const base = {
  candidates: ['a', 'b', 'c'],
  tiers: ['award', 'nomination'],
  electorate: 6,
  rules: HALF,
  basis: 'ili 第十六条',
  decision: '办公室决定（office，2026-12-20）',
};

describe('tallyVote: the member units’ vote under the office’s recorded quorum and majority', () => {
  it('proposes the highest tier a strict majority of the cast ballots supports, counting higher tiers toward lower', () => {
    const result = tallyVote({
      ...base,
      ballots: [
        { a: 'award', b: 'nomination', c: 'none' },
        { a: 'award', b: 'award', c: 'none' },
        { a: 'award', b: 'none', c: 'nomination' },
        { a: 'nomination', b: 'nomination', c: 'none' },
      ],
    });
    expect(result).toMatchObject({ electorate: 6, cast: 4, quorumNeeded: 4, quorumMet: true, majorityThreshold: 2 });
    expect(result.candidates).toEqual([
      {
        applicationId: 'a',
        counts: { award: 3, nomination: 1, none: 0 },
        proposedTier: 'award',
        support: 3,
        recused: 0,
        note: null,
      },
      // 1 award alone is not more than half; 1 award + 2 nomination = 3 supports the nomination.
      {
        applicationId: 'b',
        counts: { award: 1, nomination: 2, none: 1 },
        proposedTier: 'nomination',
        support: 3,
        recused: 0,
        note: null,
      },
      {
        applicationId: 'c',
        counts: { award: 0, nomination: 1, none: 3 },
        proposedTier: null,
        support: 0,
        recused: 0,
        note: null,
      },
    ]);
    expect(result.basis).toBe('ili 第十六条; 办公室决定（office，2026-12-20）');
    expect(result.explanation).toContain('4/6');
  });

  it('a strict majority is not reached by exactly half; an inclusive one is', () => {
    const ballots = [{ a: 'award' }, { a: 'award' }, { a: 'none' }, { a: 'none' }];
    const strict = tallyVote({ ...base, candidates: ['a'], ballots });
    expect(strict.candidates[0]?.proposedTier).toBeNull();
    const inclusive = tallyVote({
      ...base,
      candidates: ['a'],
      ballots,
      rules: { ...HALF, majority: { numerator: 1, denominator: 2, strict: false } },
    });
    expect(inclusive.candidates[0]?.proposedTier).toBe('award');
  });

  it('below the quorum the vote proposes nobody, with the counts still shown', () => {
    const result = tallyVote({ ...base, ballots: [{ a: 'award' }, { a: 'award' }, { a: 'award' }] });
    expect(result).toMatchObject({ cast: 3, quorumNeeded: 4, quorumMet: false });
    expect(result.candidates.map((c) => c.proposedTier)).toEqual([null, null, null]);
    expect(result.candidates[0]?.counts).toEqual({ award: 3, nomination: 0, none: 0 });
    expect(result.explanation).toContain('未达到法定人数');
  });

  it('a two-thirds quorum of 3 units needs 2 ballots; no ballot at all is never a quorum', () => {
    expect(tallyVote({ ...base, electorate: 3, ballots: [{}, {}] }).quorumMet).toBe(true);
    expect(tallyVote({ ...base, electorate: 3, ballots: [{}] }).quorumMet).toBe(false);
    expect(
      tallyVote({ ...base, electorate: 0, ballots: [], rules: { ...HALF, quorum: { numerator: 0, denominator: 1 } } })
        .quorumMet,
    ).toBe(false);
  });

  it('a candidate left out of a ballot, or an unknown choice, counts as none; a single tier works alone', () => {
    const result = tallyVote({
      ...base,
      tiers: ['award'],
      candidates: ['a'],
      electorate: 3,
      ballots: [{ a: 'award' }, { a: 'nomination' }, {}],
    });
    expect(result.candidates[0]).toMatchObject({ counts: { award: 1, none: 2 }, proposedTier: null });
  });

  it('a unit recused from a candidate (no line on its ballot) is counted as not voting on it, and the tally says so', () => {
    const ballots: Record<string, string>[] = [
      { a: 'award', b: 'none' },
      { a: 'award', b: 'none' },
      { b: 'award' },
      { b: 'award' },
    ];
    const result = tallyVote({ ...base, candidates: ['a', 'b'], ballots, recusalBasis: 'ili 第三十一条' });
    // a: 2 voting (2 recused), both award: more than half of 2. Counted as none it would be 2 of 4, not a majority.
    expect(result.candidates[0]).toMatchObject({
      counts: { award: 2, nomination: 0, none: 0 },
      recused: 2,
      proposedTier: 'award',
    });
    expect(result.candidates[0]?.note).toContain('2 个成员单位回避（ili 第三十一条）');
    expect(result.candidates[1]).toMatchObject({ recused: 0, note: null, proposedTier: null });
    const unrecused = tallyVote({ ...base, candidates: ['a'], ballots });
    expect(unrecused.candidates[0]).toMatchObject({ counts: { none: 2 }, recused: 0, proposedTier: null });
  });
});
