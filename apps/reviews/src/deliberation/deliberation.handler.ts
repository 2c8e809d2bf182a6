import { type DeliberationBody, deliberationList, deliberationRecord } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { DeliberationService } from './deliberation.service';

@Controller()
export class DeliberationHandler {
  constructor(private readonly deliberations: DeliberationService) {}

  @Handles(deliberationRecord)
  record(request: DeliberationBody) {
    return this.deliberations.record(request);
  }
  @Handles(deliberationList)
  list(request: { cycle?: number }) {
    return this.deliberations.list(request.cycle);
  }
}
