import { accountList, budgetYearList } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { BudgetYearService } from './budget-year.service';

@Controller()
export class BudgetYearHandler {
  constructor(private readonly budgetYears: BudgetYearService) {}

  @Handles(budgetYearList)
  list() {
    return this.budgetYears.list();
  }

  @Handles(accountList)
  accounts(request: { budgetYear: number }) {
    return this.budgetYears.accounts(request.budgetYear);
  }
}
