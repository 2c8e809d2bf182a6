import type { Bilingual } from '../../i18n/language';

export const PARTY_KIND: Record<string, Bilingual> = {
  expert: { zh: '评审专家', en: 'Expert' },
  office_user: { zh: '办公室工作人员', en: 'Office user' },
  member_unit: { zh: '领导小组成员单位', en: 'Member unit' },
};

export const CONFLICT_STATUS: Record<string, Bilingual & { color: string }> = {
  detected: { zh: '待办公室决定', en: 'Awaiting the office', color: 'orange' },
  recused: { zh: '已回避', en: 'Recused', color: 'red' },
  dismissed: { zh: '已排除', en: 'Dismissed', color: 'default' },
};

export const CONFLICT_KIND: Record<string, Bilingual> = {
  declared: { zh: '本人申明', en: 'Declared' },
  same_current_employer: { zh: '同一现工作单位', en: 'Same current employer' },
  applicant_is_employer: { zh: '申报者即其单位', en: 'Applicant is the employer' },
  recent_past_employer: { zh: '近年曾任职', en: 'Recent past employer' },
  consultancy: { zh: '辅导/咨询', en: 'Consultancy' },
  shareholding: { zh: '持股', en: 'Shareholding' },
  same_group: { zh: '同一集团', en: 'Same group' },
  same_email_domain: { zh: '同一邮箱域名', en: 'Same e-mail domain' },
};
