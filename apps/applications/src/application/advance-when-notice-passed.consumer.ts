import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { advanceWhenNoticePassed, isOwnEntry } from '../applications.consumers';
import type { PrismaClient } from '../applications-prisma';
import { NoticeOutcomes } from './notice-outcome.service';

/** The notice closed and the entry passed with no objection pending: the application moves to the next step. */
@Injectable()
export class AdvanceWhenNoticePassedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly outcomes: NoticeOutcomes,
  ) {}

  onModuleInit(): void {
    this.consumers.register(advanceWhenNoticePassed, async (tx, payload) => {
      if (isOwnEntry(payload)) await this.outcomes.passed(tx, payload.applicationId, payload.noticeId);
    });
  }
}
