// How each status is named to people: zh-CN as the jurisdictions' staff say it (the glossary's terms), and English
// in lower case to sit inside a sentence. The one source for the services' messages and the web app's pages (which
// import this file directly: it has no runtime dependency, so the browser bundle does not carry zod).
import type { ApplicationStatus } from './applications/application.contract';
import type { ClawbackCaseStatus } from './funds/clawback.contract';
import type { DisbursementStatus, EntitlementStatus } from './funds/entitlement.contract';
import type { AccountKind } from './funds/ledger.contract';
import type { EvaluationRating, UseReportStatus } from './funds/use-report.contract';
import type { noticeStatusSchema } from './objections/notice.contract';
import type { OBJECTION_STATUSES } from './objections/objection.contract';
import type { REPORT_STATUSES } from './objections/report.contract';
import type { ConflictStatus } from './reviews/conflict.contract';

/** A status's name in both languages. */
export interface StatusLabel {
  readonly zh: string;
  readonly en: string;
}

type NoticeStatus = ReturnType<(typeof noticeStatusSchema)['parse']>;

export const applicationStatusLabels: Readonly<Record<ApplicationStatus, StatusLabel>> = {
  draft: { zh: '草稿', en: 'a draft' },
  internal_publicity: { zh: '内部公示中', en: 'in internal publicity' },
  submitted: { zh: '已提交推荐单位', en: 'submitted to its recommender' },
  returned: { zh: '退回补正', en: 'returned for correction' },
  refused: { zh: '不予推荐', en: 'refused by its recommender' },
  recommendation_notice: { zh: '推荐公示中', en: 'on the recommendation notice' },
  recommended: { zh: '已推荐', en: 'recommended' },
  formal_review_passed: { zh: '形式审查通过', en: 'past formal review' },
  acceptance_notice: { zh: '受理名单公示中', en: 'on the acceptance list notice' },
  accepted: { zh: '已受理', en: 'accepted' },
  not_accepted: { zh: '不予受理', en: 'not accepted' },
  disqualified: { zh: '已取消资格', en: 'disqualified' },
};

export const noticeStatusLabels: Readonly<Record<NoticeStatus, StatusLabel>> = {
  scheduled: { zh: '待发布', en: 'scheduled' },
  open: { zh: '公示中', en: 'open' },
  closed: { zh: '已结束', en: 'closed' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

export const objectionStatusLabels: Readonly<Record<(typeof OBJECTION_STATUSES)[number], StatusLabel>> = {
  received: { zh: '已收到，待审查', en: 'received' },
  admitted: { zh: '已受理，调查中', en: 'admitted' },
  refused: { zh: '不予受理', en: 'refused' },
  upheld: { zh: '异议成立', en: 'upheld' },
  dismissed: { zh: '异议不成立', en: 'dismissed' },
};

export const reportStatusLabels: Readonly<Record<(typeof REPORT_STATUSES)[number], StatusLabel>> = {
  received: { zh: '已收到', en: 'received' },
  handling: { zh: '处理中', en: 'being handled' },
  closed: { zh: '已办结', en: 'closed' },
};

export const conflictStatusLabels: Readonly<Record<ConflictStatus, StatusLabel>> = {
  detected: { zh: '待决定', en: 'awaiting a decision' },
  recused: { zh: '已回避', en: 'recused' },
  dismissed: { zh: '不构成利害关系', en: 'dismissed' },
};

export const entitlementStatusLabels: Readonly<Record<EntitlementStatus, StatusLabel>> = {
  obligated: { zh: '已列支', en: 'obligated' },
  refused: { zh: '未予列支', en: 'refused' },
  nothing_owed: { zh: '无奖金', en: 'nothing owed' },
  amount_undecided: { zh: '金额待定', en: 'amount undecided' },
};

export const disbursementStatusLabels: Readonly<Record<DisbursementStatus, StatusLabel>> = {
  pending: { zh: '待国库支付', en: 'awaiting the treasury' },
  confirmed: { zh: '已支付', en: 'paid' },
  failed: { zh: '支付失败', en: 'failed' },
};

export const clawbackCaseStatusLabels: Readonly<Record<ClawbackCaseStatus, StatusLabel>> = {
  not_opened: { zh: '未立案', en: 'not opened' },
  opened: { zh: '已立案', en: 'opened' },
  demanded: { zh: '已发追缴通知', en: 'demanded' },
  instalments: { zh: '分期追缴中', en: 'in instalments' },
  overdue: { zh: '逾期未缴', en: 'overdue' },
  recovered: { zh: '已全部追回', en: 'recovered' },
  written_off: { zh: '已核销', en: 'written off' },
};

/** The chart of accounts' names (ADR 0022). */
export const accountKindLabels: Readonly<Record<AccountKind, StatusLabel>> = {
  appropriation: { zh: '预算指标', en: 'appropriation' },
  available: { zh: '可用指标', en: 'available' },
  payable: { zh: '应付奖补资金', en: 'payable' },
  paid: { zh: '已拨付', en: 'paid' },
  receivable: { zh: '应收追缴款', en: 'receivable on clawback' },
  recovered: { zh: '已追回', en: 'recovered' },
  returned: { zh: '已上缴国库', en: 'returned to the treasury' },
  written_off: { zh: '已核销', en: 'written off' },
};

export const useReportStatusLabels: Readonly<Record<UseReportStatus, StatusLabel>> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已报送', en: 'submitted' },
  queried: { zh: '财务质询', en: 'queried' },
  resubmitted: { zh: '已重新报送', en: 'resubmitted' },
  accepted: { zh: '已认可', en: 'accepted' },
};

/** 财政绩效评价 ratings as finance records them (优、良、中、差). */
export const evaluationRatingLabels: Readonly<Record<EvaluationRating, StatusLabel>> = {
  excellent: { zh: '优', en: 'excellent' },
  good: { zh: '良', en: 'good' },
  fair: { zh: '中', en: 'fair' },
  poor: { zh: '差', en: 'poor' },
};
