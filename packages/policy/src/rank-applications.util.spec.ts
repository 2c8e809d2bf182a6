import { evaluateCut } from './evaluate-cut.util';
import { compositeScores, rankApplications } from './rank-applications.util';

describe('rankApplications', () => {
  it('ranks highest first; equal scores (to two decimals) share a rank and name each other', () => {
    const rows = rankApplications([
      { applicationId: 'c', score: 700 },
      { applicationId: 'a', score: 800.001 },
      { applicationId: 'b', score: 700.004 },
      { applicationId: 'd', score: 650 },
    ]);
    expect(rows.map((row) => [row.applicationId, row.rank, row.tiedWith])).toEqual([
      ['a', 1, []],
      ['b', 2, ['c']],
      ['c', 2, ['b']],
      ['d', 4, []],
    ]);
  });
});

describe('compositeScores', () => {
  it('is the weighted mean of the stages; an application lacking a stage is incomplete, not zero', () => {
    const { scores, incomplete } = compositeScores(
      {
        onsite: new Map([
          ['a', 800],
          ['b', 600],
        ]),
        defense: new Map([['a', 700]]),
      },
      { onsite: 6, defense: 4 },
    );
    expect(scores).toEqual([{ applicationId: 'a', score: 760 }]);
    expect(incomplete).toEqual([{ applicationId: 'b', missing: ['defense'] }]);
  });
});

describe('evaluateCut', () => {
  const ranking = rankApplications([
    { applicationId: 'a', score: 900 },
    { applicationId: 'b', score: 800 },
    { applicationId: 'c', score: 800 },
    { applicationId: 'd', score: 500 },
  ]);

  it('takes the first `count`, or those at or above the least score', () => {
    expect(evaluateCut(ranking, { count: 3 })).toEqual({ goesOn: ['a', 'b', 'c'], stops: ['d'], splitTie: null });
    expect(evaluateCut(ranking, { minScore: 800 })).toEqual({ goesOn: ['a', 'b', 'c'], stops: ['d'], splitTie: null });
  });

  it('names a tie that a count would split instead of breaking it', () => {
    expect(evaluateCut(ranking, { count: 2 }).splitTie).toEqual({ rank: 2, applicationIds: ['b', 'c'] });
  });
});
