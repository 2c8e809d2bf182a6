import type { ConflictStatus, ConflictTransitionPayload } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { AssignmentChanges } from '../assignment/assignment-changes.service';
import type { ReviewsTx } from '../reviews-prisma';
import { conflictWrongStatus } from './conflict.errors';
import { type ConflictAction, conflictTransitionOf, HIDING_STATES } from './conflict.lifecycle';
import { partyIdOf } from './conflict.mapper';
import { ConflictRepository, type ConflictRow } from './conflict.repository';

/** Who is conflicted: exactly one of an expert, a member unit or an office user (with its label). */
export type ConflictParty =
  | { partyKind: 'expert'; expertId: string }
  | { partyKind: 'member_unit'; memberUnitId: string }
  | { partyKind: 'office_user'; officeUserId: string; officeUserLabel: string };

export type NewFlag = ConflictParty & {
  applicationId: string;
  kind: string;
  evidence: string;
  basis: string;
  reason?: string | null;
};

/**
 * The one transition step of a conflict flag: guard by the lifecycle table (409 naming the state in Chinese) → change
 * → history, outbox event and audit entry, in the caller's transaction (the caller locked the row). A flag that hides
 * the application from the expert withdraws the pair's assignments (`AssignmentChanges.withdrawForConflict`).
 */
@Injectable()
export class ConflictTransitions {
  constructor(
    private readonly conflicts: ConflictRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly assignments: AssignmentChanges,
  ) {}

  /** A new flag, detected or declared. */
  async raise(tx: ReviewsTx, action: 'detect' | 'declare' | 'report', flag: NewFlag): Promise<ConflictRow> {
    const transition = conflictTransitionOf(action, null);
    if (!transition) throw new Error(`${action} does not start a flag`);
    const now = this.clock.now();
    const decided = transition.to !== 'detected';
    const row = await this.conflicts.create(tx, {
      ...flag,
      reason: flag.reason ?? null,
      status: transition.to,
      detectedAt: now,
      decidedBy: decided ? acting().label : null,
      decidedAt: decided ? now : null,
    });
    await this.record(tx, row, action, null, transition.to, flag.reason ?? null);
    return row;
  }

  /** The office's decision on a flag this transaction has locked and read. */
  async apply(tx: ReviewsTx, row: ConflictRow, action: 'recuse' | 'dismiss', reason: string | null): Promise<void> {
    const from = row.status as ConflictStatus;
    const transition = conflictTransitionOf(action, from);
    if (!transition) throw conflictWrongStatus(from, action);
    const now = this.clock.now();
    await this.conflicts.update(tx, row.id, {
      status: transition.to,
      reason,
      decidedBy: acting().label,
      decidedAt: now,
    });
    await this.record(tx, row, action, from, transition.to, reason);
  }

  private async record(
    tx: ReviewsTx,
    row: ConflictRow,
    action: ConflictAction,
    from: ConflictStatus | null,
    to: ConflictStatus,
    reason: string | null,
  ): Promise<void> {
    const transition = conflictTransitionOf(action, from);
    if (!transition) return;
    const now = this.clock.now();
    const actor = acting().label;
    const payload: ConflictTransitionPayload = {
      conflictId: row.id,
      partyKind: row.partyKind,
      partyId: partyIdOf(row),
      expertId: row.expertId,
      applicationId: row.applicationId,
      kind: row.kind,
      from,
      to,
      reason,
      basis: row.basis,
      actor,
      at: now.toISOString(),
    };
    await this.conflicts.addHistory(tx, {
      conflictId: row.id,
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      actor,
      at: now,
    });
    await this.outbox.add(tx, transition.event, payload);
    await this.audit.record(tx, {
      action: `conflict.${action}`,
      targetType: 'conflict',
      targetId: row.id,
      basis: row.basis,
      before: from ? { status: from } : null,
      after: {
        status: to,
        kind: row.kind,
        evidence: row.evidence,
        partyKind: row.partyKind,
        partyId: partyIdOf(row),
        reason,
      },
    });
    if (row.expertId && HIDING_STATES.includes(to)) {
      await this.assignments.withdrawForConflict(
        tx,
        { expertId: row.expertId, applicationId: row.applicationId },
        { id: row.id, status: to, kind: row.kind, basis: row.basis },
      );
    }
  }
}
