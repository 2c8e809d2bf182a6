import { Module } from '@nestjs/common';
import { CycleModule } from '../cycle/cycle.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ApplicationBanRepository } from './application-ban.repository';
import { ApplicationBanService } from './application-ban.service';
import { BanHandler } from './ban.handler';
import { BanRepository } from './ban.repository';
import { BanService } from './ban.service';
import { CrossTenantRegisterRepository } from './cross-tenant-register.repository';
import { CrossTenantRegisterService } from './cross-tenant-register.service';

/** Re-application limits and application bans, asked by the applications service (`awards.ban.check`). */
@Module({
  imports: [ProgrammeModule, CycleModule],
  controllers: [BanHandler],
  providers: [
    BanRepository,
    BanService,
    CrossTenantRegisterService,
    ApplicationBanRepository,
    ApplicationBanService,
    CrossTenantRegisterRepository,
  ],
  exports: [ApplicationBanRepository, ApplicationBanService, CrossTenantRegisterRepository],
})
export class BanModule {}
