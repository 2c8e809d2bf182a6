import { Module } from '@nestjs/common';
import { RegulationModule } from '../regulation/regulation.module';
import { PolicyVersionRepository } from './policy-version.repository';
import { ProgrammeHandler } from './programme.handler';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammeService } from './programme.service';

/** The tenant's award programme and its policy versions. */
@Module({
  imports: [RegulationModule],
  controllers: [ProgrammeHandler],
  providers: [ProgrammeRepository, PolicyVersionRepository, ProgrammeService],
  exports: [ProgrammeRepository, PolicyVersionRepository, ProgrammeService],
})
export class ProgrammeModule {}
