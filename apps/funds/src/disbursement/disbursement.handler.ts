import {
  type DisbursementConfirmBody,
  type DisbursementFailBody,
  type DisbursementInitiateBody,
  disbursementConfirm,
  disbursementFail,
  disbursementInitiate,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { DisbursementService } from './disbursement.service';

@Controller()
export class DisbursementHandler {
  constructor(private readonly disbursements: DisbursementService) {}

  @Handles(disbursementInitiate)
  initiate(request: DisbursementInitiateBody & { entitlementId: string }) {
    return this.disbursements.initiate(request);
  }

  @Handles(disbursementConfirm)
  confirm(request: DisbursementConfirmBody & { id: string }) {
    const { id, ...body } = request;
    return this.disbursements.confirm(id, body);
  }

  @Handles(disbursementFail)
  fail(request: DisbursementFailBody & { id: string }) {
    const { id, ...body } = request;
    return this.disbursements.fail(id, body);
  }
}
