import { Module } from '@nestjs/common';
import { BanModule } from './ban/ban.module';
import { CycleModule } from './cycle/cycle.module';
import { PolicyModule } from './policy/policy.module';
import { ProgrammeModule } from './programme/programme.module';
import { RegulationModule } from './regulation/regulation.module';

/** The awards service, first part: programmes and their policy versions, cycles, regulation expiry, re-application checks. */
@Module({ imports: [RegulationModule, ProgrammeModule, PolicyModule, CycleModule, BanModule] })
export class AwardsModule {}
