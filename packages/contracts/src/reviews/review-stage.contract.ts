import { z } from 'zod';
import { localisedTextSchema } from '../awards/awards-common.schema';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const reviewStageStatusSchema = z.enum(['planned', 'open', 'closed']);
export type ReviewStageStatus = z.infer<typeof reviewStageStatusSchema>;

/** How zh text names a review stage's state. */
export const reviewStageStatusLabels: Readonly<Record<ReviewStageStatus, string>> = {
  planned: '未开始',
  open: '进行中',
  closed: '已结束',
};

/** The policy stage kinds the reviews service runs with a panel (评审组). */
export const reviewStageKindSchema = z.enum(['material_review', 'defense', 'onsite_review']);
export type ReviewStageKind = z.infer<typeof reviewStageKindSchema>;

export const stageEntrantSchema = z.object({
  applicationId: z.uuid(),
  applicantName: z.string(),
  applicantKind: z.enum(['organisation', 'individual']),
  /** `policy`: the policy's entry rule (with its article); `office`: the office's recorded decision. */
  source: z.enum(['policy', 'office']),
  basis: z.string().nullable(),
  reason: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
  /** Recorded when the stage closes. */
  outcome: z.enum(['went_on', 'stopped']).nullable(),
  outcomeReason: z.string().nullable(),
});
export type StageEntrantView = z.infer<typeof stageEntrantSchema>;

export const reviewStageSchema = z.object({
  /** null while planned (no instance yet). */
  id: z.uuid().nullable(),
  cycleNumber: z.number().int(),
  policyVersion: z.number().int(),
  stageKey: z.string(),
  kind: reviewStageKindSchema,
  order: z.number().int(),
  name: localisedTextSchema,
  basis: z.string(),
  status: reviewStageStatusSchema,
  /** What the policy says about who enters, in words (null: the text is silent; the office records who enters). */
  entryRule: localisedTextSchema.nullable(),
  /**
   * The article under which the score decides who goes on after this stage (the scoring part's cut, e.g.
   * `inner-mongolia 第十四条（一）`): the stage then closes with the recorded cut's list. null: the office's list.
   */
  closesByCut: z.string().nullable(),
  openedBy: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  entrants: z.array(stageEntrantSchema),
  /** What the policy's entry rule says of each accepted application of the cycle today (for a planned stage: a preview). */
  entryFindings: z.array(
    z.object({
      applicationId: z.uuid(),
      applicantName: z.string(),
      applicantKind: z.enum(['organisation', 'individual']),
      decision: z.enum(['enters', 'skips', 'stays_out', 'office_decides']),
      basis: z.string().nullable(),
      reason: localisedTextSchema,
    }),
  ),
  progress: z.object({
    entrants: z.number().int(),
    /** Applications with as many assigned experts as the panel size. */
    fullyAssigned: z.number().int(),
    assignments: z.number().int(),
    panelSize: z.number().int().nullable(),
    panelMembers: z.number().int(),
  }),
  history: z.array(
    z.object({
      action: z.string(),
      from: z.string(),
      to: z.string(),
      reason: z.string().nullable(),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ReviewStageView = z.infer<typeof reviewStageSchema>;

const cycleNumber = z.number().int().positive().max(2_147_483_647);
const stageKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/)
  .max(64);

/** The review stages of a cycle, in the order of its policy version: planned, open or closed. */
export const reviewStageList = defineQuery('reviews.stage.list', {
  request: z.object({ cycle: cycleNumber }).strict(),
  response: z.object({ stages: z.array(reviewStageSchema) }),
});

export const reviewStageGet = defineQuery('reviews.stage.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: reviewStageSchema,
});

const reason = z.string().trim().min(1).max(2000);

export const reviewStageOpenBody = z
  .object({
    /**
     * Entrants the office decides where the policy's text is silent (who and why); refused where the policy's rule
     * decides.
     */
    entrants: z
      .array(z.object({ applicationId: z.uuid(), reason }).strict())
      .max(10_000)
      .optional(),
    reason: reason.optional(),
  })
  .strict();
export type ReviewStageOpenBody = z.infer<typeof reviewStageOpenBody>;

/** The office opens a review stage of the cycle with its entrants (by the policy's rule or its recorded decision). */
export const reviewStageOpen = defineCommand('reviews.stage.open', {
  request: reviewStageOpenBody.extend({ cycle: cycleNumber, stageKey }).strict(),
  response: reviewStageSchema,
});

export const reviewStageCloseBody = z
  .object({
    /**
     * The entrants that go on to the next stage; the others stop here. Where the policy has a cut after the stage
     * (inner-mongolia 第十四条（一）), the recorded cut's list: omit it to close from the cut; a different list is refused.
     */
    wentOn: z.array(z.uuid()).max(10_000).optional(),
    /** Why; required unless the stage closes from its recorded cut (whose reason it takes). */
    reason: reason.optional(),
  })
  .strict();
export type ReviewStageCloseBody = z.infer<typeof reviewStageCloseBody>;

/** The office closes a stage recording who went on and why (the score-based cut is the scoring part's). */
export const reviewStageClose = defineCommand('reviews.stage.close', {
  request: reviewStageCloseBody.extend({ id: z.uuid() }).strict(),
  response: reviewStageSchema,
});
