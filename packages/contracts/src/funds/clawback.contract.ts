import { z } from 'zod';
import { isoDateSchema } from '../awards/awards-common.schema';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { budgetYearSchema, fenSchema, transferIdSchema } from './ledger.contract';

/**
 * A clawback case (追缴): `not_opened` (recorded with why: outside the policy's window, nothing paid), `opened` (the
 * receivable booked), `demanded` (the demand letter sent with a due date), `instalments` (an agreed schedule),
 * `overdue` (a due date passed unpaid: escalated), `recovered` (all back) or `written_off` (the rest, approved).
 */
export const clawbackCaseStatusSchema = z.enum([
  'not_opened',
  'opened',
  'demanded',
  'instalments',
  'overdue',
  'recovered',
  'written_off',
]);
export type ClawbackCaseStatus = z.infer<typeof clawbackCaseStatusSchema>;

export const clawbackInstalmentSchema = z.object({ dueOn: isoDateSchema, amountFen: fenSchema }).strict();

export const clawbackCaseHistorySchema = z.object({
  action: z.string(),
  from: clawbackCaseStatusSchema.nullable(),
  to: clawbackCaseStatusSchema,
  amountFen: z.int().nullable(),
  transferId: z.uuid().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const clawbackCaseSchema = z.object({
  id: z.uuid(),
  revocationId: z.uuid(),
  titleId: z.uuid(),
  cycleNumber: z.int(),
  applicantId: z.uuid(),
  applicantName: z.string(),
  tier: z.string(),
  entitlementId: z.uuid().nullable(),
  budgetYear: budgetYearSchema.nullable(),
  revokedOn: z.string(),
  awardedOn: z.string(),
  /** The policy's consequence with its article, e.g. `追缴奖金（xinzhou-district 第十七条）`. */
  basis: z.string(),
  window: z.object({ months: z.int(), from: z.string() }).nullable(),
  status: clawbackCaseStatusSchema,
  /** Why it was opened, or why not. */
  reason: z.object({ zh: z.string(), en: z.string() }),
  /** Demanded (what was paid under the title), recovered, written off, returned to the treasury and outstanding. */
  amountFen: z.int(),
  recoveredFen: z.int(),
  writtenOffFen: z.int(),
  returnedFen: z.int(),
  outstandingFen: z.int(),
  dueOn: z.string().nullable(),
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  instalments: z.array(clawbackInstalmentSchema).nullable(),
  agreementDocument: z.string().nullable(),
  writeOff: z
    .object({
      reason: z.string(),
      approval: z.string(),
      approvedBy: z.string(),
    })
    .nullable(),
  createdAt: z.string(),
  history: z.array(clawbackCaseHistorySchema),
});
export type ClawbackCaseView = z.infer<typeof clawbackCaseSchema>;

export const clawbackCaseListQuery = z.object({ status: clawbackCaseStatusSchema.optional() }).strict();
export type ClawbackCaseListQuery = z.infer<typeof clawbackCaseListQuery>;
export const clawbackCaseList = defineQuery('funds.clawback-case.list', {
  request: clawbackCaseListQuery,
  response: z.object({ cases: z.array(clawbackCaseSchema) }),
});
export const clawbackCaseGet = defineQuery('funds.clawback-case.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

export const clawbackDemandBody = z
  .object({
    /** The demand letter's due date (Asia/Shanghai): finance decides it (the regulations state none). */
    dueOn: isoDateSchema,
    /** How many days before a due date the recipient is reminded: finance decides it. */
    remindDaysBefore: z.int().min(0).max(60),
  })
  .strict();
export type ClawbackDemandBody = z.infer<typeof clawbackDemandBody>;
export const clawbackDemand = defineCommand('funds.clawback-case.demand', {
  request: clawbackDemandBody.extend({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

export const clawbackRecoveryBody = z
  .object({
    transferId: transferIdSchema,
    amountFen: fenSchema,
    /** The receipt of the payment into the finance account (缴款凭证). */
    receipt: z.string().trim().min(1).max(200),
  })
  .strict();
export type ClawbackRecoveryBody = z.infer<typeof clawbackRecoveryBody>;
export const clawbackRecover = defineCommand('funds.clawback-case.recover', {
  request: clawbackRecoveryBody.extend({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

export const clawbackAgreementBody = z
  .object({
    /** The agreed schedule; its amounts add up to what is outstanding, its dates after one another. */
    instalments: z.array(clawbackInstalmentSchema).min(1).max(60),
    /** The signed agreement (分期还款协议). */
    document: z.string().trim().min(1).max(200),
  })
  .strict();
export type ClawbackAgreementBody = z.infer<typeof clawbackAgreementBody>;
export const clawbackAgree = defineCommand('funds.clawback-case.agree-instalments', {
  request: clawbackAgreementBody.extend({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

export const clawbackWriteOffBody = z
  .object({
    transferId: transferIdSchema,
    /** Why what is outstanding cannot be recovered. */
    reason: z.string().trim().min(1).max(2000),
    /** The approval (批准文件) and who gave it. */
    approval: z.object({
      document: z.string().trim().min(1).max(200),
      approvedBy: z.string().trim().min(1).max(200),
    }),
  })
  .strict();
export type ClawbackWriteOffBody = z.infer<typeof clawbackWriteOffBody>;
export const clawbackWriteOff = defineCommand('funds.clawback-case.write-off', {
  request: clawbackWriteOffBody.extend({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

export const clawbackReturnBody = z
  .object({
    transferId: transferIdSchema,
    amountFen: fenSchema,
    /** The treasury's receipt of the return (上缴凭证). */
    document: z.string().trim().min(1).max(200),
  })
  .strict();
export type ClawbackReturnBody = z.infer<typeof clawbackReturnBody>;
export const clawbackReturn = defineCommand('funds.clawback-case.return', {
  request: clawbackReturnBody.extend({ id: z.uuid() }).strict(),
  response: clawbackCaseSchema,
});

const clawbackCasePayload = z.object({
  caseId: z.uuid(),
  revocationId: z.uuid(),
  applicantId: z.uuid(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  amountFen: z.int().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ClawbackCasePayload = z.infer<typeof clawbackCasePayload>;
export const clawbackCaseOpened = defineEvent('funds.clawback.opened.v1', clawbackCasePayload);
export const clawbackCaseNotOpened = defineEvent('funds.clawback.not-opened.v1', clawbackCasePayload);
export const clawbackCaseChanged = defineEvent('funds.clawback.changed.v1', clawbackCasePayload);
/** A due date passed unpaid: escalated to the office. */
export const clawbackCaseOverdue = defineEvent('funds.clawback.overdue.v1', clawbackCasePayload);

/** The demand letter (追缴通知书) as a PDF in Chinese, once the due date is set. */
export const clawbackDemandLetter = defineQuery('funds.clawback-case.demand-letter', {
  request: z.object({ id: z.uuid() }).strict(),
  response: z.object({ filename: z.string(), contentType: z.literal('application/pdf'), contentBase64: z.string() }),
});
