import { FieldCipher, FileStore, LocalDirectoryFileStore } from '@laurel/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantHandler } from './applicant/applicant.handler';
import { ApplicantRepository } from './applicant/applicant.repository';
import { ApplicantService } from './applicant/applicant.service';
import { AcceptanceService } from './application/acceptance.service';
import { AdvanceWhenNoticePassedConsumer } from './application/advance-when-notice-passed.consumer';
import { ApplicationHandler } from './application/application.handler';
import { ApplicationRepository } from './application/application.repository';
import { ApplicationEligibility } from './application/application-eligibility.service';
import { ApplicationIntake } from './application/application-intake.service';
import { ApplicationNotices } from './application/application-notices.service';
import { ApplicationReader } from './application/application-reader.service';
import { ApplicationTransitions } from './application/application-transitions.service';
import { AwardsGateway } from './application/awards.gateway';
import { DisqualifyWhenObjectionUpheldConsumer } from './application/disqualify-when-objection-upheld.consumer';
import { EligibilityDecisions } from './application/eligibility-decision.service';
import { HoldWhenObjectionsPendingConsumer } from './application/hold-when-objections-pending.consumer';
import { NoticeOutcomes } from './application/notice-outcome.service';
import { PublicityRecomputeService } from './application/publicity-recompute.service';
import { RecommendationService } from './application/recommendation.service';
import { ReleaseWhenObjectionDismissedConsumer } from './application/release-when-objection-dismissed.consumer';
import { ReturnWhenNoticeWithdrawnConsumer } from './application/return-when-notice-withdrawn.consumer';
import { SubmissionService } from './application/submission.service';
import { WithdrawnNoticeRepository } from './application/withdrawn-notice.repository';
import { ApplicationCountsHandler } from './application-counts/application-counts.handler';
import { ApplicationCountsRepository } from './application-counts/application-counts.repository';
import { APPLICATIONS_CONFIG, type ApplicationsConfig, s3FileStoreOptionsOf } from './applications.config';
import { MaterialHandler } from './material/material.handler';
import { MaterialRepository } from './material/material.repository';
import { MaterialService } from './material/material.service';
import { MaterialIntakeService } from './material/material-intake.service';
import { ReviewsGateway } from './material/reviews.gateway';
import { S3FileStore } from './material/s3-file-store';
import { RecommenderHandler } from './recommender/recommender.handler';
import { RecommenderRepository } from './recommender/recommender.repository';
import { RecommenderService } from './recommender/recommender.service';

@Module({})
export class ApplicationsModule {
  static with(config: ApplicationsConfig, options: { fileStore?: FileStore } = {}): DynamicModule {
    return {
      module: ApplicationsModule,
      controllers: [
        ApplicantHandler,
        RecommenderHandler,
        ApplicationHandler,
        ApplicationCountsHandler,
        MaterialHandler,
      ],
      providers: [
        {
          provide: FieldCipher,
          useValue: FieldCipher.fromBase64(config.LAUREL_APPLICATIONS_DATA_KEY, 'laurel-applications-identity-hmac'),
        },
        ApplicantRepository,
        ApplicantService,
        RecommenderRepository,
        RecommenderService,
        AwardsGateway,
        ApplicationRepository,
        ApplicationCountsRepository,
        WithdrawnNoticeRepository,
        ApplicationTransitions,
        ApplicationReader,
        ApplicationEligibility,
        ApplicationNotices,
        ApplicationIntake,
        EligibilityDecisions,
        SubmissionService,
        RecommendationService,
        AcceptanceService,
        NoticeOutcomes,
        PublicityRecomputeService,
        AdvanceWhenNoticePassedConsumer,
        HoldWhenObjectionsPendingConsumer,
        ReturnWhenNoticeWithdrawnConsumer,
        DisqualifyWhenObjectionUpheldConsumer,
        ReleaseWhenObjectionDismissedConsumer,
        { provide: APPLICATIONS_CONFIG, useValue: config },
        { provide: FileStore, useValue: options.fileStore ?? fileStoreOf(config) },
        MaterialIntakeService,
        MaterialRepository,
        MaterialService,
        ReviewsGateway,
      ],
    };
  }
}

/** The configured store of materials' bytes (`LAUREL_APPLICATIONS_FILE_STORE`). */
function fileStoreOf(config: ApplicationsConfig): FileStore {
  switch (config.LAUREL_APPLICATIONS_FILE_STORE) {
    case 'local':
      return new LocalDirectoryFileStore(config.LAUREL_APPLICATIONS_FILES_DIR);
    case 's3':
      return new S3FileStore(s3FileStoreOptionsOf(config));
  }
}
