import { Module } from '@nestjs/common';
import { CandidateListModule } from '../candidate-list/candidate-list.module';
import { CandidateNoticeModule } from '../candidate-notice/candidate-notice.module';
import { ClearanceModule } from '../clearance/clearance.module';
import { CycleModule } from '../cycle/cycle.module';
import { DutyModule } from '../duty/duty.module';
import { ProgrammeModule } from '../programme/programme.module';
import { TitleModule } from '../title/title.module';
import { TitleExpiryModule } from '../title-expiry/title-expiry.module';
import { CommendationHandler } from './commendation.handler';
import { CommendationDecisionRepository } from './commendation.repository';
import { CommendationService } from './commendation.service';

/** The approval (审定) recorded from the government's act, the commendation decision and the titles it grants. */
@Module({
  imports: [
    ProgrammeModule,
    CycleModule,
    CandidateListModule,
    TitleModule,
    ClearanceModule,
    CandidateNoticeModule,
    DutyModule,
    TitleExpiryModule,
  ],
  controllers: [CommendationHandler],
  providers: [CommendationDecisionRepository, CommendationService],
})
export class CommendationModule {}
