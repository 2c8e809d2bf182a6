import { Module } from '@nestjs/common';
import { CycleModule } from '../cycle/cycle.module';
import { ProgrammeModule } from '../programme/programme.module';
import { RegulationModule } from '../regulation/regulation.module';
import { PolicyHandler } from './policy.handler';
import { PolicyService } from './policy.service';

/** The programme's policy: read, summarised, versioned. */
@Module({
  imports: [ProgrammeModule, CycleModule, RegulationModule],
  controllers: [PolicyHandler],
  providers: [PolicyService],
})
export class PolicyModule {}
