import type { Bilingual } from '../../i18n/language';

/** The grounds a policy can list for a revocation, as the office reads them. */
export const REVOCATION_GROUND: Record<string, Bilingual> = {
  false_materials: { zh: '隐瞒情况或提供虚假材料', en: 'Concealment or false materials' },
  fraud_or_bribery: { zh: '以欺骗、贿赂等不正当手段获奖', en: 'Fraud or bribery' },
  accident: { zh: '发生事故', en: 'Accident' },
  major_accident: { zh: '发生重大事故', en: 'Major accident' },
  serious_violation: { zh: '严重违法违规', en: 'Serious violation' },
  discredit_record: { zh: '不良信用记录', en: 'Discredit record' },
  regulation_breach: { zh: '违反本办法', en: 'Breach of the regulation' },
  major_quality_problem: { zh: '重大质量问题', en: 'Major quality problem' },
  verified_major_complaint: { zh: '经核实的重大投诉', en: 'Verified major complaint' },
  severe_operating_loss: { zh: '严重经营亏损', en: 'Severe operating loss' },
  failed_spot_check: { zh: '监督抽查不合格', en: 'Failed spot check' },
  export_quality_notice: { zh: '出口产品质量通报', en: 'Export quality notice' },
  title_misuse: { zh: '违规使用称号或标识', en: 'Misuse of the title' },
  refusing_duties: { zh: '拒绝履行相关责任义务', en: 'Refusing duties' },
  other_serious_violation: { zh: '其他严重违法违规', en: 'Other serious violation' },
};

export const REVOCATION_STATUS: Record<string, { label: Bilingual; color: string }> = {
  opened: { label: { zh: '已立案', en: 'Opened' }, color: 'processing' },
  approved: { label: { zh: '已批准', en: 'Approved' }, color: 'warning' },
  applied: { label: { zh: '已执行', en: 'Consequences applied' }, color: 'error' },
  dismissed: { label: { zh: '已驳回', en: 'Dismissed' }, color: 'default' },
};

/** Each consequence step as the office reads it. */
export const REVOCATION_STEP: Record<string, Bilingual> = {
  revoke: { zh: '撤销称号', en: 'Title revoked' },
  recover_certificate_and_plaque: { zh: '收回证书、奖牌', en: 'Certificate and plaque recovered' },
  ban: { zh: '禁止申报', en: 'Application ban' },
  clawback: { zh: '追回奖金（通知资金）', en: 'Clawback requested from funds' },
  credit_record: { zh: '录入信用系统', en: 'Credit record' },
  publish: { zh: '向社会公开', en: 'Published' },
  needs_approval: { zh: '须报批', en: 'Needs approval' },
  investigation: { zh: '须调查', en: 'Investigation' },
};
