import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { isoDateSchema, tierKeySchema } from './awards-common.schema';

/** One winner of an award decision: who, of which kind, which tier, and how often it won this tier before. */
export const awardWinnerSchema = z.object({
  applicantId: z.uuid(),
  applicantKind: z.enum(['organisation', 'individual']),
  applicantName: z.string().min(1),
  tier: tierKeySchema,
  /** Earlier wins of this tier the awards service knows of (0 for a first win). */
  previousWins: z.int().min(0).default(0),
});
export type AwardWinner = z.infer<typeof awardWinnerSchema>;

const awardDecision = z.object({
  decisionId: z.uuid(),
  cycleNumber: z.int().positive(),
  /** The policy version the cycle pinned: the amounts and the budget year are read from it. */
  policyVersion: z.int().positive(),
  /** The day of the commendation decision (表彰决定), Asia/Shanghai. */
  decidedOn: isoDateSchema,
  winners: z.array(awardWinnerSchema).min(1),
  actor: z.string().nullable(),
  at: z.string(),
});
export type AwardDecisionPayload = z.infer<typeof awardDecision>;

/**
 * The government's commendation decision (审定 / 表彰决定) on a cycle's winners. The awards service will publish it
 * when it records the decision (not built yet); the funds service creates each winner's entitlement from it.
 */
export const awardDecided = defineEvent('awards.award.decided.v1', awardDecision);
