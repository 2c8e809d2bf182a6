import { COUNTED_STATES, SCORE_SHEET_LIFECYCLE, scoreSheetTransitionOf } from './score-sheet.lifecycle';

describe('score sheet lifecycle', () => {
  it('opens by a save, saves drafts, submits once, and then changes only by revisions', () => {
    expect(scoreSheetTransitionOf('save', null)?.to).toBe('draft');
    expect(scoreSheetTransitionOf('save', 'draft')?.to).toBe('draft');
    expect(scoreSheetTransitionOf('submit', 'draft')?.to).toBe('submitted');
    expect(scoreSheetTransitionOf('revise', 'submitted')?.to).toBe('revised');
    expect(scoreSheetTransitionOf('revise', 'revised')?.to).toBe('revised');
  });

  it('refuses a save or a second submission after submission, and a revision of a draft', () => {
    expect(scoreSheetTransitionOf('save', 'submitted')).toBeUndefined();
    expect(scoreSheetTransitionOf('submit', 'submitted')).toBeUndefined();
    expect(scoreSheetTransitionOf('submit', 'revised')).toBeUndefined();
    expect(scoreSheetTransitionOf('revise', 'draft')).toBeUndefined();
  });

  it('counts only sheets that left the draft state', () => {
    const reachable = new Set(SCORE_SHEET_LIFECYCLE.map((row) => row.to));
    expect(COUNTED_STATES.every((state) => reachable.has(state))).toBe(true);
    expect(COUNTED_STATES).not.toContain('draft');
  });
});
