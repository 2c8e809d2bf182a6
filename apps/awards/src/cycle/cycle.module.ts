import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module';
import { CycleHandler } from './cycle.handler';
import { CycleRepository } from './cycle.repository';
import { CycleService } from './cycle.service';

/** Cycles (届): opened by the office, pinned to a policy version, with their schedule and quotas. */
@Module({
  imports: [ProgrammeModule],
  controllers: [CycleHandler],
  providers: [CycleRepository, CycleService],
  exports: [CycleRepository],
})
export class CycleModule {}
