import type { Bilingual } from '../i18n/language';

/** The Chinese term of each status (glossary), and its English name. */
export const NOTICE_STATUS: Record<string, Bilingual & { color: string }> = {
  scheduled: { zh: '待发布', en: 'Scheduled', color: 'default' },
  open: { zh: '公示中', en: 'Open', color: 'green' },
  closed: { zh: '已结束', en: 'Closed', color: 'default' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', color: 'orange' },
};

export const OBJECTION_STATUS: Record<string, Bilingual & { color: string }> = {
  received: { zh: '已收到，待审查', en: 'Received', color: 'blue' },
  admitted: { zh: '已受理，调查中', en: 'Admitted', color: 'gold' },
  refused: { zh: '不予受理', en: 'Refused', color: 'default' },
  upheld: { zh: '异议成立', en: 'Upheld', color: 'red' },
  dismissed: { zh: '异议不成立', en: 'Dismissed', color: 'green' },
};

export const APPLICATION_STATUS: Record<string, Bilingual & { color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  internal_publicity: { zh: '内部公示中', en: 'Internal publicity', color: 'blue' },
  submitted: { zh: '已提交推荐单位', en: 'Submitted', color: 'blue' },
  returned: { zh: '退回补正', en: 'Returned', color: 'orange' },
  refused: { zh: '不予推荐', en: 'Refused', color: 'default' },
  recommendation_notice: { zh: '推荐公示中', en: 'Recommendation notice', color: 'gold' },
  recommended: { zh: '已推荐', en: 'Recommended', color: 'cyan' },
  formal_review_passed: { zh: '形式审查通过', en: 'Formal review passed', color: 'cyan' },
  acceptance_notice: { zh: '受理名单公示中', en: 'Acceptance notice', color: 'gold' },
  accepted: { zh: '已受理', en: 'Accepted', color: 'green' },
  not_accepted: { zh: '不予受理', en: 'Not accepted', color: 'default' },
  disqualified: { zh: '取消资格', en: 'Disqualified', color: 'red' },
};

export const FINDING_OUTCOME: Record<string, Bilingual & { color: string }> = {
  pass: { zh: '符合', en: 'Pass', color: 'green' },
  fail: { zh: '不符合', en: 'Fail', color: 'red' },
  needs_decision: { zh: '待人工认定', en: 'Needs a decision', color: 'gold' },
  missing: { zh: '缺少事实', en: 'Facts missing', color: 'orange' },
};

export const REPORT_STATUS: Record<string, Bilingual & { color: string }> = {
  received: { zh: '已收到', en: 'Received', color: 'blue' },
  handling: { zh: '处理中', en: 'Being handled', color: 'gold' },
  closed: { zh: '已办结', en: 'Closed', color: 'default' },
};

/** A label for a key the table does not know: the key itself, never a blank. */
export const labelOf = (table: Record<string, Bilingual>, key: string): Bilingual => table[key] ?? { zh: key, en: key };
