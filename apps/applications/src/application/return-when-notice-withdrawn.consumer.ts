import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OWN_NOTICE_PREFIX, returnWhenNoticeWithdrawn } from '../applications.consumers';
import type { PrismaClient } from '../applications-prisma';
import { NoticeOutcomes } from './notice-outcome.service';

/** A notice withdrawn before its close: each application on it goes back to the step before it (ADR 0010). */
@Injectable()
export class ReturnWhenNoticeWithdrawnConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly outcomes: NoticeOutcomes,
  ) {}

  onModuleInit(): void {
    this.consumers.register(returnWhenNoticeWithdrawn, async (tx, payload) => {
      if (!payload.reference?.startsWith(OWN_NOTICE_PREFIX)) return;
      await this.outcomes.withdrawn(
        tx,
        { noticeId: payload.noticeId, reason: payload.reason, withdrawnAt: new Date(payload.withdrawnAt) },
        payload.entries.flatMap((entry) => (entry.applicationId ? [entry.applicationId] : [])),
      );
    });
  }
}
