import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageRequest } from '../messaging/page.schema';
import { isoDateSchema, tierKeySchema } from './awards-common.schema';

/**
 * A title's state (称号): active from the commendation decision; expired at the end of its validity, or put to
 * re-evaluation where the policy asks (linxia 第五条: kept, rectified by a date, or lost); revoked by a revocation.
 */
export const titleStatusSchema = z.enum(['active', 'expired', 'under_re_evaluation', 'rectifying', 'lost', 'revoked']);
export type TitleStatus = z.infer<typeof titleStatusSchema>;

export const titleActionSchema = z.enum([
  'grant',
  'expire',
  'open_re_evaluation',
  'keep',
  'require_rectification',
  'confirm_rectification',
  'lose',
  'revoke',
]);
export type TitleAction = z.infer<typeof titleActionSchema>;

export const titleStatusChangeSchema = z.object({
  action: titleActionSchema,
  from: titleStatusSchema.nullable(),
  to: titleStatusSchema,
  reason: z.string().nullable(),
  basis: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});

/** One winner's title from a commendation decision. */
export const titleSchema = z.object({
  id: z.uuid(),
  decisionId: z.uuid(),
  applicationId: z.uuid(),
  applicantId: z.uuid(),
  applicantKind: z.enum(['organisation', 'individual']),
  applicantName: z.string(),
  creditCode: z.string().nullable(),
  tier: tierKeySchema,
  cycleNumber: z.number().int(),
  year: z.number().int(),
  policyVersion: z.number().int(),
  validFrom: isoDateSchema,
  /** null: the policy sets no validity for the tier. */
  validUntil: isoDateSchema.nullable(),
  validityBasis: z.string(),
  status: titleStatusSchema,
  statusChangedAt: z.string(),
  rectifyBy: isoDateSchema.nullable(),
  history: z.array(titleStatusChangeSchema),
  /**
   * Reminders sent about the title's dates: before its last valid day (`validity_ends`: re-evaluation or expiry,
   * linxia 第五条), before its rectification date (`rectify_by`), and with `daysBefore` 0 the office told the
   * rectification date has passed.
   */
  reminders: z.array(
    z.object({
      kind: z.enum(['validity_ends', 'rectify_by']),
      targetDate: isoDateSchema,
      daysBefore: z.number().int(),
      basis: z.string(),
      firedAt: z.string(),
    }),
  ),
});
export type TitleView = z.infer<typeof titleSchema>;

export const titleGet = defineQuery('awards.title.get', {
  request: z.object({ titleId: z.uuid() }).strict(),
  response: titleSchema,
});

export const titleList = defineQuery('awards.title.list', {
  request: z
    .object({
      cycleNumber: z.number().int().positive().optional(),
      applicantId: z.uuid().optional(),
      status: titleStatusSchema.optional(),
      ...pageRequest,
    })
    .strict(),
  response: z.object({ items: z.array(titleSchema), ...pageNext }),
});

/**
 * The office records a re-evaluation (linxia 第五条: 符合条件的继续保留称号，不符合条件的予以整改，整改后仍不能达到要求的取消称号):
 * keep the title, require rectification by a date, confirm the rectification, or take the title away. The regulation
 * does not say how long a kept title then holds: the office records the new last valid day (`validUntil`).
 */
export const titleReEvaluate = defineCommand('awards.title.re-evaluate', {
  request: z
    .object({
      titleId: z.uuid(),
      outcome: z.enum(['keep', 'require_rectification', 'confirm_rectification', 'lose']),
      reason: z.string().trim().min(2).max(2000),
      /** keep, confirm_rectification: the title's new last valid day (after today). */
      validUntil: isoDateSchema.optional(),
      /** require_rectification: the day by which the winner must rectify (after today). */
      rectifyBy: isoDateSchema.optional(),
    })
    .strict(),
  response: titleSchema,
});
