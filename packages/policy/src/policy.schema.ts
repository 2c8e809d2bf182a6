import { z } from 'zod';

/**
 * The policy document: one jurisdiction's regulation (管理办法 / 实施办法) as versioned data.
 *
 * Conventions used throughout:
 * - every rule carries `basis`, the article(s) exactly as written in the regulation, e.g. "第十九条",
 *   "第二十八条第二款", "第十七条（一）", or several joined by "; " ("第二十八条; 第二十九条");
 * - `null` means "the text says nothing": the office decides by hand; nothing is invented;
 * - money is integer fen (1 yuan = 100 fen);
 * - dates are ISO calendar dates (YYYY-MM-DD) in Asia/Shanghai;
 * - `note` is free text for readers (ambiguities, readings taken), never evaluated.
 * Cross-field rules (unique keys, stage order, dates in order, ...) are checked by `parsePolicy`.
 */

const articleNumber = '[零〇一二三四五六七八九十百千]+';
const itemNumber = '[一二三四五六七八九十]+';
const articlePattern = new RegExp(
  `^第${articleNumber}条(?:第${itemNumber}款)?(?:（${itemNumber}）|第（${itemNumber}）项)?$`,
);

/** True for "第十九条", "第二十八条第二款", "第十七条（一）", "第二十八条; 第二十九条". */
export function isBasis(value: string): boolean {
  const segments = value.split('; ');
  return segments.length > 0 && segments.every((segment) => articlePattern.test(segment));
}

export const basisSchema = z.string().refine(isBasis, {
  message: 'must cite articles as written in the text, e.g. "第十九条" or "第二十八条; 第二十九条"',
  params: { zh: '须按条文原文引用条款，如“第十九条”或“第二十八条; 第二十九条”' },
});

export const localizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

export const isoDateSchema = z.iso.date();

const noteSchema = z.string().trim().min(1).optional();

const idSchema = z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'lower-case letters, digits, "-" or "_"');

export const applicantKindSchema = z.enum(['organisation', 'individual']);

/** 法人; 非法人组织; 分支机构; 内设机构; 派出机构. */
export const legalFormSchema = z.enum([
  'legal_person',
  'unincorporated_organisation',
  'branch',
  'internal_unit',
  'dispatched_unit',
]);

/** 企业; 事业单位; 社会组织; 机关; 其他. */
export const organisationTypeSchema = z.enum([
  'enterprise',
  'public_institution',
  'social_organisation',
  'government_agency',
  'other',
]);

export const tierKeySchema = z.enum(['award', 'nomination']);

export const levelSchema = z.enum(['province', 'prefecture', 'city', 'county', 'district']);

export const periodUnitSchema = z.enum(['working_days', 'calendar_days']);

/** A period such as "不少于5个工作日" (minimum: true) or "公示期为7个工作日" (minimum: false). */
export const periodSchema = z.strictObject({
  count: z.int().positive(),
  unit: periodUnitSchema,
  minimum: z.boolean(),
});

/** A length counted in years or in cycles (届); a cycle's length comes from `cycle.years`. */
export const yearsOrCyclesSchema = z.strictObject({
  unit: z.enum(['years', 'cycles']),
  count: z.int().positive(),
});

// ---------------------------------------------------------------------------------------------
// Regulation

const inForceSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('on_issue'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
  z.strictObject({ rule: z.literal('on_publication'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
  z.strictObject({
    rule: z.literal('days_after_publication'),
    days: z.int().positive(),
    /** The date this rule gives, computed by people and explained in `note`. */
    date: isoDateSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({ rule: z.literal('fixed_date'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
]);

const expiresSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('years_after_in_force'),
    years: z.int().positive(),
    /** The last day in force: the corresponding day `years` after `inForce.date` (民法典 第二百零二条). */
    date: isoDateSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
  z.strictObject({ rule: z.literal('fixed_date'), date: isoDateSchema, basis: basisSchema, note: noteSchema }),
]);

export const regulationSchema = z.strictObject({
  title: localizedTextSchema,
  /** 文号, e.g. "伊州政办规〔2024〕4号"; null when the text carries none. */
  documentNumber: z.string().trim().min(1).nullable(),
  issuer: localizedTextSchema,
  issued: isoDateSchema,
  inForce: inForceSchema,
  /** null: the text sets no expiry. */
  expires: expiresSchema.nullable(),
  replaces: z
    .strictObject({
      title: localizedTextSchema,
      documentNumber: z.string().trim().min(1).nullable(),
      issued: isoDateSchema.nullable(),
      basis: basisSchema,
    })
    .optional(),
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Applicants and eligibility

export const applicantKindRuleSchema = z.strictObject({
  kind: applicantKindSchema,
  /** Legal forms admitted; null: the text does not restrict them. Individuals: always null. */
  legalForms: z.array(legalFormSchema).min(1).nullable(),
  /** Kinds of organisation admitted; null: the text does not restrict them. */
  organisationTypes: z.array(organisationTypeSchema).min(1).nullable(),
  description: localizedTextSchema,
  basis: basisSchema,
  note: noteSchema,
});

export const incidentKindSchema = z.enum([
  /** any accident (quality, safety, environmental, public health, ...), major or not */
  'accident',
  'major_accident',
  /** 责任事故 */
  'liability_accident',
  /** 违法、违规、违纪 */
  'violation',
  'serious_violation',
  /** 失信记录 */
  'discredit_record',
  /** a verified major complaint by customers */
  'major_complaint',
  /** 出口产品被海关等部门通报 */
  'export_quality_notice',
  /** 质量监督抽查不合格 */
  'failed_spot_check',
]);

const ruleBase = {
  id: idSchema,
  appliesTo: z.array(applicantKindSchema).min(1),
  description: localizedTextSchema,
  basis: basisSchema,
  note: noteSchema,
};

export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...ruleBase, kind: z.literal('registered_in_jurisdiction') }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('min_years_operating'),
    years: z.int().positive(),
    /** A lower minimum for some applicants, e.g. 四新 fields (ili 第八条（二）: 3 years). */
    reduced: z
      .strictObject({ years: z.int().positive(), when: z.literal('four_new_field'), basis: basisSchema })
      .nullable(),
    /** A body that may waive the minimum (e.g. "经领导小组批准可放宽年限"): a person's decision. */
    waiver: z.strictObject({ by: localizedTextSchema, condition: localizedTextSchema, basis: basisSchema }).nullable(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('min_years_quality_system'), years: z.int().positive() }),
  z.strictObject({ ...ruleBase, kind: z.literal('min_years_quality_work'), years: z.int().positive() }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('no_incidents'),
    incidents: z.array(incidentKindSchema).min(1),
    /** Look-back in years before the evaluation date; null: the text states no window (a person decides). */
    lookbackYears: z.int().positive().nullable(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('no_losses'), years: z.int().positive() }),
  z.strictObject({ ...ruleBase, kind: z.literal('spot_checks_passed'), consecutiveYears: z.int().positive() }),
  /** A qualitative condition checked by a person (checklist item), never automated. */
  z.strictObject({ ...ruleBase, kind: z.literal('attestation') }),
]);

// ---------------------------------------------------------------------------------------------
// Tiers

export const quotaSchema = z.strictObject({
  /** Winners per cycle, organisations and individuals together. */
  max: z.int().nonnegative(),
  /** hard: may not be exceeded; in_principle (原则上): may be exceeded with a recorded reason. */
  binding: z.enum(['hard', 'in_principle']),
  vacanciesAllowed: z.boolean(),
  basis: basisSchema,
  note: noteSchema,
});

export const moneySchema = z.strictObject({
  /** prize (奖金), grant (资助资金), non_cash (honours or policy support only), unspecified (text silent). */
  form: z.enum(['prize', 'grant', 'non_cash', 'unspecified']),
  /** Integer fen per winner of each applicant kind; null: none stated or the kind is not admitted. */
  fen: z.strictObject({
    organisation: z.int().nonnegative().nullable(),
    individual: z.int().nonnegative().nullable(),
  }),
  /** e.g. inner-mongolia 第十八条: a unit winning the same award again gets no second grant. */
  repeatWinner: z.strictObject({ rule: z.literal('no_second_grant'), basis: basisSchema }).nullable(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

export const validitySchema = z.strictObject({
  years: z.int().positive(),
  /** re_evaluation: at expiry the title is re-assessed (keep, rectify or lose); lapses: it simply ends. */
  onExpiry: z.enum(['re_evaluation', 'lapses', 'unspecified']),
  basis: basisSchema,
  note: noteSchema,
});

export const reapplicationSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('unrestricted'), basis: basisSchema, note: noteSchema }),
  /** Winners may not apply again within `length` after the award (years from the award year, or cycles). */
  z.strictObject({ rule: z.literal('wait'), length: yearsOrCyclesSchema, basis: basisSchema, note: noteSchema }),
  /** The text is silent: the office decides by hand. */
  z.strictObject({ rule: z.literal('unspecified'), note: noteSchema }),
]);

export const tierSchema = z.strictObject({
  key: tierKeySchema,
  name: localizedTextSchema,
  quota: quotaSchema,
  money: moneySchema,
  /** null: the text gives the title no validity period. */
  validity: validitySchema.nullable(),
  reapplication: reapplicationSchema,
  basis: basisSchema,
});

// ---------------------------------------------------------------------------------------------
// Procedure

export const stageKindSchema = z.enum([
  'internal_publicity',
  'submission',
  'recommendation',
  'formal_review',
  'acceptance',
  'material_review',
  'defense',
  'onsite_review',
  'composite_evaluation',
  'vote',
  'candidate_list',
  'background_clearance',
  'deliberation',
  'proposed_winners',
  'approval',
  'commendation',
]);

export const stageSchema = z.strictObject({
  key: idSchema,
  kind: stageKindSchema,
  /** Position in the procedure, strictly increasing. */
  order: z.int().positive(),
  name: localizedTextSchema,
  actor: localizedTextSchema.nullable(),
  scored: z.boolean(),
  basis: basisSchema,
  note: noteSchema,
});

export const noticeSchema = z.strictObject({
  /** The stage whose list is noticed (`stages[].key`). */
  stage: idSchema,
  /** internal: inside the applicant or its employer (内部公示); public: 向社会公示 / 公开征求意见. */
  scope: z.enum(['internal', 'public']),
  /** notice (公示) or consultation (公开征求意见). */
  form: z.enum(['notice', 'consultation']),
  channel: localizedTextSchema.nullable(),
  /** null: the text gives no period; the office sets it. */
  period: periodSchema.nullable(),
  basis: basisSchema,
  note: noteSchema,
});

export const procedureSchema = z.strictObject({
  stages: z.array(stageSchema).min(1),
  notices: z.array(noticeSchema),
  /** false when the text says the stages are "包括但不限于" (the office may add stages). */
  stagesExhaustive: z.boolean(),
  note: noteSchema,
});

export const scoringSchema = z.strictObject({
  standards: z
    .array(
      z.strictObject({
        /** e.g. "GB/T 19580"; null when the standard has no number. */
        code: z.string().trim().min(1).nullable(),
        title: localizedTextSchema,
        appliesTo: z.array(applicantKindSchema).min(1),
      }),
    )
    .min(1),
  method: localizedTextSchema,
  basis: basisSchema,
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Objections and reports

export const personIdentityFieldSchema = z.enum(['name', 'signature', 'phone', 'address', 'identity_proof']);
export const organisationIdentityFieldSchema = z.enum(['address', 'phone', 'official_seal']);
/** The jurisdiction's bodies that act on objections, by their role on the platform (the glossary's roles). */
export const actingRoleSchema = z.enum(['office', 'supervisor', 'leading_group']);
export type ActingRole = z.infer<typeof actingRoleSchema>;

export const objectionsSchema = z.strictObject({
  /** Whether the text sets out how objections are raised. */
  provided: z.boolean(),
  receiver: localizedTextSchema.nullable(),
  /** The role that receives, examines and investigates objections; omitted: `office`. */
  receiverRole: actingRoleSchema.optional(),
  /** The body that decides objections, when it differs from the receiver. */
  decidedBy: localizedTextSchema.nullable(),
  /** The role that decides them; omitted: the receiver's. */
  deciderRole: actingRoleSchema.optional(),
  inWriting: z.boolean().nullable(),
  evidenceRequired: z.boolean().nullable(),
  /** What an objector must give; null: the text requires no identity. */
  identity: z
    .strictObject({
      person: z.array(personIdentityFieldSchema).min(1),
      organisation: z.array(organisationIdentityFieldSchema).min(1),
      basis: basisSchema,
    })
    .nullable(),
  /** Deadline to examine an objection from its receipt; null: the text gives none. */
  examination: z
    .strictObject({
      period: periodSchema,
      from: z.literal('receipt'),
      receiptIssued: z.boolean(),
      basis: basisSchema,
    })
    .nullable(),
  investigation: z.strictObject({ by: localizedTextSchema, basis: basisSchema, note: noteSchema }).nullable(),
  result: z
    .strictObject({
      notified: z.array(z.enum(['objector', 'recommender'])).min(1),
      objectorConfirms: z.boolean(),
      basis: basisSchema,
      note: noteSchema,
    })
    .nullable(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

export const reportsSchema = z.strictObject({
  provided: z.boolean(),
  receiver: localizedTextSchema.nullable(),
  /** The role that receives reports and alone sees who reported; omitted: `supervisor`. */
  receiverRole: actingRoleSchema.optional(),
  /** null: the text does not say. */
  anonymousAllowed: z.boolean().nullable(),
  realNameEncouraged: z.boolean(),
  reporterConfidential: z.boolean(),
  channelPublished: z.boolean(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Funding

export const budgetSchema = z.strictObject({
  purposes: z.array(z.enum(['award_money', 'review_costs'])).min(1),
  /**
   * award_year / current_year (当年), year_after_award (获奖下一年度), annual (列入年度预算, year unstated),
   * existing_funds (在现有经费中统筹).
   */
  year: z.enum(['current_year', 'year_after_award', 'annual', 'existing_funds']),
  source: localizedTextSchema,
  earmarked: z.boolean(),
  basis: basisSchema,
  note: noteSchema,
});

export const fundingSchema = z.strictObject({
  budget: z.array(budgetSchema),
  use: z
    .strictObject({
      purposes: z.array(localizedTextSchema).min(1),
      /** true: use is restricted to the purposes (不得挪作他用); false: "主要用于". */
      restricted: z.boolean(),
      performanceEvaluation: z.boolean(),
      basis: basisSchema,
      note: noteSchema,
    })
    .nullable(),
});

// ---------------------------------------------------------------------------------------------
// Consequences

export const eventKindSchema = z.enum([
  /** 隐瞒有关情况或者提供虚假材料进行申报 */
  'false_materials',
  /** 以欺骗、贿赂等不正当手段获奖 */
  'fraud_or_bribery',
  'major_accident',
  'serious_violation',
  'discredit_record',
  /** 违反本办法有关规定 */
  'regulation_breach',
  /** 发生重大质量问题，被监管部门查处 */
  'major_quality_problem',
  'verified_major_complaint',
  'severe_operating_loss',
  'failed_spot_check',
  'export_quality_notice',
  /** 违规使用称号或标识 */
  'title_misuse',
  /** 拒绝履行相关责任义务 */
  'refusing_duties',
  'other_serious_violation',
]);

export const consequenceWindowSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('any_time') }),
  /** The event must happen within `count` years or months of the award date (end day included). */
  z.strictObject({
    kind: z.literal('after_award'),
    length: z.strictObject({ unit: z.enum(['years', 'months']), count: z.int().positive() }),
  }),
]);

export const banSchema = z.strictObject({
  unit: z.enum(['years', 'cycles']),
  count: z.int().positive(),
  /** decision_year: counted from the year of the finding; revocation_year: 自撤销奖项当年起. */
  from: z.enum(['decision_year', 'revocation_year']),
});

export const consequenceRuleSchema = z.strictObject({
  id: idSchema,
  events: z.array(eventKindSchema).min(1),
  /** true: applies only to winners (获奖组织和个人). */
  requiresAward: z.boolean(),
  /** Tiers the rule applies to; omitted: all tiers. */
  tiers: z.array(tierKeySchema).min(1).optional(),
  window: consequenceWindowSchema,
  actions: z.strictObject({
    revoke: z.boolean(),
    recoverCertificateAndPlaque: z.boolean(),
    clawback: z.boolean(),
    ban: banSchema.nullable(),
    creditRecord: z.strictObject({ system: localizedTextSchema }).nullable(),
    publish: z.boolean(),
    approval: z.strictObject({ by: localizedTextSchema }).nullable(),
    investigation: z.strictObject({ by: localizedTextSchema }).nullable(),
  }),
  description: localizedTextSchema,
  basis: basisSchema,
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// Obligations after the award

export const reportScheduleSchema = z.discriminatedUnion('kind', [
  /** Every year in `month` (due on the month's last day), while `until` holds. */
  z.strictObject({
    kind: z.literal('annual_in_month'),
    month: z.int().min(1).max(12),
    until: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('title_validity') }),
      z.strictObject({ kind: z.literal('years_after_award'), years: z.int().positive() }),
    ]),
  }),
  /** One report for each of the first `years` years after the award. */
  z.strictObject({
    kind: z.literal('annual_after_award'),
    years: z.int().positive(),
    due: z.discriminatedUnion('kind', [
      /** "按时报送": the office sets the date. */
      z.strictObject({ kind: z.literal('set_by_office') }),
      z.strictObject({ kind: z.literal('days_after_period'), days: z.int().nonnegative() }),
    ]),
  }),
  /** When something happens (e.g. a major change of the quality model). */
  z.strictObject({ kind: z.literal('on_event'), event: localizedTextSchema }),
  /** When the office asks (e.g. a grant's performance evaluation). */
  z.strictObject({ kind: z.literal('on_request') }),
]);

export const reportObligationSchema = z.strictObject({
  key: idSchema,
  name: localizedTextSchema,
  recipient: localizedTextSchema,
  tiers: z.array(tierKeySchema).min(1),
  applicantKinds: z.array(applicantKindSchema).min(1),
  schedule: reportScheduleSchema,
  basis: basisSchema,
  note: noteSchema,
});

export const titleUseSchema = z.strictObject({
  mustStateYear: z.boolean(),
  forbidden: z
    .array(
      z.enum(['on_products_or_services', 'in_product_promotion', 'on_packaging', 'selling_or_renting', 'other_profit']),
    )
    .min(1),
  basis: basisSchema,
  note: noteSchema,
});

export const obligationsSchema = z.strictObject({
  reports: z.array(reportObligationSchema),
  titleUse: titleUseSchema.nullable(),
});

export const conductSchema = z.strictObject({
  recusal: basisSchema.nullable(),
  secrecy: basisSchema.nullable(),
  /** The applicant marks trade secrets in its materials. */
  tradeSecretsMarked: basisSchema.nullable(),
  /** Materials must not touch state security or state secrets. */
  noStateSecrets: basisSchema.nullable(),
});

// ---------------------------------------------------------------------------------------------
// The document

export const policySchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Tenant key, e.g. "ili". */
  key: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'kebab-case, e.g. "xinzhou-city"'),
  version: z.int().positive(),
  name: localizedTextSchema,
  level: levelSchema,
  regulation: regulationSchema,
  cycle: z.strictObject({ years: z.int().positive(), basis: basisSchema }),
  applicants: z.strictObject({ kinds: z.array(applicantKindRuleSchema).min(1) }),
  eligibility: z.array(eligibilityRuleSchema),
  tiers: z.array(tierSchema).min(1),
  procedure: procedureSchema,
  scoring: scoringSchema,
  objections: objectionsSchema,
  reports: reportsSchema,
  funding: fundingSchema,
  consequences: z.array(consequenceRuleSchema),
  obligations: obligationsSchema,
  conduct: conductSchema,
  notes: z.array(z.string().trim().min(1)).optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type ApplicantKind = z.infer<typeof applicantKindSchema>;
export type LegalForm = z.infer<typeof legalFormSchema>;
export type OrganisationType = z.infer<typeof organisationTypeSchema>;
export type TierKey = z.infer<typeof tierKeySchema>;
export type Tier = z.infer<typeof tierSchema>;
export type Period = z.infer<typeof periodSchema>;
export type PeriodUnit = z.infer<typeof periodUnitSchema>;
export type YearsOrCycles = z.infer<typeof yearsOrCyclesSchema>;
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type IncidentKind = z.infer<typeof incidentKindSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type StageKind = z.infer<typeof stageKindSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type EventKind = z.infer<typeof eventKindSchema>;
export type ConsequenceRule = z.infer<typeof consequenceRuleSchema>;
export type Ban = z.infer<typeof banSchema>;
export type ReportObligation = z.infer<typeof reportObligationSchema>;
