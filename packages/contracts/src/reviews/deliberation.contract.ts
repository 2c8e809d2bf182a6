import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';

export const deliberationBody = z
  .object({
    cycleNumber: z.number().int().positive().max(2_147_483_647),
    heldAt: z.iso.datetime({ offset: true }).describe('When the meeting was held'),
    attendees: z.array(z.string().trim().min(1).max(200)).min(1).max(200).describe('Who attended'),
    minutes: z.string().trim().min(1).max(50_000).describe('The minutes (会议纪要)'),
    decisions: z
      .array(
        z
          .object({
            applicationId: z.uuid(),
            tier: z.string().trim().min(1).max(50).nullable().describe('A tier key of the policy, or null: not listed'),
            reason: z.string().trim().max(2000).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type DeliberationBody = z.infer<typeof deliberationBody>;

export const deliberationSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  /** Who deliberated, as the policy's stage names it: 领导小组 (ili 第十七条), 评委会 (linxia 第二十一条)… */
  body: z.string(),
  heldAt: z.string(),
  attendees: z.array(z.string()),
  minutes: z.string(),
  decisions: z.array(
    z.object({
      applicationId: z.uuid(),
      applicantName: z.string(),
      tier: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** The article, e.g. `ili 第十七条`. */
  basis: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type DeliberationView = z.infer<typeof deliberationSchema>;

/** Records the deliberation of a cycle (once): minutes and the decision per candidate. */
export const deliberationRecord = defineCommand('reviews.deliberation.record', {
  request: deliberationBody,
  response: deliberationSchema,
});
export const deliberationList = defineQuery('reviews.deliberation.list', {
  request: z.object({ cycle: z.number().int().optional() }).strict(),
  response: z.object({ deliberations: z.array(deliberationSchema) }),
});

export const deliberationRecorded = defineEvent(
  'reviews.deliberation.recorded.v1',
  z.object({
    deliberationId: z.uuid(),
    cycleNumber: z.number().int(),
    basis: z.string(),
    actor: z.string().nullable(),
    at: z.string(),
  }),
);
