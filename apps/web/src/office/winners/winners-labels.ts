import type { Bilingual } from '../../i18n/language';

export const TITLE_STATUS: Record<string, Bilingual & { color: string }> = {
  active: { zh: '有效', en: 'Active', color: 'success' },
  expired: { zh: '已到期', en: 'Expired', color: 'default' },
  under_re_evaluation: { zh: '复评中', en: 'Under re-evaluation', color: 'processing' },
  rectifying: { zh: '限期整改', en: 'Rectifying', color: 'warning' },
  lost: { zh: '已取消', en: 'Lost', color: 'error' },
  revoked: { zh: '已撤销', en: 'Revoked', color: 'error' },
};

export const CLEARANCE_STATUS: Record<string, Bilingual & { color: string }> = {
  pending: { zh: '待答复', en: 'Pending', color: 'processing' },
  overdue: { zh: '已逾期', en: 'Overdue', color: 'warning' },
  cleared: { zh: '无意见', en: 'Clear', color: 'success' },
  concern: { zh: '有意见·待领导小组决定', en: 'Concern: before the leading group', color: 'error' },
  concern_dismissed: { zh: '意见不予采纳', en: 'Concern dismissed', color: 'default' },
  concern_upheld: { zh: '意见采纳·不列入', en: 'Concern upheld: removed', color: 'error' },
};

export const CATEGORY: Record<string, Bilingual> = {
  enterprise: { zh: '企业及其负责人', en: 'Enterprise' },
  public_body: { zh: '机关事业单位及其工作人员', en: 'Public body' },
};

export const TIER: Record<string, Bilingual> = {
  award: { zh: '质量奖', en: 'Award' },
  nomination: { zh: '提名奖', en: 'Nomination' },
  excellence: { zh: '优秀奖', en: 'Excellence' },
  special: { zh: '特别奖', en: 'Special' },
};

/** The notices of the candidate list the office opens from this page (the policy says which it has). */
export const LIST_NOTICE_STAGE: Record<string, Bilingual> = {
  candidates: { zh: '候选获奖名单公示', en: 'Candidate notice' },
  proposed_winners: { zh: '拟授奖名单公示', en: 'Proposed-winners notice' },
};

export const CANDIDATE_STANDING: Record<string, Bilingual & { color: string }> = {
  held: { zh: '有异议·待处理', en: 'Held: objections pending', color: 'warning' },
  removed: { zh: '异议属实·不再列为候选', en: 'Removed: objection upheld', color: 'error' },
  released: { zh: '异议已了结', en: 'Released', color: 'default' },
};
