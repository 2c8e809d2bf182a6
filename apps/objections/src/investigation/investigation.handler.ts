import { findingRecord, investigatorAssign, objectionDecide, type ParsedRequestOf } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { InvestigationService } from './investigation.service';

@Controller()
export class InvestigationHandler {
  constructor(private readonly investigations: InvestigationService) {}

  @Handles(investigatorAssign)
  assign(request: ParsedRequestOf<typeof investigatorAssign>) {
    return this.investigations.assign(request);
  }

  @Handles(findingRecord)
  recordFinding(request: ParsedRequestOf<typeof findingRecord>) {
    return this.investigations.recordFinding(request.id, request.text);
  }

  @Handles(objectionDecide)
  decide(request: ParsedRequestOf<typeof objectionDecide>) {
    return this.investigations.decide(request);
  }
}
