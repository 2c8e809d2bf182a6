import { z } from 'zod';
import { defineCommand } from '../messaging/message-contract';
import { disbursementSchema } from './entitlement.contract';
import { fenSchema, transferIdSchema } from './ledger.contract';

export const disbursementInitiateBody = z
  .object({
    transferId: transferIdSchema,
    amountFen: fenSchema,
    /** The payment file or voucher number (付款凭证号). */
    voucher: z.string().trim().min(1).max(200),
  })
  .strict();
export type DisbursementInitiateBody = z.infer<typeof disbursementInitiateBody>;

/** An instalment sent to the treasury: a pending transfer from the recipient's payable to paid. */
export const disbursementInitiate = defineCommand('funds.disbursement.initiate', {
  request: disbursementInitiateBody.extend({ entitlementId: z.uuid() }).strict(),
  response: disbursementSchema,
});

export const disbursementConfirmBody = z
  .object({ transferId: transferIdSchema, treasuryReference: z.string().trim().min(1).max(200) })
  .strict();
export type DisbursementConfirmBody = z.infer<typeof disbursementConfirmBody>;

/** The treasury paid it: the pending transfer is posted. */
export const disbursementConfirm = defineCommand('funds.disbursement.confirm', {
  request: disbursementConfirmBody.extend({ id: z.uuid() }).strict(),
  response: disbursementSchema,
});

export const disbursementFailBody = z
  .object({ transferId: transferIdSchema, reason: z.string().trim().min(1).max(2000) })
  .strict();
export type DisbursementFailBody = z.infer<typeof disbursementFailBody>;

/** The treasury did not pay it: the pending transfer is voided and the amount is owed again. */
export const disbursementFail = defineCommand('funds.disbursement.fail', {
  request: disbursementFailBody.extend({ id: z.uuid() }).strict(),
  response: disbursementSchema,
});
