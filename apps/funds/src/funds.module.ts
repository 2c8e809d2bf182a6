import { type DynamicModule, Module } from '@nestjs/common';
import { AppropriationHandler } from './appropriation/appropriation.handler';
import { AppropriationRepository } from './appropriation/appropriation.repository';
import { AppropriationService } from './appropriation/appropriation.service';
import { BudgetYearHandler } from './budget-year/budget-year.handler';
import { BudgetYearService } from './budget-year/budget-year.service';
import { DisbursementHandler } from './disbursement/disbursement.handler';
import { DisbursementRepository } from './disbursement/disbursement.repository';
import { DisbursementService } from './disbursement/disbursement.service';
import { AwardsGateway } from './entitlement/awards.gateway';
import { EntitlementHandler } from './entitlement/entitlement.handler';
import { EntitlementRepository } from './entitlement/entitlement.repository';
import { EntitlementService } from './entitlement/entitlement.service';
import { EntitlementObligation } from './entitlement/entitlement-obligation.service';
import { ObligateWhenAwardDecidedConsumer } from './entitlement/obligate-when-award-decided.consumer';
import type { FundsConfig } from './funds.config';
import { LedgerRepository } from './ledger/ledger.repository';
import { Ledger } from './ledger/ledger.service';

@Module({})
export class FundsModule {
  static with(_config: FundsConfig): DynamicModule {
    return {
      module: FundsModule,
      controllers: [BudgetYearHandler, AppropriationHandler, EntitlementHandler, DisbursementHandler],
      providers: [
        LedgerRepository,
        Ledger,
        BudgetYearService,
        AppropriationRepository,
        AppropriationService,
        AwardsGateway,
        EntitlementRepository,
        EntitlementService,
        EntitlementObligation,
        ObligateWhenAwardDecidedConsumer,
        DisbursementRepository,
        DisbursementService,
      ],
    };
  }
}
