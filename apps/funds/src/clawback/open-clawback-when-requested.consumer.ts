import type { ClawbackRequestPayload } from '@laurel/contracts';
import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { openClawbackWhenRequested } from '../funds.consumers';
import type { FundsTx, PrismaClient } from '../funds-prisma';
import { ClawbackOpening } from './clawback-opening.service';

/** open-clawback-when-requested: the case (or why none), in the same transaction as the inbox record. */
@Injectable()
export class OpenClawbackWhenRequestedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly opening: ClawbackOpening,
  ) {}

  onModuleInit(): void {
    this.consumers.register(openClawbackWhenRequested, (tx: FundsTx, payload: ClawbackRequestPayload) =>
      this.opening.fromRequest(tx, payload),
    );
  }
}
