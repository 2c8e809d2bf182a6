import { rubricForStandard } from '@laurel/policy';
import { rubricMax, unscoredItems, validateScores } from './validate-scores.util';

describe('validateScores (GB/T 19580)', () => {
  const rubric = rubricForStandard('GB/T 19580');
  if (!rubric) throw new Error('GB/T 19580 rubric missing');

  it('accepts scores within each item’s points on the rubric’s step', () => {
    expect(
      validateScores(rubric, [
        { itemKey: '4.1.2', score: 50 },
        { itemKey: '4.7.2', score: 0 },
      ]),
    ).toEqual([]);
    expect(rubricMax(rubric)).toBe(1000);
  });

  it('names the field of each bad score: out of range, off the step, unknown item, given twice', () => {
    const problems = validateScores(rubric, [
      { itemKey: '4.1.2', score: 51 },
      { itemKey: '4.1.3', score: 10.5 },
      { itemKey: '9.9.9', score: 1 },
      { itemKey: '4.1.2', score: 3 },
    ]);
    expect(problems.map((problem) => problem.field)).toEqual([
      'body.items[0].score',
      'body.items[1].score',
      'body.items[2].itemKey',
      'body.items[3].itemKey',
    ]);
    expect(problems[0]?.reason.en).toBe('must be between 0 and 50 for item 4.1.2 (Role of senior leaders)');
  });

  it('lists the items not scored yet', () => {
    const all = rubric.categories.flatMap((category) => category.items.map((item) => item.key));
    expect(unscoredItems(rubric, new Set(all.slice(1)))).toEqual(['4.1.2']);
  });
});
