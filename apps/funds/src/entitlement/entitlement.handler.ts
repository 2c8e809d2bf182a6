import {
  type EntitlementAmountDecisionBody,
  entitlementDecideAmount,
  entitlementGet,
  entitlementList,
} from '@laurel/contracts';
import { Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import type { EntitlementFilter } from './entitlement.repository';
import { EntitlementService } from './entitlement.service';
import { EntitlementAmountDecision } from './entitlement-amount.service';

@Controller()
export class EntitlementHandler {
  constructor(
    private readonly entitlements: EntitlementService,
    private readonly amounts: EntitlementAmountDecision,
  ) {}

  @Handles(entitlementList)
  list(request: EntitlementFilter & { after?: string; limit?: number }) {
    const { after, limit, ...filter } = request;
    return this.entitlements.list(filter, { after, limit });
  }

  @Handles(entitlementGet)
  get(request: { id: string }) {
    return this.entitlements.get(request.id);
  }

  @Handles(entitlementDecideAmount)
  decideAmount(request: EntitlementAmountDecisionBody & { id: string }) {
    return this.amounts.decide(request);
  }
}
