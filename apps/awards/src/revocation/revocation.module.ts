import { Module } from '@nestjs/common';
import { BanModule } from '../ban/ban.module';
import { CycleModule } from '../cycle/cycle.module';
import { ProgrammeModule } from '../programme/programme.module';
import { TitleModule } from '../title/title.module';
import { CreditRecordService } from './credit-record.service';
import { RevocationHandler } from './revocation.handler';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';
import { RevocationStepsService } from './revocation-steps.service';
import { TitleRevocationRepository } from './title-revocation.repository';

/** Revocation cases, their consequence steps (title, certificate, ban, clawback request, credit record, publication) and the credit record. */
@Module({
  imports: [ProgrammeModule, CycleModule, BanModule, TitleModule],
  controllers: [RevocationHandler],
  providers: [
    RevocationRepository,
    RevocationService,
    RevocationStepsService,
    CreditRecordService,
    TitleRevocationRepository,
  ],
})
export class RevocationModule {}
