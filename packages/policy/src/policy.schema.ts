import { z } from 'zod';
import {
  accidentAreaSchema,
  accidentSeveritySchema,
  accidentThresholdSchema,
  applicantKindRuleSchema,
  eligibilityRuleSchema,
  incidentKindSchema,
} from './eligibility-rules.schema';
import {
  banSchema,
  bodySchema,
  conductSchema,
  consequenceRuleSchema,
  eventKindSchema,
  fundingSchema,
  obligationsSchema,
  reportObligationSchema,
} from './funding-consequences.schema';
import { objectionEffectSchema, objectionsSchema, reportsSchema } from './objections-reports.schema';
import {
  applicantKindSchema,
  basisSchema,
  legalFormSchema,
  levelSchema,
  localizedTextSchema,
  noteSchema,
  organisationTypeSchema,
  periodSchema,
  periodUnitSchema,
  regulationSchema,
  tierKeySchema,
  yearsOrCyclesSchema,
} from './policy-basics.schema';
import {
  noticeSchema,
  procedureSchema,
  scoringSchema,
  stageKindSchema,
  stageSchema,
  tierSchema,
} from './tiers-procedure.schema';

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

export * from './eligibility-rules.schema';
export * from './funding-consequences.schema';
export * from './objections-reports.schema';
export * from './policy-basics.schema';
export * from './tiers-procedure.schema';

/** The parts of a policy document an operator may leave for later (see `untranscribed`). */
export const policySectionSchema = z.enum([
  'regulation.expires',
  'eligibility',
  'tiers.quota',
  'tiers.money',
  'tiers.validity',
  'tiers.reapplication',
  'procedure.notices',
  'scoring',
  'objections',
  'reports',
  'funding',
  'consequences',
  'obligations.reports',
  'obligations.titleUse',
  'conduct',
  'bodies',
]);
export type PolicySection = z.infer<typeof policySectionSchema>;

export const untranscribedSchema = z.strictObject({
  section: policySectionSchema,
  /** The articles not yet transcribed, where known. */
  basis: basisSchema.optional(),
  note: noteSchema,
});

export const policySchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Tenant key, e.g. "ili". */
  key: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'kebab-case, e.g. "xinzhou-city"'),
  version: z.int().positive(),
  name: localizedTextSchema,
  level: levelSchema,
  regulation: regulationSchema,
  cycle: z.strictObject({
    years: z.int().positive(),
    /** "原则上每N年评选一次". */
    inPrinciple: z.boolean().optional(),
    basis: basisSchema,
    note: noteSchema,
  }),
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
  /** The bodies the regulation sets up besides the office; omitted: none is independent of the office. */
  bodies: z.array(bodySchema).optional(),
  notes: z.array(z.string().trim().min(1)).optional(),
  /**
   * Parts of the text not transcribed yet (an operator onboarding in steps): kept apart from a text that is silent.
   * Where a part is listed, `explain` and the evaluators say "not yet transcribed" instead of "the text says nothing",
   * and what they would have decided from it is left to the office.
   */
  untranscribed: z.array(untranscribedSchema).optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type ApplicantKind = z.infer<typeof applicantKindSchema>;
export type TierKey = z.infer<typeof tierKeySchema>;
export type Tier = z.infer<typeof tierSchema>;
export type Period = z.infer<typeof periodSchema>;
export type PeriodUnit = z.infer<typeof periodUnitSchema>;
export type YearsOrCycles = z.infer<typeof yearsOrCyclesSchema>;
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
export type IncidentKind = z.infer<typeof incidentKindSchema>;
export type AccidentSeverity = z.infer<typeof accidentSeveritySchema>;
export type AccidentArea = z.infer<typeof accidentAreaSchema>;
export type AccidentThreshold = z.infer<typeof accidentThresholdSchema>;
export type Body = z.infer<typeof bodySchema>;
export type Stage = z.infer<typeof stageSchema>;
export type StageKind = z.infer<typeof stageKindSchema>;
export type Notice = z.infer<typeof noticeSchema>;
export type EventKind = z.infer<typeof eventKindSchema>;
export type ConsequenceRule = z.infer<typeof consequenceRuleSchema>;
export type ObjectionEffect = z.infer<typeof objectionEffectSchema>;
export type Ban = z.infer<typeof banSchema>;
export type Untranscribed = z.infer<typeof untranscribedSchema>;
export type ReportObligation = z.infer<typeof reportObligationSchema>;
