import type { AccountView, BudgetYearSummary } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { type AccountRow, LedgerRepository } from '../ledger/ledger.repository';
import { summarizeBudgetYear } from './budget-year-summary.util';

const toAccountView = (row: AccountRow): AccountView => ({
  id: row.id,
  budgetYear: row.budgetYear,
  kind: row.kind,
  recipientId: row.recipientId || null,
  recipientName: row.recipientName,
  flags: row.flags,
  debitsPending: fenNumber(row.debitsPending),
  debitsPosted: fenNumber(row.debitsPosted),
  creditsPending: fenNumber(row.creditsPending),
  creditsPosted: fenNumber(row.creditsPosted),
});

/** What finance reads per budget year: the figures at a glance and the accounts with their balances. */
@Injectable()
export class BudgetYearService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly ledger: LedgerRepository,
  ) {}

  async list(): Promise<{ budgetYears: BudgetYearSummary[] }> {
    const accounts = await this.database.inTenant((tx) => this.ledger.allAccounts(tx));
    const years = [...new Set(accounts.map((a) => a.budgetYear))].sort((a, b) => b - a);
    return {
      budgetYears: years.map((year) =>
        summarizeBudgetYear(
          year,
          accounts.filter((a) => a.budgetYear === year),
        ),
      ),
    };
  }

  async accounts(budgetYear: number): Promise<{ accounts: AccountView[] }> {
    const rows = await this.database.inTenant((tx) => this.ledger.accounts(tx, budgetYear));
    return { accounts: rows.map(toAccountView) };
  }
}
