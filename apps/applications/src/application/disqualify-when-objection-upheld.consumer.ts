import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { disqualifyWhenObjectionUpheld, isOwnEntry } from '../applications.consumers';
import type { PrismaClient } from '../applications-prisma';
import { NoticeOutcomes } from './notice-outcome.service';

/**
 * An objection upheld against one of our notices' entries. What it does is the policy's, judged by
 * `evaluateObjectionOutcome` on the application's pinned version: ili 第二十一条 disqualifies on a prohibited ground;
 * where the text names no consequence nothing is automated and a held application is released to the office.
 */
@Injectable()
export class DisqualifyWhenObjectionUpheldConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly outcomes: NoticeOutcomes,
  ) {}

  onModuleInit(): void {
    this.consumers.register(disqualifyWhenObjectionUpheld, async (tx, payload) => {
      if (!isOwnEntry(payload)) return;
      await this.outcomes.objectionDecided(tx, payload.applicationId, {
        decision: { outcome: 'upheld', prohibitedGround: payload.prohibitedGround },
        reasons: payload.reasons,
        noticeId: payload.noticeId,
        entryId: payload.entryId,
      });
    });
  }
}
