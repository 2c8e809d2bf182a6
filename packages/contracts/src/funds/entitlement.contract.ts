import { z } from 'zod';
import { tierKeySchema } from '../awards/awards-common.schema';
import { defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';
import { budgetYearSchema } from './ledger.contract';

/**
 * What an award decision gave one winner: `obligated` (the amount is owed, on the ledger), `refused` (recorded with
 * why: a repeat grant barred by the policy, or an appropriation that cannot cover it), `nothing_owed` (a tier with
 * no money) or `amount_undecided` (the regulation states no amount: the office decides).
 */
export const entitlementStatusSchema = z.enum(['obligated', 'refused', 'nothing_owed', 'amount_undecided']);
export type EntitlementStatus = z.infer<typeof entitlementStatusSchema>;

export const disbursementStatusSchema = z.enum(['pending', 'confirmed', 'failed']);
export type DisbursementStatus = z.infer<typeof disbursementStatusSchema>;

export const disbursementSchema = z.object({
  id: z.uuid(),
  entitlementId: z.uuid(),
  amountFen: z.int(),
  /** The payment file or voucher (付款凭证号). */
  voucher: z.string(),
  status: disbursementStatusSchema,
  initiatedBy: z.string().nullable(),
  initiatedAt: z.string(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** The treasury's reference when confirmed; why when failed. */
  treasuryReference: z.string().nullable(),
  failureReason: z.string().nullable(),
});
export type DisbursementView = z.infer<typeof disbursementSchema>;

export const entitlementSchema = z.object({
  id: z.uuid(),
  decisionId: z.uuid(),
  cycleNumber: z.int(),
  policyVersion: z.int(),
  budgetYear: budgetYearSchema,
  applicantId: z.uuid(),
  applicantKind: z.enum(['organisation', 'individual']),
  applicantName: z.string(),
  tier: tierKeySchema,
  form: z.string(),
  /** The amount the policy gives, in fen; null where the regulation states none. */
  amountFen: z.int().nullable(),
  status: entitlementStatusSchema,
  /** The article the amount or the refusal comes from, e.g. `第十八条`. */
  basis: z.string().nullable(),
  reason: z.object({ zh: z.string(), en: z.string() }),
  /** The cap in fen where the regulation gives one ("不超过N万元") and leaves the amount to a decision; else null. */
  capFen: z.int().nullable(),
  /** The decision that set an amount the regulation left open: as the decision says it, and who recorded it when. */
  amountDecision: z
    .object({
      amountFen: z.int(),
      decidedBy: z.string(),
      document: z.string(),
      reason: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  /** Paid (posted), pending at the treasury and still owed, in fen. */
  paidFen: z.int(),
  pendingFen: z.int(),
  outstandingFen: z.int(),
  disbursements: z.array(disbursementSchema),
});
export type EntitlementView = z.infer<typeof entitlementSchema>;

const entitlementFilter = { budgetYear: budgetYearSchema.optional(), status: entitlementStatusSchema.optional() };
export const entitlementListQuery = z
  .object({
    ...entitlementFilter,
    budgetYear: z.coerce.number().pipe(budgetYearSchema).optional(),
    ...pageQuery,
  })
  .strict();
export type EntitlementListQuery = z.infer<typeof entitlementListQuery>;

export const entitlementList = defineQuery('funds.entitlement.list', {
  request: z.object({ ...entitlementFilter, ...pageRequest }).strict(),
  response: z.object({ entitlements: z.array(entitlementSchema), ...pageNext }),
});

export const entitlementGet = defineQuery('funds.entitlement.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: entitlementSchema,
});
