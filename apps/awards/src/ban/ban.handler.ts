import { banCheck, crossTenantFlags, type ParsedRequestOf } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { BanService } from './ban.service';
import { CrossTenantRegisterService } from './cross-tenant-register.service';

@Controller()
export class BanHandler {
  constructor(
    private readonly bans: BanService,
    private readonly register: CrossTenantRegisterService,
  ) {}

  @Handles(banCheck)
  check(request: ParsedRequestOf<typeof banCheck>) {
    return this.bans.check(request.identity, request.cycleNumber, request.applicantId);
  }

  @Handles(crossTenantFlags)
  flags(request: ParsedRequestOf<typeof crossTenantFlags>) {
    return this.register.flags(request.creditCode);
  }
}
