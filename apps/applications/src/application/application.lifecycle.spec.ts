import { type ApplicationStatus, applicationStatusSchema } from '@laurel/contracts';
import {
  APPLICATION_LIFECYCLE,
  type ApplicationAction,
  fromStatesOf,
  mayBeDisqualified,
  routeOf,
  type SubmissionRoute,
  TERMINAL,
  transitionOf,
} from './application.lifecycle';

const STATUSES = applicationStatusSchema.options;
const ROUTES: readonly SubmissionRoute[] = ['recommender', 'office'];
/** The routes a row holds on. */
const routesOf = (row: { route?: SubmissionRoute }) => (row.route ? [row.route] : ROUTES);

describe('the application lifecycle table', () => {
  describe.each(APPLICATION_LIFECYCLE.map((row) => [`${row.action} → ${row.to}`, row] as const))('%s', (_, row) => {
    it('is the row found for each of its from-states on its routes, and no other row is', () => {
      for (const route of routesOf(row)) {
        if (row.from.length === 0) {
          expect(transitionOf(row.action, null, route)).toBe(row);
          continue;
        }
        for (const from of row.from) expect(transitionOf(row.action, from, route)).toBe(row);
      }
    });

    it('is refused from every state it does not list (unless another row of the action lists it)', () => {
      const others = fromStatesOf(row.action);
      for (const route of ROUTES) {
        for (const status of STATUSES.filter((s) => !others.includes(s))) {
          expect(transitionOf(row.action, status, route)).toBeNull();
        }
      }
    });

    it('names its event after the action it records', () => {
      if (!row.event) {
        expect(row.to).toBe('same');
        return;
      }
      expect(row.event.subject).toMatch(/^applications\.application\.[a-z-]+\.v1$/);
    });
  });

  it('has one row per action, from-state and route, so the table decides alone', () => {
    const seen = new Set<string>();
    for (const row of APPLICATION_LIFECYCLE) {
      for (const from of row.from.length === 0 ? ['(new)'] : row.from) {
        for (const route of routesOf(row)) {
          const key = `${row.action}/${from}/${route}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
  });

  it('sends a submitted application to its recommender where the plan has one, else to the office (none faked)', () => {
    const step = (kind: 'internal_publicity' | 'recommendation' | 'acceptance') => ({
      stage: kind,
      kind,
      basis: `x ${kind}`,
      notice: null,
    });
    expect(routeOf([step('internal_publicity'), step('recommendation'), step('acceptance')])).toBe('recommender');
    expect(routeOf([step('internal_publicity'), step('acceptance')])).toBe('office');
    // With a recommender: only the recommender's review moves a submitted application; the office waits for it.
    expect(transitionOf('recommend', 'submitted', 'recommender')?.to).toBe('recommended');
    expect(transitionOf('formal-review', 'submitted', 'recommender')).toBeNull();
    expect(transitionOf('formal-review', 'recommended', 'recommender')?.to).toBe('formal_review_passed');
    // Without one: the office's formal review takes what was submitted; no recommender's step exists.
    expect(transitionOf('formal-review', 'submitted', 'office')?.to).toBe('formal_review_passed');
    expect(transitionOf('formal-review-accept', 'submitted', 'office')?.to).toBe('accepted');
    expect(transitionOf('not-accept', 'submitted', 'office')?.to).toBe('not_accepted');
    for (const action of ['recommend', 'recommend-for-notice', 'return', 'refuse'] as const) {
      expect(transitionOf(action, 'submitted', 'office')).toBeNull();
    }
  });

  it('derives the terminal states: refused, not accepted, disqualified and accepted', () => {
    expect([...TERMINAL].sort()).toEqual(['accepted', 'disqualified', 'not_accepted', 'refused']);
    for (const status of TERMINAL) {
      const onward = APPLICATION_LIFECYCLE.filter((row) => row.from.includes(status));
      expect(onward.every((row) => row.consequence)).toBe(true);
    }
  });

  it('lets an upheld prohibited ground disqualify every state but the refused, not accepted and disqualified (ili 第二十一条)', () => {
    const disqualifiable = STATUSES.filter(mayBeDisqualified);
    expect(disqualifiable).toEqual(STATUSES.filter((s) => !['refused', 'not_accepted', 'disqualified'].includes(s)));
  });

  it('lets a person decide in every state of the procedure and in no terminal one', () => {
    expect(fromStatesOf('decide').sort()).toEqual(STATUSES.filter((s) => !TERMINAL.has(s)).sort());
  });

  it('reaches every state from creation, and a terminal state from every state', () => {
    const reachable = new Set<ApplicationStatus>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const row of APPLICATION_LIFECYCLE) {
        if (row.to === 'same' || reachable.has(row.to)) continue;
        if (row.from.some((from) => reachable.has(from))) {
          reachable.add(row.to);
          grew = true;
        }
      }
    }
    expect([...reachable].sort()).toEqual([...STATUSES].sort());
    const finishes = (status: ApplicationStatus, seen = new Set<ApplicationStatus>()): boolean => {
      if (TERMINAL.has(status)) return true;
      seen.add(status);
      return APPLICATION_LIFECYCLE.some(
        (row) => row.from.includes(status) && row.to !== 'same' && !seen.has(row.to) && finishes(row.to, seen),
      );
    };
    for (const status of STATUSES) expect(finishes(status)).toBe(true);
  });

  it('answers null for an action that does not exist in a state', () => {
    expect(transitionOf('submit' as ApplicationAction, 'accepted', 'recommender')).toBeNull();
    expect(transitionOf('create', 'draft', 'office')).toBeNull();
  });
});
