import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { TitleModule } from '../title/title.module';
import { TitleExpiryProcessor } from './title-expiry.processor';
import { TitleExpiryScheduler } from './title-expiry.scheduler';
import { TitlePolicies } from './title-policies.service';
import { TitleReEvaluationHandler } from './title-re-evaluation.handler';
import { TitleReEvaluationService } from './title-re-evaluation.service';
import { TitleTransitionRepository } from './title-transition.repository';

/** Titles at the end of their validity: expiry by a deadline job from the title rows; the office's re-evaluation. */
@Module({
  imports: [ProgrammeModule, TitleModule],
  controllers: [TitleReEvaluationHandler],
  providers: [
    TitlePolicies,
    TitleTransitionRepository,
    TitleExpiryScheduler,
    TitleExpiryProcessor,
    TitleReEvaluationService,
  ],
  exports: [TitlePolicies, TitleTransitionRepository, TitleExpiryScheduler],
})
export class TitleExpiryModule {}
