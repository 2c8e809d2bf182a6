import { Module } from '@nestjs/common';
import { BanModule } from '../ban/ban.module';
import { CycleModule } from '../cycle/cycle.module';
import { DutyModule } from '../duty/duty.module';
import { ProgrammeModule } from '../programme/programme.module';
import { TitleModule } from '../title/title.module';
import { CreditRecordService } from './credit-record.service';
import { RevocationHandler } from './revocation.handler';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';
import { RevocationFromDutyService } from './revocation-from-duty.service';
import { RevocationStepsService } from './revocation-steps.service';
import { TitleRevocationRepository } from './title-revocation.repository';

/** Revocation cases, their consequence steps (title, certificate, ban, clawback request, credit record, publication) and the credit record. */
@Module({
  imports: [ProgrammeModule, CycleModule, BanModule, TitleModule, DutyModule],
  controllers: [RevocationHandler],
  providers: [
    RevocationRepository,
    RevocationService,
    RevocationFromDutyService,
    RevocationStepsService,
    CreditRecordService,
    TitleRevocationRepository,
  ],
})
export class RevocationModule {}
