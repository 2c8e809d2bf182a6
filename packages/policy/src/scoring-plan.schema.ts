import { z } from 'zod';
import { applicantKindSchema, basisSchema, idSchema, noteSchema } from './policy-basics.schema';

/**
 * What each launch policy's articles say about scored stages (`policies/scoring/scoring-plans.json`): the rubric by
 * the standard the policy names, the stages the composite combines, and after which stage the score decides who
 * goes on. `null` where the text is silent: the office records the decision per cycle (who, when, why).
 */
export const scoringPlanSchema = z.strictObject({
  rubrics: z.array(
    z.strictObject({
      appliesTo: z.array(applicantKindSchema).min(1),
      /** The standard's code (a rubric's `standard`); null when the policy's standard has no number. */
      standard: z.string().min(1).nullable(),
      basis: basisSchema,
      note: noteSchema,
    }),
  ),
  /**
   * Stages scored with sheets by the policy's standard although the policy document marks them `scored: false`
   * (xinzhou-city 第十三条、第十七条: the panel reviews 依据评选标准, the standards DB14/T 1463/1464). Absent: none.
   */
  scoredStages: z.strictObject({ stages: z.array(idSchema).min(1), basis: basisSchema, note: noteSchema }).optional(),
  composite: z
    .strictObject({
      stages: z.array(idSchema).min(2),
      /** Weight per stage key; null: the text names none, the office records them. */
      weights: z.record(z.string(), z.number().positive()).nullable(),
      basis: basisSchema,
      note: noteSchema,
    })
    .nullable(),
  /**
   * Who forms the candidate list of the policy's `candidate_list` stage (its key): `office_from_results` — the office
   * proposes candidates from the review results (inner-mongolia 第十五条, xinzhou-city 第十八条), i.e. from the ranking
   * (the composite's, or the last scored stage's), and the later deliberation decides among them; `deliberation` — the
   * leading group's deliberation decides the list itself (xinzhou-district 第十四条). null: no such stage.
   */
  candidateList: z
    .strictObject({
      stage: idSchema,
      decidedBy: z.enum(['office_from_results', 'deliberation']),
      basis: basisSchema,
      note: noteSchema,
    })
    .nullable(),
  cuts: z.array(
    z.strictObject({
      after: idSchema,
      to: idSchema,
      by: z.literal('score'),
      /** How many go on; null: the office sets it (a number, or the least score) with a reason. */
      size: z.number().int().positive().nullable(),
      basis: basisSchema,
      note: noteSchema,
    }),
  ),
});

export const scoringPlansSchema = z.strictObject({
  schemaVersion: z.literal(1),
  note: noteSchema,
  /** An expert with fewer submitted sheets in a stage and group keeps raw scores (too few to estimate leniency). */
  minimumSheetsForNormalisation: z.number().int().min(2),
  outliers: z.strictObject({
    /** |robust z| above this flags a total (median/MAD of the rest of the panel). */
    robustZ: z.number().positive(),
    /** A gap from the rest's median above this share of the scale flags a total. */
    gapShare: z.number().positive().max(1),
  }),
  /** Pseudo-sheets of the pool mixed into each expert's mean and spread (shrinkage toward the pool). */
  shrinkage: z.number().min(0),
  plans: z.record(z.string(), scoringPlanSchema),
});

export type ScoringPlan = z.infer<typeof scoringPlanSchema>;
export type ScoringPlans = z.infer<typeof scoringPlansSchema>;
