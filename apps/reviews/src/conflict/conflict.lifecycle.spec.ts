import { conflictStatusSchema } from '@laurel/contracts';
import { CONFLICT_LIFECYCLE, CONFLICT_TERMINAL, conflictTransitionOf, HIDING_STATES } from './conflict.lifecycle';

describe('the conflict flag lifecycle', () => {
  it.each(CONFLICT_LIFECYCLE.map((row) => [row.action, row.from.join(',') || '(new)', row.to, row]))(
    '%s from %s leads to %s with its event',
    (_action, _from, _to, row) => {
      for (const from of row.from.length ? row.from : [null]) {
        expect(conflictTransitionOf(row.action, from)).toBe(row);
      }
      expect(row.event.subject).toMatch(/^reviews\.conflict\.[a-z-]+\.v1$/);
    },
  );

  it('decisions are final: recused and dismissed are terminal, only a detected flag is decided', () => {
    expect([...CONFLICT_TERMINAL].sort()).toEqual(['dismissed', 'recused']);
    for (const state of conflictStatusSchema.options) {
      expect(!!conflictTransitionOf('recuse', state)).toBe(state === 'detected');
      expect(!!conflictTransitionOf('dismiss', state)).toBe(state === 'detected');
    }
  });

  it('hides the application from the expert unless the flag was dismissed', () => {
    expect(HIDING_STATES).toEqual(['detected', 'recused']);
  });
});
