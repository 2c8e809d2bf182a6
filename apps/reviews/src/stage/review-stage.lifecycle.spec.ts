import { reviewStageStatusSchema } from '@laurel/contracts';
import { ASSIGNABLE_STATES, REVIEW_STAGE_LIFECYCLE, reviewStageTransitionOf } from './review-stage.lifecycle';

describe('the review stage lifecycle', () => {
  it.each(REVIEW_STAGE_LIFECYCLE.map((row) => [row.action, row.from.join(','), row.to, row]))(
    '%s from %s leads to %s',
    (_action, _from, _to, row) => {
      for (const from of row.from) expect(reviewStageTransitionOf(row.action, from)).toBe(row);
    },
  );

  it('goes planned → open → closed only, and closed is final', () => {
    expect(reviewStageTransitionOf('open', 'open')).toBeUndefined();
    expect(reviewStageTransitionOf('open', 'closed')).toBeUndefined();
    expect(reviewStageTransitionOf('close', 'planned')).toBeUndefined();
    expect(reviewStageTransitionOf('close', 'closed')).toBeUndefined();
    const reachable = new Set(REVIEW_STAGE_LIFECYCLE.flatMap((row) => [...row.from, row.to]));
    expect([...reachable].sort()).toEqual([...reviewStageStatusSchema.options].sort());
  });

  it('assigns only while open', () => {
    expect(ASSIGNABLE_STATES).toEqual(['open']);
  });
});
