import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';

export const conflictStatusSchema = z.enum(['detected', 'recused', 'dismissed']);
export type ConflictStatus = z.infer<typeof conflictStatusSchema>;

export const conflictKindSchema = z.enum([
  'declared',
  'same_current_employer',
  'applicant_is_employer',
  'recent_past_employer',
  'consultancy',
  'shareholding',
  'same_group',
  'same_email_domain',
]);

/** Who is conflicted: an expert, an office user or a member unit of the leading group. */
export const conflictPartyKindSchema = z.enum(['expert', 'office_user', 'member_unit']);
export type ConflictPartyKind = z.infer<typeof conflictPartyKindSchema>;

export const conflictSchema = z.object({
  id: z.uuid(),
  party: z.object({ kind: conflictPartyKindSchema, id: z.string(), name: z.string() }),
  /** The expert's id and name when the party is an expert, else null. */
  expertId: z.uuid().nullable(),
  expertName: z.string().nullable(),
  applicationId: z.uuid(),
  applicantName: z.string(),
  kind: conflictKindSchema,
  /** What in the profile matched (a credit code, an e-mail domain, the declaration). */
  evidence: z.string(),
  status: conflictStatusSchema,
  /** The article the duty to withdraw comes from, e.g. `ili 第三十一条`. */
  basis: z.string(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  detectedAt: z.string(),
  history: z.array(
    z.object({
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string().nullable(),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ConflictView = z.infer<typeof conflictSchema>;

export const conflictFilter = {
  status: conflictStatusSchema.optional(),
  partyKind: conflictPartyKindSchema.optional(),
  expertId: z.uuid().optional(),
  applicationId: z.uuid().optional(),
};
export const conflictListQuery = z.object({ ...conflictFilter, ...pageQuery }).strict();
export type ConflictListQuery = z.infer<typeof conflictListQuery>;

export const conflictList = defineQuery('reviews.conflict.list', {
  request: z.object({ ...conflictFilter, ...pageRequest }).strict(),
  response: z.object({ conflicts: z.array(conflictSchema), ...pageNext }),
});

export const conflictGet = defineQuery('reviews.conflict.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: conflictSchema,
});

export const conflictDecisionBody = z
  .object({
    decision: z.enum(['recuse', 'dismiss']),
    /** Required to dismiss: why the data does not make an interest. */
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type ConflictDecisionBody = z.infer<typeof conflictDecisionBody>;

/** The office decides a detected flag: the expert withdraws (recused), or the flag is dismissed with a reason. */
export const conflictDecide = defineCommand('reviews.conflict.decide', {
  request: conflictDecisionBody.extend({ id: z.uuid() }).strict(),
  response: conflictSchema,
});

export const conflictDeclareBody = z
  .object({
    applicationId: z.uuid(),
    relation: z.string().trim().min(1).max(2000).describe('The interest, in the expert’s words'),
  })
  .strict();
export type ConflictDeclareBody = z.infer<typeof conflictDeclareBody>;

/**
 * An office user or a member unit declares an interest in an application: the flag waits for the office's decision
 * (recuse, or dismiss with a reason), and until then the party is kept away from it.
 */
export const conflictDeclareParty = defineCommand('reviews.conflict.declare-party', {
  request: conflictDeclareBody,
  response: conflictSchema,
});

/** The expert declares an interest in an application: recused at once. */
export const conflictDeclare = defineCommand('reviews.conflict.declare', {
  request: conflictDeclareBody,
  response: conflictSchema,
});

export const conflictSettingsBody = z
  .object({
    pastEmployerWindowYears: z
      .number()
      .int()
      .min(0)
      .max(30)
      .describe('A past employer is an interest when the expert left it fewer than this many years ago'),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type ConflictSettingsBody = z.infer<typeof conflictSettingsBody>;

export const conflictSettingsSchema = z.object({
  pastEmployerWindowYears: z.number().int(),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  basis: z.string(),
});
export type ConflictSettingsView = z.infer<typeof conflictSettingsSchema>;

export const conflictSettingsGet = defineQuery('reviews.conflict-settings.get', {
  request: z.object({}).strict(),
  response: conflictSettingsSchema,
});

/** The office records the window (a decision: who, when, why); detection reruns for every expert. */
export const conflictSettingsPut = defineCommand('reviews.conflict-settings.put', {
  request: conflictSettingsBody,
  response: conflictSettingsSchema,
});
