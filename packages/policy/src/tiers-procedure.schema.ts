import { z } from 'zod';
import {
  applicantKindSchema,
  basisSchema,
  idSchema,
  inPrincipleSchema,
  localizedTextSchema,
  noteSchema,
  periodSchema,
  tierKeySchema,
  yearsOrCyclesSchema,
} from './policy-basics.schema';

/** Tiers with quotas, money and validity; the procedure's stages and notices; scoring. (Part of the policy document: `policy.schema.ts`.) */

export const quotaBindingSchema = z.enum(['hard', 'in_principle']);

/** One applicant kind's own quota within a tier ("组织奖、个人奖各不超过N个"). */
export const kindQuotaSchema = z.strictObject({
  max: z.int().nonnegative(),
  /** Omitted: the tier quota's `binding`. */
  binding: quotaBindingSchema.optional(),
  /** Omitted: the tier quota's `vacanciesAllowed`. */
  vacanciesAllowed: z.boolean().optional(),
  /** Omitted: the tier quota's `basis`. */
  basis: basisSchema.optional(),
  note: noteSchema,
});

export const quotaSchema = z.strictObject({
  /** Winners per cycle, organisations and individuals together. */
  max: z.int().nonnegative(),
  /** hard: may not be exceeded; in_principle (原则上): may be exceeded with a recorded reason. */
  binding: quotaBindingSchema,
  vacanciesAllowed: z.boolean(),
  /**
   * Separate quotas per applicant kind, where the text sets them ("组织奖不超过5个、个人奖不超过3个"); each kind's
   * winners are counted against its own, and all together against `max`. Omitted: one quota for all kinds.
   */
  byKind: z
    .strictObject({ organisation: kindQuotaSchema.optional(), individual: kindQuotaSchema.optional() })
    .optional(),
  basis: basisSchema,
  note: noteSchema,
});

export const moneySchema = z.strictObject({
  /** prize (奖金), grant (资助资金), non_cash (honours or policy support only), unspecified (text silent). */
  form: z.enum(['prize', 'grant', 'non_cash', 'unspecified']),
  /**
   * Integer fen (1 yuan = 100 fen; 20万元 = 20000000) per winner of each applicant kind; null: none stated or the kind
   * is not admitted. An exact amount unless `amountIs` says the text gives a cap.
   */
  fen: z.strictObject({
    organisation: z
      .int({ message: 'integer fen (1 yuan = 100 fen), or null: no amount stated' })
      .nonnegative()
      .nullable(),
    individual: z
      .int({ message: 'integer fen (1 yuan = 100 fen), or null: no amount stated' })
      .nonnegative()
      .nullable(),
  }),
  /**
   * Per applicant kind: exact (the amount is paid as stated) or cap ("不超过N万元", "最高N万元": the amount is a decision
   * recorded within the cap). Omitted, or a kind omitted: exact.
   */
  amountIs: z
    .strictObject({
      organisation: z.enum(['exact', 'cap']).optional(),
      individual: z.enum(['exact', 'cap']).optional(),
    })
    .optional(),
  /** "原则上给予…": the amount may be departed from with a recorded reason. */
  inPrinciple: inPrincipleSchema,
  /** e.g. inner-mongolia 第十八条: a unit winning the same award again gets no second grant. */
  repeatWinner: z.strictObject({ rule: z.literal('no_second_grant'), basis: basisSchema }).nullable(),
  basis: basisSchema.nullable(),
  note: noteSchema,
});

export const validitySchema = z.strictObject({
  years: z.int().positive(),
  /** "有效期原则上为N年". */
  inPrinciple: inPrincipleSchema,
  /** re_evaluation: at expiry the title is re-assessed (keep, rectify or lose); lapses: it simply ends. */
  onExpiry: z.enum(['re_evaluation', 'lapses', 'unspecified']),
  basis: basisSchema,
  note: noteSchema,
});

export const reapplicationSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('unrestricted'), basis: basisSchema, note: noteSchema }),
  /** Winners may not apply again within `length` after the award (years from the award year, or cycles). */
  z.strictObject({
    rule: z.literal('wait'),
    length: yearsOrCyclesSchema,
    /** "原则上N年内不再申报": an application within the wait needs a recorded decision instead of a refusal. */
    inPrinciple: inPrincipleSchema,
    basis: basisSchema,
    note: noteSchema,
  }),
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

/**
 * How one kind of applicant enters a review stage: `accepted` (every application of the kind on the cycle's acceptance
 * list), `went_on` (those the previous review stage let go on when it closed), `skips` (the kind does not take this
 * stage, e.g. linxia 第十九条: individuals go from the candidate list straight to on-site review, not to the defense).
 * null: the text says nothing for the kind; the office records who enters and why.
 */
export const stageEntryRuleSchema = z.enum(['accepted', 'went_on', 'skips']);

/**
 * Who enters a review stage (material_review, defense, onsite_review), by applicant kind. Absent: the text does not say
 * who enters (e.g. xinzhou-city 第十七条, "包括但不限于"); the office records each entrant with its reason.
 */
export const stageEntrySchema = z.strictObject({
  organisation: stageEntryRuleSchema.nullable(),
  individual: stageEntryRuleSchema.nullable(),
  basis: basisSchema,
  note: noteSchema,
});

/** Which candidates a department is asked about: all, public bodies (机关事业单位) and their staff, or enterprises and their heads. */
export const clearanceCategorySchema = z.enum(['all', 'public_body', 'enterprise']);

/**
 * Background clearance (征求意见) at a stage: the departments the text names and about whom each is asked
 * (xinzhou-city 第十八条). `othersByOffice`: the text adds "等" or names no department ("相关部门", linxia 第二十一条);
 * the office names the others, recorded.
 */
export const clearanceSchema = z.strictObject({
  departments: z.array(
    z.strictObject({
      key: idSchema,
      name: localizedTextSchema,
      asked: clearanceCategorySchema,
      basis: basisSchema,
    }),
  ),
  othersByOffice: z.boolean(),
  basis: basisSchema,
  note: noteSchema,
});

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
  /** Who enters the stage (review stages only); absent: the office records who enters and why. */
  entry: stageEntrySchema.optional(),
  /** Background clearance asked at this stage (征求意见); absent: none. */
  clearance: clearanceSchema.optional(),
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
