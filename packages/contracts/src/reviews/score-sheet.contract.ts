import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/** A score sheet's states: a draft, submitted once, then revised by recorded revisions only. */
export const scoreSheetStatusSchema = z.enum(['draft', 'submitted', 'revised']);
export type ScoreSheetStatus = z.infer<typeof scoreSheetStatusSchema>;

export const scoreSheetStatusLabels: Readonly<Record<ScoreSheetStatus, string>> = {
  draft: '草稿',
  submitted: '已提交',
  revised: '已修订',
};

const stageKey = z.string().regex(/^[a-z][a-z0-9_-]*$/);
const cycleNumber = z.number().int().positive().max(2_147_483_647);
const applicantKind = z.enum(['organisation', 'individual']);
const localized = z.object({ zh: z.string(), en: z.string() });

/** The rubric a stage is scored by (a versioned document of `@laurel/policy`), as the scoring form shows it. */
export const rubricViewSchema = z.object({
  key: z.string(),
  version: z.number().int(),
  standard: z.string(),
  title: localized,
  step: z.number(),
  max: z.number(),
  note: z.string().nullable(),
  /** Where the rubric comes from: the policy's standard (with its article) or the office's recorded decision. */
  source: z.object({ kind: z.enum(['policy', 'office_decision']), basis: z.string().nullable() }),
  categories: z.array(
    z.object({
      key: z.string(),
      clause: z.string(),
      name: localized,
      points: z.number(),
      pointsSource: z.string(),
      items: z.array(
        z.object({
          key: z.string(),
          clause: z.string(),
          name: localized,
          points: z.number(),
          pointsSource: z.string(),
        }),
      ),
    }),
  ),
});
export type RubricView = z.infer<typeof rubricViewSchema>;

export const scoreItemInput = z
  .object({
    itemKey: z.string().min(1).max(40),
    score: z.number().min(0).max(10_000),
    strengths: z.string().trim().max(4000).optional(),
    improvements: z.string().trim().max(4000).optional(),
  })
  .strict();
export type ScoreItemInput = z.infer<typeof scoreItemInput>;

export const scoreItemSchema = z.object({
  itemKey: z.string(),
  score: z.number(),
  strengths: z.string().nullable(),
  improvements: z.string().nullable(),
});

export const scoreRevisionSchema = z.object({
  reason: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
  from: z.string(),
  to: z.string(),
  oldTotal: z.number(),
  newTotal: z.number(),
  changes: z.array(
    z.object({
      itemKey: z.string(),
      old: scoreItemSchema.omit({ itemKey: true }).nullable(),
      new: scoreItemSchema.omit({ itemKey: true }),
    }),
  ),
});

export const scoreSheetSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  stageKey: z.string(),
  applicationId: z.uuid(),
  applicantName: z.string(),
  applicantKind,
  expertId: z.uuid(),
  expertName: z.string(),
  rubric: z.object({ key: z.string(), version: z.number().int() }),
  status: scoreSheetStatusSchema,
  total: z.number(),
  items: z.array(scoreItemSchema),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  revisions: z.array(scoreRevisionSchema),
});
export type ScoreSheetView = z.infer<typeof scoreSheetSchema>;

const sheetKey = { cycleNumber, stageKey, applicationId: z.uuid() };

/** The caller's own sheet for an application in a stage, with the rubric; `sheet` null before the first save. */
export const scoreSheetMine = defineQuery('reviews.score-sheet.mine', {
  request: z.object(sheetKey).strict(),
  response: z.object({ rubric: rubricViewSchema, sheet: scoreSheetSchema.nullable() }),
});

export const scoreSheetDraftBody = z.object({ items: z.array(scoreItemInput).max(200) }).strict();
export type ScoreSheetDraftBody = z.infer<typeof scoreSheetDraftBody>;

/** The expert saves its draft (items given replace those saved; others are kept). */
export const scoreSheetSaveDraft = defineCommand('reviews.score-sheet.save-draft', {
  request: scoreSheetDraftBody.extend(sheetKey).strict(),
  response: scoreSheetSchema,
});

/** The expert submits its draft, once: every item must be scored. */
export const scoreSheetSubmit = defineCommand('reviews.score-sheet.submit', {
  request: z.object(sheetKey).strict(),
  response: scoreSheetSchema,
});

export const scoreSheetRevisionBody = z
  .object({ items: z.array(scoreItemInput).min(1).max(200), reason: z.string().trim().min(1).max(2000) })
  .strict();
export type ScoreSheetRevisionBody = z.infer<typeof scoreSheetRevisionBody>;

/** The expert revises its submitted sheet: old and new values recorded with who, when and why. */
export const scoreSheetRevise = defineCommand('reviews.score-sheet.revise', {
  request: scoreSheetRevisionBody.extend({ id: z.uuid() }).strict(),
  response: scoreSheetSchema,
});

/** Sheets of a stage: the office every sheet; an expert its own. */
export const scoreSheetList = defineQuery('reviews.score-sheet.list', {
  request: z.object({ cycleNumber, stageKey }).strict(),
  response: z.object({ sheets: z.array(scoreSheetSchema) }),
});

/** The rubric of a stage for an applicant kind (the policy's or the office's recorded choice). */
export const stageRubricGet = defineQuery('reviews.stage-rubric.get', {
  request: z.object({ cycleNumber, stageKey, applicantKind }).strict(),
  response: rubricViewSchema,
});

export const stageRubricBody = z
  .object({
    applicantKind,
    rubricKey: z.string().min(1).max(60),
    rubricVersion: z.number().int().positive(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type StageRubricBody = z.infer<typeof stageRubricBody>;

/** The office records the rubric of a stage (who, when, why), e.g. where the policy's standard has no number. */
export const stageRubricPut = defineCommand('reviews.stage-rubric.put', {
  request: stageRubricBody.extend({ cycleNumber, stageKey }).strict(),
  response: rubricViewSchema,
});

/** The stages the policy scores, in order, with their article (the scoring pages' choice of stage). */
export const scoredStageList = defineQuery('reviews.scored-stage.list', {
  request: z.object({}).strict(),
  response: z.object({
    stages: z.array(
      z.object({
        key: z.string(),
        order: z.number().int(),
        name: localized,
        basis: z.string(),
        /** Where the stage's score decides who goes on (the office records the cut), or null. */
        cut: z.object({ to: z.string(), basis: z.string() }).nullable(),
      }),
    ),
  }),
});

/** The rubrics the platform encodes (each a standard's categories and items as data), for the office to choose from. */
export const rubricList = defineQuery('reviews.rubric.list', {
  request: z.object({}).strict(),
  response: z.object({
    rubrics: z.array(
      z.object({ key: z.string(), version: z.number().int(), standard: z.string(), title: localized, max: z.number() }),
    ),
  }),
});
