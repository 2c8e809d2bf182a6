import { z } from 'zod';
import { defineQuery } from '../messaging/message-contract';

/** Integer fen (分), positive: every amount of the ledger. A float or a string is refused. */
export const fenSchema = z.int().positive().meta({ description: 'integer fen (分): 100 fen = 1 yuan' });
/** A budget year (预算年度). */
export const budgetYearSchema = z.int().min(2000).max(2100);
/** A client-chosen transfer id: sending the same request again with it changes nothing and answers the same. */
export const transferIdSchema = z.uuid().meta({
  description: 'client-chosen id of the ledger transfer: a replay with the same id and content answers the same',
});

/** The chart of accounts (ADR 0022): kinds per tenant and budget year, some per recipient. */
export const accountKindSchema = z.enum([
  'appropriation',
  'available',
  'payable',
  'paid',
  'receivable',
  'recovered',
  'returned',
  'written_off',
]);
export type AccountKind = z.infer<typeof accountKindSchema>;

export const accountSchema = z.object({
  id: z.uuid(),
  budgetYear: budgetYearSchema,
  kind: accountKindSchema,
  recipientId: z.uuid().nullable(),
  recipientName: z.string().nullable(),
  flags: z.object({ debitsMustNotExceedCredits: z.boolean(), creditsMustNotExceedDebits: z.boolean() }),
  debitsPending: z.int(),
  debitsPosted: z.int(),
  creditsPending: z.int(),
  creditsPosted: z.int(),
});
export type AccountView = z.infer<typeof accountSchema>;

/** A budget year at a glance, every figure in fen, read from the accounts (ADR 0022). */
export const budgetYearSummarySchema = z.object({
  budgetYear: budgetYearSchema,
  appropriated: z.int(),
  available: z.int(),
  obligated: z.int(),
  payable: z.int(),
  pending: z.int(),
  paid: z.int(),
  /** Claimed back and not yet recovered or written off (应收追缴款). */
  receivable: z.int(),
  /** Recovered in all, of which returned to the treasury (上缴); written off with an approval. */
  recovered: z.int(),
  returned: z.int(),
  writtenOff: z.int(),
  /** Debits equal credits over every account of the year (a check, always true). */
  balanced: z.boolean(),
});
export type BudgetYearSummary = z.infer<typeof budgetYearSummarySchema>;

export const budgetYearList = defineQuery('funds.budget-year.list', {
  request: z.object({}).strict(),
  response: z.object({ budgetYears: z.array(budgetYearSummarySchema) }),
});

export const accountListQuery = z.object({ budgetYear: z.coerce.number().pipe(budgetYearSchema) }).strict();
export const accountList = defineQuery('funds.account.list', {
  request: z.object({ budgetYear: budgetYearSchema }).strict(),
  response: z.object({ accounts: z.array(accountSchema) }),
});

/** One account on the trial balance: its posted sums as kept, and recomputed from the immutable transfers. */
export const trialBalanceRowSchema = z.object({
  accountId: z.uuid(),
  kind: accountKindSchema,
  recipientId: z.uuid().nullable(),
  recipientName: z.string().nullable(),
  debitsPosted: z.int(),
  creditsPosted: z.int(),
  debitsPending: z.int(),
  creditsPending: z.int(),
  /** Posted debits less posted credits (negative: a credit balance). */
  balance: z.int(),
  /** The kept sums equal the sums of the account's transfers. */
  matchesTransfers: z.boolean(),
});
export const trialBalanceSchema = z.object({
  budgetYear: budgetYearSchema,
  rows: z.array(trialBalanceRowSchema),
  totals: z.object({
    debitsPosted: z.int(),
    creditsPosted: z.int(),
    debitsPending: z.int(),
    creditsPending: z.int(),
  }),
  /** Debits equal credits, posted and pending, and every account matches its transfers. */
  balanced: z.boolean(),
  transferCount: z.int(),
});
export type TrialBalanceView = z.infer<typeof trialBalanceSchema>;
export const trialBalanceGet = defineQuery('funds.trial-balance.get', {
  request: z.object({ budgetYear: budgetYearSchema }).strict(),
  response: trialBalanceSchema,
});

/** One line of a recipient's statement: a transfer on one of the recipient's accounts. */
export const statementLineSchema = z.object({
  transferId: z.uuid(),
  at: z.string(),
  code: z.string(),
  phase: z.string(),
  debit: accountKindSchema,
  credit: accountKindSchema,
  amountFen: z.int(),
  reference: z.string(),
  actor: z.string().nullable(),
});
export const recipientStatementSchema = z.object({
  budgetYear: budgetYearSchema,
  recipientId: z.uuid(),
  recipientName: z.string().nullable(),
  /** Owed (entitled, not yet paid), pending at the treasury, paid, claimed back, recovered, written off (fen). */
  entitled: z.int(),
  payable: z.int(),
  pending: z.int(),
  paid: z.int(),
  demanded: z.int(),
  receivable: z.int(),
  recovered: z.int(),
  writtenOff: z.int(),
  lines: z.array(statementLineSchema),
});
export type RecipientStatementView = z.infer<typeof recipientStatementSchema>;
export const recipientStatementGet = defineQuery('funds.statement.get', {
  request: z.object({ budgetYear: budgetYearSchema, recipientId: z.uuid() }).strict(),
  response: recipientStatementSchema,
});
