import { z } from 'zod';
import {
  actingRoleSchema,
  applicantKindSchema,
  basisSchema,
  idSchema,
  legalFormSchema,
  localizedTextSchema,
  noteSchema,
  organisationTypeSchema,
} from './policy-basics.schema';

/** Who may apply and the conditions of eligibility, with accident grades. (Part of the policy document: `policy.schema.ts`.) */

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
  /** an accident (quality, safety, environmental, public health, ...), of the grade its `severity` gives */
  'accident',
  /** 重大事故: documents written before accidents were graded; read as an `accident` of severity `major` */
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

/**
 * The grades of an accident, from the least severe (生产安全事故报告和调查处理条例 第三条; the regulations use the
 * same words for quality, environmental and other accidents): 一般 general, 较大 larger, 重大 major, 特别重大
 * especially major.
 */
export const accidentSeveritySchema = z.enum(['general', 'larger', 'major', 'especially_major']);

/** What an accident concerns: 质量, 安全, 环保, 公共卫生 / 卫生, 食品安全, 安全生产. */
export const accidentAreaSchema = z.enum([
  'quality',
  'safety',
  'environment',
  'public_health',
  'food_safety',
  /** 安全生产事故 (work safety); counted also where the text names 安全 (safety) */
  'work_safety',
]);

/**
 * The accidents a rule counts, as its text names them: "重大质量、安全、环保等事故" is every area (等) from `major`;
 * "较大质量和安全事故" is quality and safety from `larger`; "安全生产事故" is work safety from `general`.
 */
export const accidentThresholdSchema = z.strictObject({
  /** The areas named; null: any area (the text lists examples, "等"). */
  areas: z.array(accidentAreaSchema).min(1).nullable(),
  /** The least severe grade that counts. */
  atLeast: accidentSeveritySchema,
  basis: basisSchema,
  note: noteSchema,
});

export const ruleBase = {
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
    waiver: z
      .strictObject({
        by: localizedTextSchema,
        /** The role that records the waiver (xinzhou-city 第十条: the leading group); omitted: `office`. */
        decidedBy: actingRoleSchema.optional(),
        condition: localizedTextSchema,
        basis: basisSchema,
      })
      .nullable(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('min_years_quality_system'), years: z.int().positive() }),
  z.strictObject({ ...ruleBase, kind: z.literal('min_years_quality_work'), years: z.int().positive() }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('no_incidents'),
    incidents: z.array(incidentKindSchema).min(1),
    /**
     * The grades of accident that count, where `incidents` names accidents (every launch policy states them);
     * omitted in documents written before grades: `major_accident` counts from `major`, any other accident at all.
     */
    accidents: z.array(accidentThresholdSchema).min(1).optional(),
    /** Look-back in years before the evaluation date; null: the text states no window (a person decides). */
    lookbackYears: z.int().positive().nullable(),
    /**
     * Whose record counts: the applicant's own (omitted), or an individual applicant's employer's ("所在组织近3年无
     * 重大事故"), from the employer's incidents the applicant declares.
     */
    subject: z.enum(['applicant', 'employer']).optional(),
  }),
  z.strictObject({ ...ruleBase, kind: z.literal('no_losses'), years: z.int().positive() }),
  z.strictObject({ ...ruleBase, kind: z.literal('spot_checks_passed'), consecutiveYears: z.int().positive() }),
  /** A qualitative condition checked by a person (checklist item), never automated. */
  z.strictObject({ ...ruleBase, kind: z.literal('attestation') }),
]);

// ---------------------------------------------------------------------------------------------
// Tiers
