import { Module } from '@nestjs/common';
import { BudgetYearController } from './budget-year.controller';
import { ClawbackCaseController } from './clawback-case.controller';
import { EntitlementController } from './entitlement.controller';
import { FundsExportController } from './funds-export.controller';
import { UseReportController } from './use-report.controller';

/** The funds service's API: budget years, accounts, appropriations, entitlements, disbursements, clawback cases, use reports and their .xlsx exports. */
@Module({
  controllers: [
    BudgetYearController,
    EntitlementController,
    ClawbackCaseController,
    FundsExportController,
    UseReportController,
  ],
})
export class FundsRoutesModule {}
