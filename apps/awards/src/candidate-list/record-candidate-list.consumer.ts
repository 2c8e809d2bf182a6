import type { CandidateListPublishedPayload } from '@laurel/contracts';
import { AuditTrail, Clock, EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { recordCandidateList } from '../awards.consumers';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { CandidateListRepository } from './candidate-list.repository';

/**
 * record-candidate-list: the reviews service's candidate list is recorded in the same transaction as the inbox
 * record (a redelivered event is skipped there); a replay under another event id finds the list (unique list id, one
 * list per cycle) and records nothing.
 */
@Injectable()
export class RecordCandidateListConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly lists: CandidateListRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumers.register(recordCandidateList, (tx, payload) => this.record(tx, payload));
  }

  private async record(tx: AwardsTx, payload: CandidateListPublishedPayload): Promise<void> {
    if (!(await this.lists.recordOnce(tx, payload, this.clock.now()))) return;
    await this.audit.record(tx, {
      action: 'candidate-list.record',
      targetType: 'candidate-list',
      targetId: payload.id,
      basis: payload.basis,
      before: null,
      after: {
        cycleNumber: payload.cycleNumber,
        entries: payload.entries.map((e) => ({ applicationId: e.applicationId, tier: e.proposedTier })),
      },
    });
  }
}
