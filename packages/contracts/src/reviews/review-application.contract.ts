import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';

/** An accepted application as the reviews service keeps it (copied from `applications.application.accepted.v1`). */
export const reviewApplicationSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  applicant: z.object({
    id: z.uuid(),
    kind: z.enum(['organisation', 'individual']),
    name: z.string(),
    creditCode: z.string().nullable(),
  }),
  recommender: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  acceptedAt: z.string(),
});
export type ReviewApplicationView = z.infer<typeof reviewApplicationSchema>;

export const reviewApplicationListQuery = z
  .object({ cycle: z.coerce.number().int().positive().max(2_147_483_647).optional(), ...pageQuery })
  .strict();
export type ReviewApplicationListQuery = z.infer<typeof reviewApplicationListQuery>;

/** The accepted applications the caller may review: an expert never those it is (or may be) in conflict with. */
export const reviewApplicationList = defineQuery('reviews.application.list', {
  request: z.object({ cycle: z.number().int().optional(), ...pageRequest }).strict(),
  response: z.object({ applications: z.array(reviewApplicationSchema), ...pageNext }),
});

export const reviewApplicationGet = defineQuery('reviews.application.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: reviewApplicationSchema,
});
