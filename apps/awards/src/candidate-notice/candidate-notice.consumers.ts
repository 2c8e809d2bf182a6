import { EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  holdCandidateWhenObjectionsPending,
  isAwardsEntry,
  releaseCandidateWhenObjectionDismissed,
  releaseCandidateWhenObjectionRefused,
  removeCandidateWhenObjectionUpheld,
} from '../awards.consumers';
import type { PrismaClient } from '../awards-prisma';
import { CandidateStandingService } from './candidate-standing.service';

/**
 * The objections service's outcomes of the awards service's notices (reference `awards:`): pending at close holds
 * the candidate, upheld removes it, dismissed or refused releases it (CandidateStandingService).
 */
@Injectable()
export class CandidateNoticeConsumers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly standings: CandidateStandingService,
  ) {}

  onModuleInit(): void {
    this.consumers.register(holdCandidateWhenObjectionsPending, async (tx, payload) => {
      if (isAwardsEntry(payload)) await this.standings.apply(tx, 'hold', payload);
    });
    this.consumers.register(removeCandidateWhenObjectionUpheld, async (tx, payload) => {
      if (isAwardsEntry(payload)) await this.standings.apply(tx, 'remove', payload);
    });
    for (const consumer of [releaseCandidateWhenObjectionDismissed, releaseCandidateWhenObjectionRefused])
      this.consumers.register(consumer, async (tx, payload) => {
        if (isAwardsEntry(payload)) await this.standings.apply(tx, 'release', payload);
      });
  }
}
