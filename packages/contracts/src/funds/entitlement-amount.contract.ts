import { z } from 'zod';
import { defineCommand } from '../messaging/message-contract';
import { entitlementSchema } from './entitlement.contract';

/**
 * The amount a body decided for an entitlement the regulation leaves open (`amount_undecided`): a cap ("不超过N万元")
 * or no amount at all. Recorded as the decision says it (who, the document, why) and checked against the policy's
 * cap; the amount is then obligated on the ledger like any other.
 */
export const entitlementAmountDecisionBody = z
  .object({
    /** Integer fen (分): 100 fen = 1 yuan; 0 when the body decided to pay nothing. */
    amountFen: z.int().nonnegative().meta({ description: 'integer fen (分): 100 fen = 1 yuan' }),
    /** The deciding body, as its record names it. */
    decidedBy: z.string().trim().min(1).max(200),
    /** The decision's document or number (文号). */
    document: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type EntitlementAmountDecisionBody = z.infer<typeof entitlementAmountDecisionBody>;

export const entitlementDecideAmount = defineCommand('funds.entitlement.decide-amount', {
  request: entitlementAmountDecisionBody.extend({ id: z.uuid() }).strict(),
  response: entitlementSchema,
});
