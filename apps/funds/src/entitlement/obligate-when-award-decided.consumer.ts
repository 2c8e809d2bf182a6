import type { AwardDecisionPayload } from '@laurel/contracts';
import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { obligateWhenAwardDecided } from '../funds.consumers';
import type { FundsTx, PrismaClient } from '../funds-prisma';
import { EntitlementObligation } from './entitlement-obligation.service';

/** obligate-when-award-decided: each winner's entitlement, in the same transaction as the inbox record. */
@Injectable()
export class ObligateWhenAwardDecidedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly obligation: EntitlementObligation,
  ) {}

  onModuleInit(): void {
    this.consumers.register(obligateWhenAwardDecided, (tx: FundsTx, payload: AwardDecisionPayload) =>
      this.obligation.fromDecision(tx, payload),
    );
  }
}
