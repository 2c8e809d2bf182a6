import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';

const voteTransition = z.object({
  voteId: z.uuid(),
  cycleNumber: z.number().int(),
  from: z.string().nullable(),
  to: z.string(),
  basis: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type VoteTransitionPayload = z.infer<typeof voteTransition>;

export const voteCreated = defineEvent('reviews.vote.created.v1', voteTransition);
export const voteOpened = defineEvent('reviews.vote.opened.v1', voteTransition);
/** Closed and tallied: the counts per candidate are read from the vote (never which unit chose what). */
export const voteTallied = defineEvent('reviews.vote.tallied.v1', voteTransition);

/** A ballot cast: which vote, that one more ballot is in; neither the unit nor the choices. */
export const ballotCast = defineEvent(
  'reviews.ballot.cast.v1',
  z.object({ voteId: z.uuid(), cycleNumber: z.number().int(), at: z.string() }),
);
