import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { holdWhenObjectionsPending, isOwnEntry } from '../applications.consumers';
import type { PrismaClient } from '../applications-prisma';
import { NoticeOutcomes } from './notice-outcome.service';

/** The notice closed with objections pending on the entry: the application is held until they are decided. */
@Injectable()
export class HoldWhenObjectionsPendingConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly outcomes: NoticeOutcomes,
  ) {}

  onModuleInit(): void {
    this.consumers.register(holdWhenObjectionsPending, async (tx, payload) => {
      if (isOwnEntry(payload)) {
        await this.outcomes.held(tx, payload.applicationId, payload.noticeId, payload.entryId);
      }
    });
  }
}
