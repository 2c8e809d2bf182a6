import type { Bilingual } from '../i18n/language';

/** Services' names as the operator reads them (the zh names are contracts' `serviceLabels`). */
const SERVICES: Record<string, Bilingual> = {
  gateway: { zh: '网关', en: 'gateway' },
  applications: { zh: '申报服务', en: 'applications' },
  awards: { zh: '奖项服务', en: 'awards' },
  objections: { zh: '公示与异议服务', en: 'objections' },
  reviews: { zh: '评审服务', en: 'reviews' },
  funds: { zh: '奖励资金服务', en: 'funds' },
};

export function serviceName(service: string, t: (text: Bilingual) => string): string {
  const label = SERVICES[service];
  return label ? `${t(label)}（${service}）` : service;
}

export const TENANT_LEVELS: Record<string, Bilingual> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '地级（州、盟）', en: 'prefecture' },
  city: { zh: '地级市', en: 'city' },
  county: { zh: '县级', en: 'county' },
  district: { zh: '市辖区', en: 'district' },
};

export const ROLES: Record<string, Bilingual> = {
  office: { zh: '评委办', en: 'office' },
  recommender: { zh: '推荐单位', en: 'recommender' },
  expert: { zh: '评审专家', en: 'expert' },
  leading_group: { zh: '领导小组', en: 'leading group' },
  supervisor: { zh: '监督组', en: 'supervisor' },
  finance: { zh: '财务', en: 'finance' },
  applicant: { zh: '申报单位', en: 'applicant' },
};

/** What a service answered when asked to apply a calendar year or a clock move. */
export const OUTCOME: Record<string, Bilingual> = {
  applied: { zh: '已应用', en: 'applied' },
  unreachable: { zh: '无应答（恢复后自行补上）', en: 'unreachable (catches up when back)' },
};
