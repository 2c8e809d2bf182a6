import type { objectionDismissed, PayloadOf } from '@laurel/contracts';
import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { isOwnEntry, releaseWhenObjectionDismissed, releaseWhenObjectionRefused } from '../applications.consumers';
import type { ApplicationsTx, PrismaClient } from '../applications-prisma';
import { NoticeOutcomes } from './notice-outcome.service';

/**
 * An objection dismissed after investigation, or refused on examination: unfounded, it has no consequence for the
 * applicant (ili 第二十一条, linxia 第二十三条), and an application held by it goes on once none is pending.
 */
@Injectable()
export class ReleaseWhenObjectionDismissedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly outcomes: NoticeOutcomes,
  ) {}

  onModuleInit(): void {
    this.consumers.register(releaseWhenObjectionDismissed, (tx, payload) => this.release(tx, payload, 'dismissed'));
    this.consumers.register(releaseWhenObjectionRefused, (tx, payload) => this.release(tx, payload, 'refused'));
  }

  private async release(
    tx: ApplicationsTx,
    payload: PayloadOf<typeof objectionDismissed>,
    outcome: 'dismissed' | 'refused',
  ): Promise<void> {
    if (!isOwnEntry(payload)) return;
    await this.outcomes.objectionDecided(tx, payload.applicationId, {
      decision: { outcome, prohibitedGround: false },
      reasons: payload.reasons,
      noticeId: payload.noticeId,
      entryId: payload.entryId,
    });
  }
}
