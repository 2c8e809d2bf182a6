// The names of the statuses come from the contracts (one source for the services' messages and these pages); the
// web app adds only the colour of each tag. Imported by path: that file has no runtime dependency.
import {
  accountKindLabels,
  applicationStatusLabels,
  clawbackCaseStatusLabels,
  disbursementStatusLabels,
  entitlementStatusLabels,
  evaluationRatingLabels,
  noticeStatusLabels,
  objectionStatusLabels,
  reportStatusLabels,
  type StatusLabel,
  useReportStatusLabels,
} from '@laurel/contracts/src/status-labels';
import type { Bilingual } from '../i18n/language';

type Labelled = Bilingual & { color: string };

/** The contracts' label with a tag colour; English starts with a capital on its own. */
function coloured<K extends string>(
  labels: Readonly<Record<K, StatusLabel>>,
  colors: Readonly<Record<K, string>>,
): Record<string, Labelled> {
  const table: Record<string, Labelled> = {};
  for (const key of Object.keys(labels) as K[]) {
    const { zh, en } = labels[key];
    table[key] = { zh, en: en.charAt(0).toUpperCase() + en.slice(1), color: colors[key] };
  }
  return table;
}

export const NOTICE_STATUS = coloured(noticeStatusLabels, {
  scheduled: 'default',
  open: 'green',
  closed: 'default',
  withdrawn: 'orange',
});

export const OBJECTION_STATUS = coloured(objectionStatusLabels, {
  received: 'blue',
  admitted: 'gold',
  refused: 'default',
  upheld: 'red',
  dismissed: 'green',
});

export const APPLICATION_STATUS = coloured(applicationStatusLabels, {
  draft: 'default',
  internal_publicity: 'blue',
  submitted: 'blue',
  returned: 'orange',
  refused: 'default',
  recommendation_notice: 'gold',
  recommended: 'cyan',
  formal_review_passed: 'cyan',
  acceptance_notice: 'gold',
  accepted: 'green',
  not_accepted: 'default',
  disqualified: 'red',
});

/**
 * The statuses of one application: where it has no recommender once submitted (a plan without a recommendation step,
 * ADR 0037), `submitted` means it went straight to the award office.
 */
export const applicationStatusTable = (application: { recommender: unknown }): Record<string, Labelled> =>
  application.recommender
    ? APPLICATION_STATUS
    : {
        ...APPLICATION_STATUS,
        submitted: { zh: '已报送质量奖办公室', en: 'Submitted to the award office', color: 'blue' },
      };

export const ENTITLEMENT_STATUS = coloured(entitlementStatusLabels, {
  obligated: 'green',
  refused: 'red',
  nothing_owed: 'default',
  amount_undecided: 'gold',
});

export const CLAWBACK_CASE_STATUS = coloured(clawbackCaseStatusLabels, {
  not_opened: 'default',
  opened: 'blue',
  demanded: 'gold',
  instalments: 'cyan',
  overdue: 'red',
  recovered: 'green',
  written_off: 'purple',
});

export const DISBURSEMENT_STATUS = coloured(disbursementStatusLabels, {
  pending: 'gold',
  confirmed: 'green',
  failed: 'red',
});

/** The chart of accounts' names (ADR 0022). */
export const ACCOUNT_KIND = coloured(accountKindLabels, {
  appropriation: 'blue',
  available: 'cyan',
  payable: 'gold',
  paid: 'green',
  receivable: 'orange',
  recovered: 'lime',
  returned: 'purple',
  written_off: 'default',
});

export const REPORT_STATUS = coloured(reportStatusLabels, { received: 'blue', handling: 'gold', closed: 'default' });

/** An eligibility finding's outcome (the policy evaluator's; the contracts carry it as a plain string). */
export const FINDING_OUTCOME: Record<string, Labelled> = {
  pass: { zh: '符合', en: 'Pass', color: 'green' },
  fail: { zh: '不符合', en: 'Fail', color: 'red' },
  needs_decision: { zh: '待人工认定', en: 'Needs a decision', color: 'gold' },
  missing: { zh: '缺少事实', en: 'Facts missing', color: 'orange' },
};

/** A label for a key the table does not know: the key itself, never a blank. */
export const labelOf = (table: Record<string, Bilingual>, key: string): Bilingual => table[key] ?? { zh: key, en: key };

export const USE_REPORT_STATUS = coloured(useReportStatusLabels, {
  draft: 'default',
  submitted: 'blue',
  queried: 'orange',
  resubmitted: 'geekblue',
  accepted: 'green',
});

export const EVALUATION_RATING = coloured(evaluationRatingLabels, {
  excellent: 'green',
  good: 'cyan',
  fair: 'gold',
  poor: 'red',
});
