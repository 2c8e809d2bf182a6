import { compositeByKind } from './composite-kinds.util';

describe('compositeByKind', () => {
  const stageScores = {
    defense: new Map([['org', 800]]),
    onsite: new Map([
      ['org', 700],
      ['person', 760],
    ]),
  };
  const kinds = new Map([
    ['org', 'organisation'],
    ['person', 'individual'],
  ]);

  it('leaves an individual without the defense incomplete until the office rules on its kind', () => {
    const result = compositeByKind(stageScores, kinds, { defense: 1, onsite: 1 }, new Map());
    expect(result.scores).toEqual([{ applicationId: 'org', score: 750 }]);
    expect(result.incomplete).toEqual([{ applicationId: 'person', missing: ['defense'] }]);
  });

  it('combines a kind by the office’s weights over the stages it takes, the others by the composite’s', () => {
    const result = compositeByKind(
      stageScores,
      kinds,
      { defense: 1, onsite: 1 },
      new Map([['individual', { onsite: 1 }]]),
    );
    expect(result.scores).toEqual([
      { applicationId: 'org', score: 750 },
      { applicationId: 'person', score: 760 },
    ]);
    expect(result.incomplete).toEqual([]);
  });
});
