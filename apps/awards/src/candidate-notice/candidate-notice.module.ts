import { Module } from '@nestjs/common';
import { CandidateListModule } from '../candidate-list/candidate-list.module';
import { CycleModule } from '../cycle/cycle.module';
import { ProgrammeModule } from '../programme/programme.module';
import { CandidateNoticeConsumers } from './candidate-notice.consumers';
import { CandidateNoticeHandler } from './candidate-notice.handler';
import { CandidateNoticeRepository } from './candidate-notice.repository';
import { CandidateNoticeService } from './candidate-notice.service';
import { CandidateStandingService } from './candidate-standing.service';

/** The candidate and proposed-winners notices, opened through the objections service, and what objections do. */
@Module({
  imports: [ProgrammeModule, CycleModule, CandidateListModule],
  controllers: [CandidateNoticeHandler],
  providers: [CandidateNoticeRepository, CandidateNoticeService, CandidateStandingService, CandidateNoticeConsumers],
  exports: [CandidateNoticeRepository],
})
export class CandidateNoticeModule {}
