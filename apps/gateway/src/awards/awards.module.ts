import { Module } from '@nestjs/common';
import { CandidateListRecordController } from './candidate-list-record.controller';
import { CandidateNoticeController } from './candidate-notice.controller';
import { CertificateController } from './certificate.controller';
import { ClearanceController } from './clearance.controller';
import { CommendationDecisionController } from './commendation-decision.controller';
import { CreditRecordExportController, PublicCreditRecordController } from './credit-record.controller';
import { CycleController } from './cycle.controller';
import { DutyController } from './duty.controller';
import { PolicyController } from './policy.controller';
import { PublicCertificateController } from './public-certificate.controller';
import { PublicProgrammeController } from './public-programme.controller';
import { RevocationController } from './revocation.controller';
import { TitleController } from './title.controller';
import { TitleReEvaluationController } from './title-re-evaluation.controller';

/** The awards service's API: the jurisdiction's policy and its cycles (the service checks the rules); the programme as the public reads it. */
@Module({
  controllers: [
    PolicyController,
    CycleController,
    CandidateListRecordController,
    CandidateNoticeController,
    CommendationDecisionController,
    ClearanceController,
    PublicProgrammeController,
    RevocationController,
    PublicCreditRecordController,
    CreditRecordExportController,
    TitleController,
    CertificateController,
    PublicCertificateController,
    DutyController,
    TitleReEvaluationController,
  ],
})
export class AwardsModule {}
