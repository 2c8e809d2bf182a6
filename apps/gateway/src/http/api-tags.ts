/** One OpenAPI tag per resource, in the order the docs page shows them. */
export const API_TAGS = {
  auth: 'Signing in: access tokens (15 min) and rotating refresh tokens',
  tenants: 'Jurisdictions (辖区): one tenant each, with its regulation as a policy',
  users: 'Staff accounts of a jurisdiction and their roles',
  policies: 'A jurisdiction’s policy document (its regulation as data) and its versions',
  cycles: 'Cycles (届) of an award: schedule, pinned policy version, quotas',
  titles: 'Titles (称号) granted by commendation decisions (表彰决定): tier, year, validity and state',
  certificates:
    'Certificates (证书) of titles: issued once per title, downloaded as a PDF by the office and the holder',
  duties:
    'Post-award duties (获奖后义务): self-assessments, performance reports, notices; reminded, overdue, escalated',
  applicants: 'Applicants (申报组织 / 申报个人)',
  recommenders: 'Recommenders (推荐单位): departments and entrusted associations',
  applications: 'Applications, from draft to acceptance (申报、推荐、形式审查、受理)',
  materials: 'An application’s materials: files, versions, the no-state-secret statement',
  notices: 'Public notices (公示) as the office runs them',
  objections: 'Objections (异议) as the receiving and deciding bodies handle them',
  'objection rules': 'Each policy version’s objection, report and notice rules, as the objections service keeps them',
  reports: 'Reports of misconduct (举报) as their receiver handles them',
  files: 'Evidence files of objections and reports',
  'public notices': 'What anyone reads and files without an account: notices and objections to them',
  'public certificates': 'Verifying a certificate by its number (证书核验): valid, expired, lost or revoked',
  'public reports': 'Reporting misconduct without an account, and following the report',
  experts: 'The expert pool (评审专家库): profiles, and an expert’s own view of the applications it may review',
  conflicts: 'Conflicts of interest (回避): flags detected from data or declared, decided by the office',
  votes:
    'Votes of the leading group’s member units (投票), deliberations (审议) and the candidate lists (候选获奖名单) they produce',
  funds:
    'Award money (奖补资金): budget years, appropriations, the ledger’s accounts, entitlements, disbursement (拨付)',
  'review-stages': 'A cycle’s review stages (材料评审、陈述答辩、现场评审) from its policy: entrants, opening, closing',
  panels: 'Panels (评审组) of a review stage and the assignment of their experts to applications',
  scores: 'Score sheets (评分表) by a stage’s rubric: drafts, one submission, recorded revisions',
  'stage results':
    'A stage’s score table raw and normalised, outliers and their consensus, the ranking, the cut; the composite and its report (综合评审报告)',
  calendar: 'The official working-day calendar and deadline arithmetic',
  clock: 'The platform’s time; on a rehearsal platform, the one virtual clock the operator moves forward',
  audit: 'The hash-chained audit trail of each service',
  operations: 'Operators’ tools: dead letters, the event pipeline, the queue board',
  health: 'Health of the gateway and every service',
} as const;

export type ApiTag = keyof typeof API_TAGS;
