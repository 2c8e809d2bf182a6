import type {
  ApplicantKind,
  LegalForm,
  LocalizedText,
  Period,
  PeriodUnit,
  Policy,
  PolicySection,
  TierKey,
} from './policy.schema';

/** One applicant kind's own quota within a tier (`quota.byKind`), its binding and vacancies resolved. */
export interface KindQuotaSummary {
  readonly kind: ApplicantKind;
  readonly max: number;
  readonly binding: 'hard' | 'in_principle';
  readonly vacanciesAllowed: boolean;
  readonly basis: string;
}

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
    /** Per applicant kind: paid as stated (exact) or a cap ("不超过N万元") within which a body decides. */
    readonly moneyAmountIs: { readonly organisation: 'exact' | 'cap'; readonly individual: 'exact' | 'cap' };
    /** "原则上给予…": the amount may be departed from with a recorded reason. */
    readonly moneyInPrinciple: boolean;
    /** Each applicant kind's own quota, where the text sets them; [] for one quota for all kinds. */
    readonly quotaByKind: readonly KindQuotaSummary[];
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
  /** Sections the operator has not transcribed yet (尚未录入): not silences of the text. */
  readonly untranscribed: readonly {
    readonly section: PolicySection;
    readonly basis: string | null;
    readonly note: string | null;
  }[];
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
      moneyAmountIs: {
        organisation: tier.money.amountIs?.organisation ?? 'exact',
        individual: tier.money.amountIs?.individual ?? 'exact',
      },
      moneyInPrinciple: tier.money.inPrinciple ?? false,
      quotaByKind: (['organisation', 'individual'] as const).flatMap((kind) => {
        const own = tier.quota.byKind?.[kind];
        return own
          ? [
              {
                kind,
                max: own.max,
                binding: own.binding ?? tier.quota.binding,
                vacanciesAllowed: own.vacanciesAllowed ?? tier.quota.vacanciesAllowed,
                basis: own.basis ?? tier.quota.basis,
              },
            ]
          : [];
      }),
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
    untranscribed: (policy.untranscribed ?? []).map((entry) => ({
      section: entry.section,
      basis: entry.basis ?? null,
      note: entry.note ?? null,
    })),
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
