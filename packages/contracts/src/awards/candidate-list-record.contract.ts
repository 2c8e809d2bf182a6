import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';
import { candidateEntrySchema } from '../reviews/candidate-list.contract';

/** The candidate list as the awards service recorded it from `reviews.candidate-list.published.v1`. */
export const awardsCandidateListSchema = z.object({
  listId: z.uuid(),
  cycleNumber: z.number().int(),
  stages: z.array(z.string()),
  entries: z.array(candidateEntrySchema),
  basis: z.string(),
  publishedBy: z.string().nullable(),
  publishedAt: z.string(),
  receivedAt: z.string(),
});
export type AwardsCandidateListView = z.infer<typeof awardsCandidateListSchema>;

export const awardsCandidateListGet = defineQuery('awards.candidate-list.get', {
  request: z.object({ cycleNumber: z.number().int().positive() }).strict(),
  response: awardsCandidateListSchema,
});
