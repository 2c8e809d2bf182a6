import { FieldCipher } from '@laurel/platform';
import { type DynamicModule, Module } from '@nestjs/common';
import { CopyWhenAcceptedConsumer } from './application/copy-when-accepted.consumer';
import { ReviewApplicationHandler } from './application/review-application.handler';
import { ReviewApplicationRepository } from './application/review-application.repository';
import { ReviewApplicationReader } from './application/review-application-reader.service';
import { ConflictHandler } from './conflict/conflict.handler';
import { ConflictRepository } from './conflict/conflict.repository';
import { ConflictService } from './conflict/conflict.service';
import { ConflictDetection } from './conflict/conflict-detection.service';
import { ConflictTransitions } from './conflict/conflict-transitions.service';
import { ExpertHandler } from './expert/expert.handler';
import { ExpertRepository } from './expert/expert.repository';
import { ExpertService } from './expert/expert.service';
import type { ReviewsConfig } from './reviews.config';
import { CompositeService } from './scoring/composite.service';
import { ScoreSheetHandler } from './scoring/score-sheet.handler';
import { ScoreSheetRepository } from './scoring/score-sheet.repository';
import { ScoreSheetService } from './scoring/score-sheet.service';
import { ScoringAccess } from './scoring/scoring-access.service';
import { ScoringPolicy } from './scoring/scoring-policy.service';
import { StageResultHandler } from './scoring/stage-result.handler';
import { StageResultRepository } from './scoring/stage-result.repository';
import { StageResultService } from './scoring/stage-result.service';

@Module({})
export class ReviewsModule {
  static with(config: ReviewsConfig): DynamicModule {
    return {
      module: ReviewsModule,
      controllers: [ExpertHandler, ConflictHandler, ReviewApplicationHandler, ScoreSheetHandler, StageResultHandler],
      providers: [
        {
          provide: FieldCipher,
          useValue: FieldCipher.fromBase64(config.LAUREL_REVIEWS_DATA_KEY, 'laurel-reviews-hmac'),
        },
        ExpertRepository,
        ExpertService,
        ConflictRepository,
        ConflictTransitions,
        ConflictDetection,
        ConflictService,
        ReviewApplicationRepository,
        ReviewApplicationReader,
        CopyWhenAcceptedConsumer,
        ScoreSheetRepository,
        StageResultRepository,
        ScoringPolicy,
        ScoringAccess,
        ScoreSheetService,
        StageResultService,
        CompositeService,
      ],
    };
  }
}
