import type { UseReportStatus } from '@laurel/contracts';
import {
  USE_REPORT_LIFECYCLE,
  USE_REPORT_TERMINAL,
  type UseReportAction,
  useReportStateAfter,
  useReportTransitionOf,
} from './use-report.lifecycle';

const STATES: readonly UseReportStatus[] = ['draft', 'submitted', 'queried', 'resubmitted', 'accepted'];
const ACTIONS: readonly UseReportAction[] = ['draft', 'edit', 'submit', 'resubmit', 'query', 'accept'];

describe('use report lifecycle', () => {
  it('walks draft → submitted → queried → resubmitted → accepted', () => {
    let state: UseReportStatus | null = null;
    for (const action of ['draft', 'edit', 'submit', 'query', 'edit', 'resubmit', 'accept'] as const) {
      const transition = useReportTransitionOf(action, state);
      expect(transition).toBeDefined();
      if (transition) state = useReportStateAfter(transition, state);
    }
    expect(state).toBe('accepted');
  });

  it('finds each row from each of its states and refuses it elsewhere; one row per action and state', () => {
    for (const row of USE_REPORT_LIFECYCLE) {
      for (const state of STATES) {
        expect(useReportTransitionOf(row.action, state) === row).toBe(row.from.includes(state));
      }
    }
    for (const action of ACTIONS) {
      for (const state of STATES) {
        expect(
          USE_REPORT_LIFECYCLE.filter((row) => row.action === action && row.from.includes(state)).length,
        ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('only accepted is final; the winner edits only a draft or a queried report; finance decides only a submitted one', () => {
    expect(USE_REPORT_TERMINAL).toEqual(['accepted']);
    expect(useReportTransitionOf('edit', 'submitted')).toBeUndefined();
    expect(useReportTransitionOf('edit', 'accepted')).toBeUndefined();
    expect(useReportTransitionOf('accept', 'draft')).toBeUndefined();
    expect(useReportTransitionOf('query', 'queried')).toBeUndefined();
    expect(useReportTransitionOf('submit', 'queried')).toBeUndefined();
    expect(useReportTransitionOf('resubmit', 'queried')?.to).toBe('resubmitted');
  });

  it('every state is reachable from a new report', () => {
    const reached = new Set<UseReportStatus>();
    const queue: (UseReportStatus | null)[] = [null];
    while (queue.length > 0) {
      const from = queue.shift() ?? null;
      for (const action of ACTIONS) {
        const transition = useReportTransitionOf(action, from);
        if (!transition) continue;
        const to = useReportStateAfter(transition, from);
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
  });
});
