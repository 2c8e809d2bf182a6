import type { ApplicantFacts } from './eligibility-facts';

/** The facts an applicant declares, as the forms name them in Chinese (a missing fact's reason names it so). */
export const applicantFactNamesZh: Partial<Record<keyof ApplicantFacts, string>> = {
  registeredInJurisdiction: '是否在本辖区注册',
  yearsOperating: '经营年限',
  inFourNewField: '是否属四新领域',
  qualitySystemYears: '质量管理体系运行年限',
  yearsInQualityWork: '从事质量工作年限',
  incidents: '事故与违法记录',
  employerIncidents: '所在组织事故与违法记录',
  lossYears: '亏损年度',
  spotChecksPassedConsecutiveYears: '抽查连续合格年数',
};
