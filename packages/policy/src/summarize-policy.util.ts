import type { ApplicantKind, LegalForm, LocalizedText, Period, PeriodUnit, Policy, TierKey } from './policy.schema';

export interface PolicySummary {
  readonly key: string;
  readonly version: number;
  readonly name: LocalizedText;
  readonly level: Policy['level'];
  readonly cycleYears: number;
  readonly cycleBasis: string;
  readonly applicantKinds: readonly {
    readonly kind: ApplicantKind;
    readonly legalForms: readonly LegalForm[] | null;
    readonly description: LocalizedText;
    readonly basis: string;
  }[];
  readonly tiers: readonly {
    readonly tier: TierKey;
    readonly name: LocalizedText;
    /** Winners per cycle at most (or in principle, see quotaBinding). */
    readonly quota: number;
    readonly quotaBinding: 'hard' | 'in_principle';
    readonly vacanciesAllowed: boolean;
    /** Integer fen per winner; null: no amount stated or the kind is not admitted. */
    readonly moneyFen: { readonly organisation: number | null; readonly individual: number | null };
    readonly moneyForm: 'prize' | 'grant' | 'non_cash' | 'unspecified';
    readonly validityYears: number | null;
    /** Articles of the tier, its quota and its money. */
    readonly basis: string;
    readonly quotaBasis: string;
    readonly moneyBasis: string | null;
  }[];
  readonly notices: readonly {
    readonly stage: string;
    readonly stageName: LocalizedText;
    readonly scope: 'internal' | 'public';
    readonly form: 'notice' | 'consultation';
    /** null with unit null: the regulation gives no period; the office sets it. */
    readonly count: number | null;
    readonly unit: PeriodUnit | null;
    readonly minimum: boolean | null;
    readonly basis: string;
  }[];
  readonly objectionExamination: (Period & { readonly basis: string }) | null;
  readonly inForce: string;
  readonly expires: string | null;
}

function joinBasis(...bases: readonly (string | null)[]): string {
  const parts = bases.flatMap((basis) => (basis === null ? [] : basis.split('; ')));
  return [...new Set(parts)].join('; ');
}

/** The office's at-a-glance summary of a policy, each item with its basis. */
export function summarizePolicy(policy: Policy): PolicySummary {
  const stageNames = new Map(policy.procedure.stages.map((stage) => [stage.key, stage.name]));
  const examination = policy.objections.examination;
  return {
    key: policy.key,
    version: policy.version,
    name: policy.name,
    level: policy.level,
    cycleYears: policy.cycle.years,
    cycleBasis: policy.cycle.basis,
    applicantKinds: policy.applicants.kinds.map((entry) => ({
      kind: entry.kind,
      legalForms: entry.legalForms,
      description: entry.description,
      basis: entry.basis,
    })),
    tiers: policy.tiers.map((tier) => ({
      tier: tier.key,
      name: tier.name,
      quota: tier.quota.max,
      quotaBinding: tier.quota.binding,
      vacanciesAllowed: tier.quota.vacanciesAllowed,
      moneyFen: { organisation: tier.money.fen.organisation, individual: tier.money.fen.individual },
      moneyForm: tier.money.form,
      validityYears: tier.validity?.years ?? null,
      basis: joinBasis(tier.basis, tier.quota.basis, tier.money.basis),
      quotaBasis: tier.quota.basis,
      moneyBasis: tier.money.basis,
    })),
    notices: policy.procedure.notices.map((notice) => ({
      stage: notice.stage,
      stageName: stageNames.get(notice.stage) ?? { zh: notice.stage, en: notice.stage },
      ...noticePeriodOf(notice),
    })),
    objectionExamination: examination ? { ...examination.period, basis: examination.basis } : null,
    inForce: policy.regulation.inForce.date,
    expires: policy.regulation.expires?.date ?? null,
  };
}

/** A notice's scope, form and period (count, unit, whether it is a minimum; null where the text gives none). */
export function noticePeriodOf(notice: Policy['procedure']['notices'][number]) {
  return {
    scope: notice.scope,
    form: notice.form,
    count: notice.period?.count ?? null,
    unit: notice.period?.unit ?? null,
    minimum: notice.period?.minimum ?? null,
    basis: notice.basis,
  };
}
