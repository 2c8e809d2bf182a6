import { Module } from '@nestjs/common';
import { BudgetYearController } from './budget-year.controller';
import { EntitlementController } from './entitlement.controller';

/** The funds service's API: budget years, accounts, appropriations, entitlements and disbursements. */
@Module({ controllers: [BudgetYearController, EntitlementController] })
export class FundsRoutesModule {}
