import {
  type ConflictKind,
  conflictBasisOf,
  DEFAULT_PAST_EMPLOYER_WINDOW_YEARS,
  WEBMAIL_DOMAINS,
} from './conflict-of-interest.rules';

/** An organisation by its 统一社会信用代码, with its group's parent where known. */
export interface Organisation {
  creditCode: string;
  name?: string;
  parentCreditCode?: string | null;
}

/** What detection reads of an expert's profile. */
export interface ConflictExpert {
  email?: string | null;
  currentEmployer?: Organisation | null;
  pastEmployers?: readonly (Organisation & { from: string; to: string })[];
  engagements?: readonly { creditCode: string; kind: 'consulting' | 'coaching'; from: string; to?: string | null }[];
  shareholdings?: readonly { creditCode: string }[];
  declaredRelations?: readonly { creditCode: string; relation: string }[];
}

/** What detection reads of an applicant. */
export interface ConflictApplicant {
  creditCode: string | null;
  parentCreditCode?: string | null;
  /** An individual applicant's employer. */
  employerCreditCode?: string | null;
  emailDomain?: string | null;
}

export interface ConflictOptions {
  /** The tenant's policy key: each finding cites its article. */
  policyKey: string;
  /** Today, `YYYY-MM-DD` (Asia/Shanghai). */
  today: string;
  /** A past employer counts when the expert left it fewer than this many years ago (the office's decision). */
  pastEmployerWindowYears?: number;
  webmailDomains?: readonly string[];
}

export interface ConflictFinding {
  kind: ConflictKind;
  /** What in the profile matched, e.g. the credit code or the e-mail domain. */
  evidence: string;
  basis: string;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.toUpperCase() === b.toUpperCase();

/** `YYYY-MM-DD` minus whole years (29 February falls back to 28). */
function yearsBefore(day: string, years: number): string {
  const [y, m, d] = day.split('-');
  const shifted = `${String(Number(y) - years).padStart(4, '0')}-${m}-${d}`;
  return shifted.endsWith('-02-29') ? shifted.replace(/-29$/, '-28') : shifted;
}

/**
 * The interests an expert has in an applicant, found from data, one finding per kind (the first matching evidence).
 * Pure: the service stores each finding as a flag the office decides.
 */
export function detectConflicts(
  expert: ConflictExpert,
  applicant: ConflictApplicant,
  options: ConflictOptions,
): ConflictFinding[] {
  const basis = conflictBasisOf(options.policyKey);
  const found = new Map<ConflictKind, string>();
  const add = (kind: ConflictKind, evidence: string) => {
    if (!found.has(kind)) found.set(kind, evidence);
  };
  const code = applicant.creditCode;
  const employer = expert.currentEmployer ?? null;

  if (code) {
    if (employer && same(employer.creditCode, code)) add('applicant_is_employer', code);
    const cutoff = yearsBefore(options.today, options.pastEmployerWindowYears ?? DEFAULT_PAST_EMPLOYER_WINDOW_YEARS);
    for (const past of expert.pastEmployers ?? []) {
      if (same(past.creditCode, code) && past.to >= cutoff) add('recent_past_employer', `${code} (${past.to})`);
    }
    for (const engagement of expert.engagements ?? []) {
      if (same(engagement.creditCode, code)) add('consultancy', `${code} (${engagement.kind})`);
    }
    for (const holding of expert.shareholdings ?? []) if (same(holding.creditCode, code)) add('shareholding', code);
    for (const relation of expert.declaredRelations ?? []) {
      if (same(relation.creditCode, code)) add('declared', `${code}: ${relation.relation}`);
    }
  }
  if (employer && same(employer.creditCode, applicant.employerCreditCode)) {
    add('same_current_employer', employer.creditCode);
  }
  // One group: the employer is the applicant's parent, its subsidiary, or they share a parent.
  if (employer && !found.has('applicant_is_employer')) {
    const group =
      same(employer.creditCode, applicant.parentCreditCode) ||
      same(employer.parentCreditCode, code) ||
      same(employer.parentCreditCode, applicant.parentCreditCode);
    if (group) add('same_group', employer.parentCreditCode ?? employer.creditCode);
  }
  const domain = expert.email?.split('@')[1]?.toLowerCase();
  const webmail = options.webmailDomains ?? WEBMAIL_DOMAINS;
  if (domain && same(domain, applicant.emailDomain) && !webmail.includes(domain)) add('same_email_domain', domain);

  return [...found].map(([kind, evidence]) => ({ kind, evidence, basis }));
}
