import {
  approveRevocation,
  dismissRevocation,
  getCreditRecord,
  getRevocation,
  listApplicationBans,
  listRevocations,
  openRevocation,
  openRevocationFromDuty,
  type ParsedRequestOf,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ApplicationBanService } from '../ban/application-ban.service';
import { CreditRecordService } from './credit-record.service';
import { RevocationService } from './revocation.service';
import { RevocationFromDutyService } from './revocation-from-duty.service';

@Controller()
export class RevocationHandler {
  constructor(
    private readonly revocations: RevocationService,
    private readonly fromDuty: RevocationFromDutyService,
    private readonly creditRecord: CreditRecordService,
    private readonly bans: ApplicationBanService,
  ) {}

  @Handles(openRevocation)
  open(request: ParsedRequestOf<typeof openRevocation>) {
    return this.revocations.open(request);
  }

  @Handles(openRevocationFromDuty)
  openFromDuty(request: ParsedRequestOf<typeof openRevocationFromDuty>) {
    const { dutyId, ...body } = request;
    return this.fromDuty.open(dutyId, body);
  }

  @Handles(approveRevocation)
  approve(request: ParsedRequestOf<typeof approveRevocation>) {
    return this.revocations.approve(request);
  }

  @Handles(dismissRevocation)
  dismiss(request: ParsedRequestOf<typeof dismissRevocation>) {
    return this.revocations.dismiss(request.id, request.reason);
  }

  @Handles(getRevocation)
  get(request: ParsedRequestOf<typeof getRevocation>) {
    return this.revocations.get(request.id);
  }

  @Handles(listRevocations)
  list() {
    return this.revocations.list();
  }

  @Handles(getCreditRecord)
  credit() {
    return this.creditRecord.list();
  }

  @Handles(listApplicationBans)
  listBans() {
    return this.bans.list();
  }
}
