import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/** One candidate of the list: the tier each stage gave and the tier proposed (the last stage's). */
export const candidateEntrySchema = z.object({
  applicationId: z.uuid(),
  applicantId: z.uuid(),
  applicantName: z.string(),
  applicantKind: z.enum(['organisation', 'individual']),
  position: z.number().int(),
  voteTier: z.string().nullable(),
  deliberationTier: z.string().nullable(),
  proposedTier: z.string(),
});
export type CandidateEntry = z.infer<typeof candidateEntrySchema>;

export const candidateListSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  /** The stages it comes from, in the policy's order (`vote`, `deliberation`). */
  stages: z.array(z.string()),
  entries: z.array(candidateEntrySchema),
  basis: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
});
export type CandidateListView = z.infer<typeof candidateListSchema>;

export const candidateListPublishBody = z
  .object({ cycleNumber: z.number().int().positive().max(2_147_483_647) })
  .strict();

/** Publishes the cycle's candidate list (once) from the tallied vote and/or the recorded deliberation. */
export const candidateListPublish = defineCommand('reviews.candidate-list.publish', {
  request: candidateListPublishBody,
  response: candidateListSchema,
});
export const candidateListGet = defineQuery('reviews.candidate-list.get', {
  request: z.object({ cycleNumber: z.number().int() }).strict(),
  response: candidateListSchema,
});

/** The candidate list with the proposed tier per candidate, for the awards service (quotas, clearance, notices). */
export const candidateListPublished = defineEvent('reviews.candidate-list.published.v1', candidateListSchema);
export type CandidateListPublishedPayload = z.infer<typeof candidateListSchema>;
