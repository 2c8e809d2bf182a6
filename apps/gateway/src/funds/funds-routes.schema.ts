import { budgetYearSchema } from '@laurel/contracts';
import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

export const budgetYearPath = z
  .object({ tenantKey: tenantKeyParam, budgetYear: z.coerce.number().pipe(budgetYearSchema) })
  .strict();
export type BudgetYearPath = z.infer<typeof budgetYearPath>;

export const recipientStatementPath = z
  .object({
    tenantKey: tenantKeyParam,
    budgetYear: z.coerce.number().pipe(budgetYearSchema),
    recipientId: z.uuid(),
  })
  .strict();
export type RecipientStatementPath = z.infer<typeof recipientStatementPath>;

export const fundsIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type FundsIdPath = z.infer<typeof fundsIdPath>;

export const appropriationListQuery = z
  .object({ budgetYear: z.coerce.number().pipe(budgetYearSchema).optional() })
  .strict();
export type AppropriationListQuery = z.infer<typeof appropriationListQuery>;

/** Who sees money: finance keeps the ledger; the office reads it. */
export const MONEY_READERS = ['finance', 'office'];
export const MONEY_KEEPERS = ['finance'];

/** Where the money rules come from, for route summaries. */
export const FUNDS_RULE =
  'Award money (inner-mongolia 第四条, 第十八条; xinzhou-city 第二十一条; xinzhou-district 第十五条, 第十六条): ' +
  'amounts in integer fen, on a double-entry ledger per budget year (ADR 0022)';
