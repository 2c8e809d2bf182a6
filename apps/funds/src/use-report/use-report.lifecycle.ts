import type { UseReportStatus } from '@laurel/contracts';

export type UseReportAction = 'draft' | 'edit' | 'submit' | 'resubmit' | 'query' | 'accept';

/**
 * A use report's lifecycle as data (inner-mongolia 第十九条, xinzhou-city 第二十二条): the winner drafts it and edits
 * it while it is a draft or queried; submits a draft, resubmits a queried one; finance queries (with reasons) or
 * accepts what was submitted or resubmitted; accepted is final. `to: 'unchanged'` keeps the state.
 */
export interface UseReportTransition {
  readonly action: UseReportAction;
  readonly from: readonly UseReportStatus[];
  readonly to: UseReportStatus | 'unchanged';
  /** Who takes the step: the winner (an applicant account) or finance. */
  readonly by: 'winner' | 'finance';
}

export const USE_REPORT_LIFECYCLE: readonly UseReportTransition[] = [
  { action: 'draft', from: [], to: 'draft', by: 'winner' },
  { action: 'edit', from: ['draft', 'queried'], to: 'unchanged', by: 'winner' },
  { action: 'submit', from: ['draft'], to: 'submitted', by: 'winner' },
  { action: 'resubmit', from: ['queried'], to: 'resubmitted', by: 'winner' },
  { action: 'query', from: ['submitted', 'resubmitted'], to: 'queried', by: 'finance' },
  { action: 'accept', from: ['submitted', 'resubmitted'], to: 'accepted', by: 'finance' },
];

/** The row for `action` taken in state `from` (null: no report yet), or undefined when not allowed. */
export function useReportTransitionOf(
  action: UseReportAction,
  from: UseReportStatus | null,
): UseReportTransition | undefined {
  return USE_REPORT_LIFECYCLE.find((row) =>
    from === null ? row.action === action && row.from.length === 0 : row.action === action && row.from.includes(from),
  );
}

/** The state after `transition` taken in `from`. */
export const useReportStateAfter = (transition: UseReportTransition, from: UseReportStatus | null): UseReportStatus =>
  transition.to === 'unchanged' ? (from as UseReportStatus) : transition.to;

/** States no action leaves. */
export const USE_REPORT_TERMINAL: readonly UseReportStatus[] = (
  ['draft', 'submitted', 'queried', 'resubmitted', 'accepted'] as const
).filter((state) => !USE_REPORT_LIFECYCLE.some((row) => row.from.includes(state)));
