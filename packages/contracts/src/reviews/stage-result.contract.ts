import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

const stageKey = z.string().regex(/^[a-z][a-z0-9_-]*$/);
const cycleNumber = z.number().int().positive().max(2_147_483_647);

export const consensusOutcomeKindSchema = z.enum(['keep', 'adjust', 'exclude']);

export const consensusSchema = z.object({
  outcome: consensusOutcomeKindSchema,
  adjustedTotal: z.number().nullable(),
  reason: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});

/** A row of a ranking; each applicant kind is ranked on its own (rank 1 in each, ties within a kind). */
export const rankingRowSchema = z.object({
  applicationId: z.uuid(),
  applicantName: z.string(),
  applicantKind: z.enum(['organisation', 'individual']),
  score: z.number(),
  rank: z.number().int(),
  tiedWith: z.array(z.uuid()),
});

/** A stage's score table: each sheet raw and normalised, outlier flags with their consensus, and the ranking. */
export const stageResultSchema = z.object({
  cycleNumber: z.number().int(),
  stageKey: z.string(),
  settings: z.object({
    minimumSheetsForNormalisation: z.number(),
    shrinkage: z.number(),
    robustZ: z.number(),
    gapShare: z.number(),
  }),
  groups: z.array(
    z.object({
      applicantKind: z.string(),
      max: z.number(),
      pool: z.object({ sheets: z.number(), mean: z.number(), sd: z.number() }),
      experts: z.array(
        z.object({
          expertId: z.uuid(),
          expertName: z.string(),
          sheets: z.number(),
          mean: z.number(),
          sd: z.number(),
          method: z.enum(['normalised', 'raw_too_few_sheets', 'raw_no_spread']),
        }),
      ),
    }),
  ),
  sheets: z.array(
    z.object({
      sheetId: z.uuid(),
      applicationId: z.uuid(),
      applicantName: z.string(),
      expertId: z.uuid(),
      expertName: z.string(),
      raw: z.number(),
      /** The total used: the raw one, or the consensus's adjusted value; null when excluded. */
      counted: z.number().nullable(),
      normalised: z.number().nullable(),
      method: z.string().nullable(),
      flag: z
        .object({
          reasons: z.array(z.enum(['robust_z', 'gap'])),
          robustZ: z.number(),
          restMedian: z.number(),
          gap: z.number(),
        })
        .nullable(),
      consensus: consensusSchema.nullable(),
    }),
  ),
  applications: z.array(
    z.object({
      applicationId: z.uuid(),
      applicantName: z.string(),
      applicantKind: z.string(),
      sheets: z.number(),
      raw: z.number().nullable(),
      normalised: z.number().nullable(),
    }),
  ),
  /** Flags without a consensus yet: no cut or composite is taken while any is open. */
  openFlags: z.number().int(),
  ranking: z.array(rankingRowSchema),
  cut: z
    .object({
      toStage: z.string(),
      count: z.number().nullable(),
      minScore: z.number().nullable(),
      goesOn: z.array(z.uuid()),
      stops: z.array(z.uuid()),
      basis: z.string(),
      reason: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
});
export type StageResultView = z.infer<typeof stageResultSchema>;

export const stageResultGet = defineQuery('reviews.stage-result.get', {
  request: z.object({ cycleNumber, stageKey }).strict(),
  response: stageResultSchema,
});

export const consensusBody = z
  .object({
    sheetId: z.uuid(),
    outcome: consensusOutcomeKindSchema,
    /** Required to adjust: the total the panel agreed on. */
    adjustedTotal: z.number().min(0).max(10_000).optional(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type ConsensusBody = z.infer<typeof consensusBody>;

/** The office records the consensus on a flagged sheet: keep, adjust to a value, or exclude; with a reason. */
export const consensusRecord = defineCommand('reviews.consensus.record', {
  request: consensusBody.extend({ cycleNumber, stageKey }).strict(),
  response: stageResultSchema,
});

export const stageCutBody = z
  .object({
    count: z.number().int().positive().optional(),
    minScore: z.number().min(0).optional(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type StageCutBody = z.infer<typeof stageCutBody>;

/** The office records the cut after a stage whose score decides who goes on (size or least score, with a reason). */
export const stageCutRecord = defineCommand('reviews.stage-cut.record', {
  request: stageCutBody.extend({ cycleNumber, stageKey }).strict(),
  response: stageResultSchema,
});

export const compositeWeightsBody = z
  .object({
    weights: z
      .record(stageKey, z.number().positive().max(1000))
      .describe('A weight per stage the composite combines, by stage key, e.g. `{ "onsite": 6, "defense": 4 }`'),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type CompositeWeightsBody = z.infer<typeof compositeWeightsBody>;

/** What the office concludes of an application in an unscored composite evaluation (ili 第十六条, xinzhou-district 第十三条). */
export const compositeOutcomeSchema = z.enum(['recommended', 'not_recommended']);

export const compositeAssessmentSchema = z.object({
  applicationId: z.uuid(),
  applicantName: z.string(),
  applicantKind: z.enum(['organisation', 'individual']),
  outcome: compositeOutcomeSchema,
  opinion: z.string(),
  reason: z.string(),
  basis: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});

export const compositeSchema = z.object({
  cycleNumber: z.number().int(),
  /**
   * `scored`: the platform combines the scores of the stages the policy names (linxia 第二十条); `assessed`: the policy
   * scores no stage and the office records per application the composite's outcome with its opinion and reason (ili
   * 第十六条, xinzhou-district 第十三条) — no ranking, the list is the recommended applications.
   */
  method: z.enum(['scored', 'assessed']),
  /** Scored: the stages combined. Assessed: the review stages whose results the composite is formed from. */
  stages: z.array(z.string()),
  basis: z.string(),
  weights: z
    .object({
      values: z.record(z.string(), z.number()),
      source: z.enum(['policy', 'office_decision']),
      reason: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
    })
    .nullable(),
  /** Why there is no ranking yet (no weights recorded, flags open in a stage), or null. */
  pending: z.array(z.object({ zh: z.string(), en: z.string() })),
  ranking: z.array(rankingRowSchema.extend({ stages: z.record(z.string(), z.number()) })),
  /**
   * Applications without a composite, with the stages they lack; `skipped`: the policy has their kind skip those
   * stages (linxia 第十九条) and no office decision on how their composite is formed is recorded yet.
   */
  incomplete: z.array(
    z.object({
      applicationId: z.uuid(),
      applicantName: z.string(),
      missing: z.array(z.string()),
      skipped: z.object({ stages: z.array(z.string()), basis: z.string() }).nullable(),
    }),
  ),
  /** The office's decisions on how the composite is formed for a kind that skips a combined stage. */
  kindRules: z.array(
    z.object({
      applicantKind: z.enum(['organisation', 'individual']),
      weights: z.record(z.string(), z.number()),
      /** The article that has the kind skip the stage(s), e.g. `linxia 第十八条; 第十九条`. */
      basis: z.string(),
      reason: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string(),
    }),
  ),
  /** Assessed: the office's recorded outcome per application (empty for a scored composite). */
  assessments: z.array(compositeAssessmentSchema),
});
export type CompositeView = z.infer<typeof compositeSchema>;

/** The composite of the stages the policy combines (linxia 第二十条, inner-mongolia 第十五条) and its ranking. */
export const compositeGet = defineQuery('reviews.composite.get', {
  request: z.object({ cycleNumber }).strict(),
  response: compositeSchema,
});

/**
 * How the composite is formed for an applicant kind the policy has skip a combined stage (linxia 第十九条: individuals
 * skip the defense; 第二十条 is silent on their composite): weights over the stages the kind takes, with a reason.
 */
export const compositeKindRuleBody = z
  .object({
    applicantKind: z.enum(['organisation', 'individual']),
    weights: z
      .record(stageKey, z.number().positive().max(1000))
      .describe('A weight per stage the kind takes, e.g. `{ "onsite": 1 }`'),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type CompositeKindRuleBody = z.infer<typeof compositeKindRuleBody>;

export const compositeKindRulePut = defineCommand('reviews.composite-kind-rule.put', {
  request: compositeKindRuleBody.extend({ cycleNumber }).strict(),
  response: compositeSchema,
});

/** The office records the composite's weights where the policy names none. */
export const compositeWeightsPut = defineCommand('reviews.composite-weights.put', {
  request: compositeWeightsBody.extend({ cycleNumber }).strict(),
  response: compositeSchema,
});

export const compositeAssessmentBody = z
  .object({
    outcome: compositeOutcomeSchema.describe('Whether the office recommends the application on to the next stage'),
    opinion: z.string().trim().min(1).max(4000).describe('The composite opinion (综合意见) on the review results'),
    reason: z.string().trim().min(1).max(2000).describe('Why the office concludes so'),
  })
  .strict();
export type CompositeAssessmentBody = z.infer<typeof compositeAssessmentBody>;

/**
 * The office records the composite evaluation of an application where the policy scores no stage (ili 第十六条,
 * xinzhou-district 第十三条): recommended or not, the opinion and the reason. Recorded again, the later one stands.
 */
export const compositeAssessmentPut = defineCommand('reviews.composite-assessment.put', {
  request: compositeAssessmentBody.extend({ cycleNumber, applicationId: z.uuid() }).strict(),
  response: compositeSchema,
});

/** The composite report (综合评审报告) as a document the office downloads (HTML, printable, zh-CN). */
export const compositeReport = defineQuery('reviews.composite.report', {
  request: z.object({ cycleNumber }).strict(),
  response: z.object({ filename: z.string(), contentType: z.string(), content: z.string() }),
});

/** The same composite report as a PDF (Chinese text embedded and extractable), base64 over the bus. */
export const compositeReportPdf = defineQuery('reviews.composite.report-pdf', {
  request: z.object({ cycleNumber }).strict(),
  response: z.object({ filename: z.string(), contentType: z.literal('application/pdf'), contentBase64: z.string() }),
});
