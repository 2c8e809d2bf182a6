import { Module } from '@nestjs/common';
import { BanModule } from './ban/ban.module';
import { CandidateListModule } from './candidate-list/candidate-list.module';
import { CertificateModule } from './certificate/certificate.module';
import { CycleModule } from './cycle/cycle.module';
import { DutyModule } from './duty/duty.module';
import { PolicyModule } from './policy/policy.module';
import { ProgrammeModule } from './programme/programme.module';
import { RegulationModule } from './regulation/regulation.module';
import { TitleModule } from './title/title.module';
import { TitleExpiryModule } from './title-expiry/title-expiry.module';

/** The awards service, first part: programmes and their policy versions, cycles, regulation expiry, re-application checks; the candidate lists the reviews service publishes. */
@Module({
  imports: [
    RegulationModule,
    ProgrammeModule,
    PolicyModule,
    CycleModule,
    BanModule,
    CandidateListModule,
    TitleModule,
    TitleExpiryModule,
    CertificateModule,
    DutyModule,
  ],
})
export class AwardsModule {}
