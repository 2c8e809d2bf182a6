import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';

const appropriationLoadedPayload = z.object({
  appropriationId: z.uuid(),
  budgetYear: z.int(),
  amountFen: z.int(),
  document: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type AppropriationLoadedPayload = z.infer<typeof appropriationLoadedPayload>;
export const appropriationLoaded = defineEvent('funds.appropriation.loaded.v1', appropriationLoadedPayload);

const entitlementPayload = z.object({
  entitlementId: z.uuid(),
  decisionId: z.uuid(),
  cycleNumber: z.int(),
  budgetYear: z.int(),
  applicantId: z.uuid(),
  tier: z.string(),
  amountFen: z.int().nullable(),
  status: z.string(),
  basis: z.string().nullable(),
  reason: z.object({ zh: z.string(), en: z.string() }),
  at: z.string(),
});
export type EntitlementPayload = z.infer<typeof entitlementPayload>;
export const entitlementObligated = defineEvent('funds.entitlement.obligated.v1', entitlementPayload);
export const entitlementRefused = defineEvent('funds.entitlement.refused.v1', entitlementPayload);
/** Nothing owed (a tier without money) or an amount the regulation leaves to the office: recorded, not obligated. */
export const entitlementRecorded = defineEvent('funds.entitlement.recorded.v1', entitlementPayload);

const disbursementPayload = z.object({
  disbursementId: z.uuid(),
  entitlementId: z.uuid(),
  amountFen: z.int(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type DisbursementPayload = z.infer<typeof disbursementPayload>;
export const disbursementInitiated = defineEvent('funds.disbursement.initiated.v1', disbursementPayload);
export const disbursementConfirmed = defineEvent('funds.disbursement.confirmed.v1', disbursementPayload);
export const disbursementFailed = defineEvent('funds.disbursement.failed.v1', disbursementPayload);
