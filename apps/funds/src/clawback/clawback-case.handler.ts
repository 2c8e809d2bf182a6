import {
  type ClawbackAgreementBody,
  type ClawbackCaseListQuery,
  type ClawbackDemandBody,
  type ClawbackRecoveryBody,
  type ClawbackReturnBody,
  type ClawbackWriteOffBody,
  clawbackAgree,
  clawbackCaseGet,
  clawbackCaseList,
  clawbackDemand,
  clawbackDemandLetter,
  clawbackRecover,
  clawbackReturn,
  clawbackWriteOff,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { ClawbackCaseService } from './clawback-case.service';

@Controller()
export class ClawbackCaseHandler {
  constructor(private readonly cases: ClawbackCaseService) {}

  @Handles(clawbackCaseList)
  list(request: ClawbackCaseListQuery) {
    return this.cases.list(request);
  }

  @Handles(clawbackCaseGet)
  get(request: { id: string }) {
    return this.cases.get(request.id);
  }

  @Handles(clawbackDemandLetter)
  demandLetter(request: { id: string }) {
    return this.cases.demandLetter(request.id);
  }

  @Handles(clawbackDemand)
  demand({ id, ...body }: ClawbackDemandBody & { id: string }) {
    return this.cases.demand(id, body);
  }

  @Handles(clawbackRecover)
  recover({ id, ...body }: ClawbackRecoveryBody & { id: string }) {
    return this.cases.recover(id, body);
  }

  @Handles(clawbackAgree)
  agree({ id, ...body }: ClawbackAgreementBody & { id: string }) {
    return this.cases.agreeInstalments(id, body);
  }

  @Handles(clawbackWriteOff)
  writeOff({ id, ...body }: ClawbackWriteOffBody & { id: string }) {
    return this.cases.writeOff(id, body);
  }

  @Handles(clawbackReturn)
  returnToTreasury({ id, ...body }: ClawbackReturnBody & { id: string }) {
    return this.cases.returnToTreasury(id, body);
  }
}
