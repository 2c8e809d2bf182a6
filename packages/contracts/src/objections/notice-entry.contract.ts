import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

/**
 * One notice entry's state now: whether its notice has closed and how many of its objections are still to be
 * examined or decided. Consumers of the objection events re-read it, so their view never depends on the order
 * in which the events arrive.
 */
export const noticeEntryState = defineQuery('objections.notice-entry.state', {
  request: z.object({ entryId: z.uuid() }).strict(),
  response: z.object({
    entryId: z.uuid(),
    noticeId: z.uuid(),
    closed: z.boolean(),
    objectionsPending: z.number().int().nonnegative(),
  }),
});
