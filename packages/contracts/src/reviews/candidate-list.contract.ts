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

/**
 * The office's candidate proposal where the policy has it propose candidates from the review results
 * (inner-mongolia 第十五条, xinzhou-city 第十八条): the first `count` of the cycle's ranking, or those with at least
 * `minScore`, or the whole ranking (neither given); the office's own list (`applicationIds`) is the exception, recorded
 * with the reason. The deliberation after it decides among these candidates only.
 */
export const candidateProposalBody = z
  .object({
    count: z.number().int().positive().max(10_000).optional(),
    minScore: z.number().min(0).max(100_000).optional(),
    applicationIds: z.array(z.uuid()).min(1).max(500).optional(),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type CandidateProposalBody = z.infer<typeof candidateProposalBody>;

export const candidateProposalSchema = z.object({
  cycleNumber: z.number().int(),
  /** The policy's `candidate_list` stage. */
  stageKey: z.string(),
  /** The article the office proposes under, e.g. `inner-mongolia 第十五条`. */
  basis: z.string(),
  /** `ranking`: taken from the cycle's ranking; `office_decision`: the office's own list. */
  source: z.enum(['ranking', 'office_decision']),
  count: z.number().int().nullable(),
  minScore: z.number().nullable(),
  candidates: z.array(
    z.object({
      applicationId: z.uuid(),
      applicantName: z.string(),
      position: z.number().int(),
      /** The ranking's score; null where the ranking has none (the office's list). */
      score: z.number().nullable(),
    }),
  ),
  reason: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});
export type CandidateProposalView = z.infer<typeof candidateProposalSchema>;

export const candidateProposalRecord = defineCommand('reviews.candidate-proposal.record', {
  request: candidateProposalBody.extend({ cycleNumber: z.number().int().positive().max(2_147_483_647) }).strict(),
  response: candidateProposalSchema,
});
export const candidateProposalGet = defineQuery('reviews.candidate-proposal.get', {
  request: z.object({ cycleNumber: z.number().int() }).strict(),
  response: candidateProposalSchema,
});
