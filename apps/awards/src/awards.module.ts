import { Module } from '@nestjs/common';
import { BanModule } from './ban/ban.module';
import { CandidateListModule } from './candidate-list/candidate-list.module';
import { CandidateNoticeModule } from './candidate-notice/candidate-notice.module';
import { CertificateModule } from './certificate/certificate.module';
import { ClearanceModule } from './clearance/clearance.module';
import { CommendationModule } from './commendation/commendation.module';
import { CycleModule } from './cycle/cycle.module';
import { DutyModule } from './duty/duty.module';
import { PolicyModule } from './policy/policy.module';
import { ProgrammeModule } from './programme/programme.module';
import { RegulationModule } from './regulation/regulation.module';
import { RevocationModule } from './revocation/revocation.module';
import { TitleModule } from './title/title.module';
import { TitleExpiryModule } from './title-expiry/title-expiry.module';
import { TitleReminderModule } from './title-reminder/title-reminder.module';

/** The awards service, first part: programmes and their policy versions, cycles, regulation expiry, re-application checks; the candidate lists the reviews service publishes; titles and their revocation. */
@Module({
  imports: [
    RegulationModule,
    ProgrammeModule,
    PolicyModule,
    CycleModule,
    BanModule,
    CandidateListModule,
    CandidateNoticeModule,
    TitleModule,
    TitleExpiryModule,
    TitleReminderModule,
    CertificateModule,
    DutyModule,
    RevocationModule,
    CommendationModule,
  ],
})
export class AwardsModule {}
