import type { VoteStatus, VoteTransitionPayload } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { voteWrongStatus } from './vote.errors';
import { type VoteAction, voteTransitionOf } from './vote.lifecycle';
import { VoteRepository, type VoteRow } from './vote.repository';

/**
 * The one transition step of a vote: guard by the lifecycle table (409 naming the state in Chinese) → change →
 * outbox event and audit entry, in the caller's transaction (the caller locked the row).
 */
@Injectable()
export class VoteTransitions {
  constructor(
    private readonly votes: VoteRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Throws unless `action` may be taken from the vote's state. */
  guard(row: VoteRow, action: Exclude<VoteAction, 'create'>): void {
    if (!voteTransitionOf(action, row.status as VoteStatus)) throw voteWrongStatus(row.status as VoteStatus, action);
  }

  async create(tx: ReviewsTx, cycleNumber: number, basis: string): Promise<string> {
    const now = this.clock.now();
    const id = await this.votes.create(tx, { cycleNumber, basis, createdAt: now });
    await this.record(tx, { id, cycleNumber, basis }, 'create', null, { cycleNumber });
    return id;
  }

  /** Applies `action` with its changes (`data`) to a locked vote and records it; `after` is what the audit keeps. */
  async apply(
    tx: ReviewsTx,
    row: VoteRow,
    action: Exclude<VoteAction, 'create'>,
    data: Parameters<VoteRepository['update']>[2],
    after: Record<string, unknown>,
  ): Promise<void> {
    this.guard(row, action);
    const transition = voteTransitionOf(action, row.status as VoteStatus);
    await this.votes.update(tx, row.id, { ...data, status: transition?.to });
    await this.record(tx, row, action, row.status as VoteStatus, after);
  }

  private async record(
    tx: ReviewsTx,
    row: { id: string; cycleNumber: number; basis: string },
    action: VoteAction,
    from: VoteStatus | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    const transition = voteTransitionOf(action, from);
    if (!transition) return;
    const now = this.clock.now();
    const actor = acting().label;
    if (transition.event) {
      const payload: VoteTransitionPayload = {
        voteId: row.id,
        cycleNumber: row.cycleNumber,
        from,
        to: transition.to,
        basis: row.basis,
        actor,
        at: now.toISOString(),
      };
      await this.outbox.add(tx, transition.event, payload);
    }
    await this.audit.record(tx, {
      action: `vote.${action}`,
      targetType: 'vote',
      targetId: row.id,
      basis: row.basis,
      before: from ? { status: from } : null,
      after: { status: transition.to, ...after },
    });
  }
}
