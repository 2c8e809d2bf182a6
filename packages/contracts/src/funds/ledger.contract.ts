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
