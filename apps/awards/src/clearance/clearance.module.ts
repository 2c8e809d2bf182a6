import { Module } from '@nestjs/common';
import { CandidateListModule } from '../candidate-list/candidate-list.module';
import { CycleModule } from '../cycle/cycle.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ClearanceHandler } from './clearance.handler';
import { ClearanceRepository } from './clearance.repository';
import { ClearanceScheduler } from './clearance.scheduler';
import { ClearanceService } from './clearance.service';
import { ClearanceDeadlineProcessor } from './clearance-deadline.processor';

/** Background clearance (征求意见): departments with their accounts, requests, answers, reminders, overdue, decisions. */
@Module({
  imports: [ProgrammeModule, CycleModule, CandidateListModule],
  controllers: [ClearanceHandler],
  providers: [ClearanceRepository, ClearanceService, ClearanceScheduler, ClearanceDeadlineProcessor],
  exports: [ClearanceRepository],
})
export class ClearanceModule {}
