import { Module } from '@nestjs/common';
import { BudgetYearController } from './budget-year.controller';
import { ClawbackCaseController } from './clawback-case.controller';
import { EntitlementController } from './entitlement.controller';

/** The funds service's API: budget years, accounts, appropriations, entitlements, disbursements and clawback cases. */
@Module({
  controllers: [BudgetYearController, EntitlementController, ClawbackCaseController],
})
export class FundsRoutesModule {}
