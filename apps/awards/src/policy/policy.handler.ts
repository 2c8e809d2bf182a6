import { getPolicy, getPolicySummary, type ParsedRequestOf, putPolicy } from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import { PolicyService } from './policy.service';

@Controller()
export class PolicyHandler {
  constructor(private readonly policies: PolicyService) {}

  @Handles(getPolicy)
  get(request: ParsedRequestOf<typeof getPolicy>) {
    return this.policies.get(request.version);
  }

  @Handles(putPolicy)
  put(request: ParsedRequestOf<typeof putPolicy>) {
    return this.policies.put(request.tenantKey, request.policy);
  }

  @Handles(getPolicySummary)
  summary(request: ParsedRequestOf<typeof getPolicySummary>) {
    return this.policies.summary(request.version);
  }
}
