import { type DutyStatus, dutyGet, dutyList, dutyPlan, dutySetDueDate, dutySubmit } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { DutyService } from './duty.service';

@Controller()
export class DutyHandler {
  constructor(private readonly duties: DutyService) {}

  @Handles(dutyPlan)
  plan(request: { titleId: string }) {
    return this.duties.plan(request.titleId);
  }

  @Handles(dutyList)
  list(request: { status?: DutyStatus; titleId?: string; applicantId?: string; after?: string; limit?: number }) {
    return this.duties.list(request);
  }

  @Handles(dutyGet)
  get(request: { dutyId: string }) {
    return this.duties.get(request.dutyId);
  }

  @Handles(dutySubmit)
  submit(request: { dutyId: string; submission: string }) {
    return this.duties.submit(request.dutyId, request.submission);
  }

  @Handles(dutySetDueDate)
  setDueDate(request: { dutyId: string; dueDate: string; reason: string }) {
    return this.duties.setDueDate(request.dutyId, request.dueDate, request.reason);
  }
}
