import { banCheck, type ParsedRequestOf } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { BanService } from './ban.service';

@Controller()
export class BanHandler {
  constructor(private readonly bans: BanService) {}

  @Handles(banCheck)
  check(request: ParsedRequestOf<typeof banCheck>) {
    return this.bans.check(request.identity, request.cycleNumber);
  }
}
