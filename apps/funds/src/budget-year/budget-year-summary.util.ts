import type { AccountKind, BudgetYearSummary } from '@laurel/contracts';
import { fenNumber } from '../ledger/fen.util';
import type { AccountRow } from '../ledger/ledger.repository';
import { balanced } from '../ledger/ledger.rules';

/**
 * A budget year's figures from its accounts (ADR 0022): appropriated is what loadings debited to
 * the appropriation; obligated what entitlements took from available; pending what awaits the treasury.
 */
export function summarizeBudgetYear(budgetYear: number, accounts: readonly AccountRow[]): BudgetYearSummary {
  const of = (kind: AccountKind) => accounts.filter((a) => a.kind === kind);
  const sum = (rows: readonly AccountRow[], f: (a: AccountRow) => bigint) => rows.reduce((t, a) => t + f(a), 0n);
  const available = of('available');
  return {
    budgetYear,
    appropriated: fenNumber(sum(of('appropriation'), (a) => a.debitsPosted)),
    available: fenNumber(sum(available, (a) => a.creditsPosted - a.debitsPosted - a.debitsPending)),
    obligated: fenNumber(sum(available, (a) => a.debitsPosted + a.debitsPending)),
    payable: fenNumber(sum(of('payable'), (a) => a.creditsPosted - a.debitsPosted)),
    pending: fenNumber(sum(of('payable'), (a) => a.debitsPending)),
    paid: fenNumber(sum(of('paid'), (a) => a.creditsPosted - a.debitsPosted)),
    receivable: fenNumber(sum(of('receivable'), (a) => a.creditsPosted - a.debitsPosted)),
    recovered: fenNumber(sum(of('recovered'), (a) => a.creditsPosted)),
    returned: fenNumber(sum(of('returned'), (a) => a.creditsPosted)),
    writtenOff: fenNumber(sum(of('written_off'), (a) => a.creditsPosted)),
    balanced: balanced(accounts),
  };
}
