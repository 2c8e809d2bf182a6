import { evaluateCutByKind, rankByKind } from './rank-by-kind.util';

describe('rankByKind', () => {
  const rows = rankByKind([
    { applicationId: 'p1', applicantKind: 'individual', score: 90 },
    { applicationId: 'o1', applicantKind: 'organisation', score: 700 },
    { applicationId: 'o2', applicantKind: 'organisation', score: 800 },
    { applicationId: 'p2', applicantKind: 'individual', score: 90 },
    { applicationId: 'o3', applicantKind: 'organisation', score: 90 },
  ]);

  it('ranks each kind on its own, organisations first; ties never cross kinds', () => {
    expect(rows.map((row) => [row.applicantKind, row.applicationId, row.rank, row.tiedWith])).toEqual([
      ['organisation', 'o2', 1, []],
      ['organisation', 'o1', 2, []],
      ['organisation', 'o3', 3, []],
      ['individual', 'p1', 1, ['p2']],
      ['individual', 'p2', 1, ['p1']],
    ]);
  });

  it('cuts each kind separately: the first `count` of each, and names a tie split in either', () => {
    expect(evaluateCutByKind(rows, { count: 2 })).toEqual({
      goesOn: ['o2', 'o1', 'p1', 'p2'],
      stops: ['o3'],
      splitTie: null,
    });
    expect(evaluateCutByKind(rows, { count: 1 }).splitTie).toEqual({ rank: 1, applicationIds: ['p1', 'p2'] });
    expect(evaluateCutByKind(rows, { minScore: 700 }).goesOn).toEqual(['o2', 'o1']);
  });
});
