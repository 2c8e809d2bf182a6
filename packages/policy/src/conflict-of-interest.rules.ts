/**
 * 回避: the articles that make whoever takes part in acceptance, review or awarding withdraw where they have an
 * interest (利害关系) in the applicant. The texts name the duty, not the tests: the tests below are how Laurel finds
 * an interest from data, each flag then decided by the office (recused, or dismissed with a reason).
 */
export const CONFLICT_OF_INTEREST_ARTICLES: Readonly<Record<string, string>> = {
  ili: 'ili 第三十一条',
  linxia: 'linxia 第四十条',
  'inner-mongolia': 'inner-mongolia 第二十条',
  'xinzhou-city': 'xinzhou-city 第二十九条',
};

/** The kinds of interest Laurel detects from an expert's profile, or the expert declares. */
export const conflictKinds = [
  'declared',
  'same_current_employer',
  'applicant_is_employer',
  'recent_past_employer',
  'consultancy',
  'shareholding',
  'same_group',
  'same_email_domain',
] as const;
export type ConflictKind = (typeof conflictKinds)[number];

/** How each kind reads, in zh-CN and English. */
export const CONFLICT_KIND_LABELS: Readonly<Record<ConflictKind, { zh: string; en: string }>> = {
  declared: { zh: '专家本人申报的利害关系', en: 'an interest the expert declared' },
  same_current_employer: { zh: '与申报组织同属一个现任职单位', en: 'the same current employer as the applicant' },
  applicant_is_employer: { zh: '申报组织是专家的现任职单位', en: 'the applicant is the expert’s employer' },
  recent_past_employer: { zh: '近期曾在申报组织任职', en: 'worked for the applicant within the window' },
  consultancy: { zh: '曾为申报组织提供辅导或咨询', en: 'consulted for or coached the applicant' },
  shareholding: { zh: '持有申报组织股份', en: 'holds shares in the applicant' },
  same_group: { zh: '任职单位与申报组织同属一个集团', en: 'the employer and the applicant are of one group' },
  same_email_domain: { zh: '电子邮箱域名与申报组织相同', en: 'the same e-mail domain as the applicant' },
};

/**
 * Webmail domains: anyone may hold an address there, so a shared domain says nothing about an interest and never
 * flags.
 */
export const WEBMAIL_DOMAINS: readonly string[] = [
  'qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'sina.com',
  'sina.cn',
  'sohu.com',
  'aliyun.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
];

/** The window the office sets for past employers when it has recorded none (years before today). */
export const DEFAULT_PAST_EMPLOYER_WINDOW_YEARS = 3;

/** The article a tenant's conflicts cite, or the general duty where its text has none (xinzhou-district). */
export function conflictBasisOf(policyKey: string): string {
  return CONFLICT_OF_INTEREST_ARTICLES[policyKey] ?? `${policyKey}: 利害关系回避（条例未规定，由办公室记录决定）`;
}
