import { FieldCipher } from '@laurel/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicantHandler } from './applicant/applicant.handler';
import { ApplicantRepository } from './applicant/applicant.repository';
import { ApplicantService } from './applicant/applicant.service';
import { ApplicationHandler } from './application/application.handler';
import { ApplicationRepository } from './application/application.repository';
import { ApplicationService } from './application/application.service';
import { AwardsGateway } from './application/awards.gateway';
import { NoticeOutcomeConsumer } from './application/notice-outcome.consumer';
import type { ApplicationsConfig } from './applications.config';
import { RecommenderHandler } from './recommender/recommender.handler';
import { RecommenderRepository } from './recommender/recommender.repository';
import { RecommenderService } from './recommender/recommender.service';

@Module({})
export class ApplicationsModule {
  static with(config: ApplicationsConfig): DynamicModule {
    return {
      module: ApplicationsModule,
      controllers: [ApplicantHandler, RecommenderHandler, ApplicationHandler],
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
        ApplicationService,
        NoticeOutcomeConsumer,
      ],
    };
  }
}
