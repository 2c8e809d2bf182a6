import { type DynamicModule, Module } from '@nestjs/common';
import { AppropriationHandler } from './appropriation/appropriation.handler';
import { AppropriationRepository } from './appropriation/appropriation.repository';
import { AppropriationService } from './appropriation/appropriation.service';
import { BudgetYearHandler } from './budget-year/budget-year.handler';
import { BudgetYearService } from './budget-year/budget-year.service';
import { LedgerReportService } from './budget-year/ledger-report.service';
import { ClawbackCaseHandler } from './clawback/clawback-case.handler';
import { ClawbackCaseRecorder } from './clawback/clawback-case.recorder';
import { ClawbackCaseRepository } from './clawback/clawback-case.repository';
import { ClawbackCaseService } from './clawback/clawback-case.service';
import { ClawbackDeadlines } from './clawback/clawback-deadline.service';
import { ClawbackOpening } from './clawback/clawback-opening.service';
import { OpenClawbackWhenRequestedConsumer } from './clawback/open-clawback-when-requested.consumer';
import { DisbursementHandler } from './disbursement/disbursement.handler';
import { DisbursementRepository } from './disbursement/disbursement.repository';
import { DisbursementService } from './disbursement/disbursement.service';
import { AwardsGateway } from './entitlement/awards.gateway';
import { EntitlementHandler } from './entitlement/entitlement.handler';
import { EntitlementRepository } from './entitlement/entitlement.repository';
import { EntitlementService } from './entitlement/entitlement.service';
import { EntitlementAmountDecision } from './entitlement/entitlement-amount.service';
import { EntitlementObligation } from './entitlement/entitlement-obligation.service';
import { ObligateWhenAwardDecidedConsumer } from './entitlement/obligate-when-award-decided.consumer';
import type { FundsConfig } from './funds.config';
import { LedgerRepository } from './ledger/ledger.repository';
import { Ledger } from './ledger/ledger.service';
import { LedgerGroupCommit } from './ledger/ledger-group-commit';
import { LedgerReportRepository } from './ledger/ledger-report.repository';
import { PerformanceEvaluationService } from './use-report/performance-evaluation.service';
import { RecipientAccess } from './use-report/recipient-access.service';
import { UseReportHandler } from './use-report/use-report.handler';
import { UseReportRepository } from './use-report/use-report.repository';
import { UseReportService } from './use-report/use-report.service';

@Module({})
export class FundsModule {
  static with(_config: FundsConfig): DynamicModule {
    return {
      module: FundsModule,
      controllers: [
        BudgetYearHandler,
        AppropriationHandler,
        EntitlementHandler,
        DisbursementHandler,
        ClawbackCaseHandler,
        UseReportHandler,
      ],
      providers: [
        LedgerRepository,
        Ledger,
        LedgerGroupCommit,
        BudgetYearService,
        LedgerReportRepository,
        LedgerReportService,
        AppropriationRepository,
        AppropriationService,
        AwardsGateway,
        EntitlementRepository,
        EntitlementService,
        EntitlementObligation,
        EntitlementAmountDecision,
        ObligateWhenAwardDecidedConsumer,
        DisbursementRepository,
        DisbursementService,
        ClawbackCaseRepository,
        ClawbackCaseRecorder,
        ClawbackOpening,
        OpenClawbackWhenRequestedConsumer,
        ClawbackDeadlines,
        ClawbackCaseService,
        RecipientAccess,
        UseReportRepository,
        UseReportService,
        PerformanceEvaluationService,
      ],
    };
  }
}
