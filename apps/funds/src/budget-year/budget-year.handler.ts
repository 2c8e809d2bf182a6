import { accountList, budgetYearList, recipientStatementGet, trialBalanceGet } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { BudgetYearService } from './budget-year.service';
import { LedgerReportService } from './ledger-report.service';

@Controller()
export class BudgetYearHandler {
  constructor(
    private readonly budgetYears: BudgetYearService,
    private readonly reports: LedgerReportService,
  ) {}

  @Handles(budgetYearList)
  list() {
    return this.budgetYears.list();
  }

  @Handles(accountList)
  accounts(request: { budgetYear: number }) {
    return this.budgetYears.accounts(request.budgetYear);
  }

  @Handles(trialBalanceGet)
  trialBalance(request: { budgetYear: number }) {
    return this.reports.trialBalance(request.budgetYear);
  }

  @Handles(recipientStatementGet)
  statement(request: { budgetYear: number; recipientId: string }) {
    return this.reports.statement(request.budgetYear, request.recipientId);
  }
}
