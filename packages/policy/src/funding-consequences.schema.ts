import { z } from 'zod';
import { accidentThresholdSchema } from './eligibility-rules.schema';
import {
  actingRoleSchema,
  applicantKindSchema,
  basisSchema,
  idSchema,
  localizedTextSchema,
  noteSchema,
  tierKeySchema,
} from './policy-basics.schema';

/** Funding, consequences (revocation, clawback, bans), obligations after the award, conduct and bodies. (Part of the policy document: `policy.schema.ts`.) */

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

/**
 * A purpose the regulation lists for the award money (inner-mongolia 第十九条 质量技术攻关 …). `key` is what a use
 * report names; documents stored before use reports had none (their purposes are then named by their Chinese text).
 */
export const usePurposeSchema = localizedTextSchema.extend({ key: idSchema.optional() });

export const fundingSchema = z.strictObject({
  budget: z.array(budgetSchema),
  use: z
    .strictObject({
      purposes: z.array(usePurposeSchema).min(1),
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
  /** an accident, of the grade its `severity` gives (a rule's `accidents` says which grades count) */
  'accident',
  /** 重大事故: documents written before accidents were graded; read as an `accident` of severity `major` */
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
  /** 复评 / 定期评价不合格: a periodic evaluation of a winner found it below the standard */
  'failed_periodic_evaluation',
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

export const banFromSchema = z.enum(['decision_year', 'revocation_year']);

export const banSchema = z.union([
  z.strictObject({
    unit: z.enum(['years', 'cycles']),
    count: z.int().positive(),
    /** decision_year: counted from the year of the finding; revocation_year: 自撤销奖项当年起. */
    from: banFromSchema,
  }),
  /** "不再受理其申报": no application is accepted again, ever. */
  z.strictObject({ unit: z.literal('permanent'), from: banFromSchema }),
]);

export const consequenceRuleSchema = z.strictObject({
  id: idSchema,
  events: z.array(eventKindSchema).min(1),
  /** true: applies only to winners (获奖组织和个人). */
  requiresAward: z.boolean(),
  /** Tiers the rule applies to; omitted: all tiers. */
  tiers: z.array(tierKeySchema).min(1).optional(),
  /**
   * The grades of accident that count, where `events` names accidents (every launch policy states them); omitted
   * in documents written before grades: `major_accident` counts from `major`.
   */
  accidents: z.array(accidentThresholdSchema).min(1).optional(),
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
    /** 约谈: the winner's head is summoned by `by`; short of revocation. Omitted: none. */
    summons: z.strictObject({ by: localizedTextSchema }).optional(),
    /**
     * 责令整改: a rectification order, e.g. after a periodic evaluation; `within` the period the text gives, null when
     * it gives none (the office sets it); `failing` what follows an unrectified order (another rule's id), if stated.
     */
    rectification: z
      .strictObject({
        by: localizedTextSchema,
        within: z.strictObject({ unit: z.enum(['months', 'days']), count: z.int().positive() }).nullable(),
        failing: idSchema.optional(),
      })
      .optional(),
    /** 停止使用称号: the winner must stop using the title (and its marks) from the revocation. Omitted: not stated. */
    stopUsingTitle: z.boolean().optional(),
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
// Bodies

/**
 * A body of the jurisdiction that acts on the platform under its own role. `independentOfOffice`: the regulation
 * sets it up apart from the office (it oversees the office's work or decides over it), so the office cannot give
 * anyone its role; the operator does (xinzhou-city 第十七条、第二十七条: the supervision group).
 */
export const bodySchema = z.strictObject({
  role: actingRoleSchema,
  name: localizedTextSchema,
  independentOfOffice: z.boolean(),
  basis: basisSchema,
  note: noteSchema,
});

// ---------------------------------------------------------------------------------------------
// The document
