import { AuditTrail, acting, Clock } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { AssignmentRepository } from './assignment.repository';

/**
 * The one place assignments change: each change is a row update and a history entry (who, when, what, why) in the
 * caller's transaction; withdrawals for a conflict are audited too.
 */
@Injectable()
export class AssignmentChanges {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Assigns the pairs of a stage (reusing a removed row of the same pair, which keeps its history). */
  async assign(
    tx: ReviewsTx,
    stageId: string,
    pairs: readonly { applicationId: string; expertId: string }[],
    how: { source: 'solver' | 'office'; locked: boolean; reason: string | null; action: string },
  ): Promise<string[]> {
    if (pairs.length === 0) return [];
    const who = acting().label;
    const now = this.clock.now();
    const rows = new Map(
      (await this.assignments.everyOfStage(tx, stageId)).map((r) => [`${r.applicationId}|${r.expertId}`, r]),
    );
    const data = {
      status: 'assigned',
      locked: how.locked,
      source: how.source,
      reason: how.reason,
      decidedBy: who,
      decidedAt: now,
    };
    const ids: string[] = [];
    const fresh: { applicationId: string; expertId: string }[] = [];
    for (const pair of pairs) {
      const existing = rows.get(`${pair.applicationId}|${pair.expertId}`);
      if (existing) {
        await this.assignments.update(tx, existing.id, data);
        ids.push(existing.id);
      } else {
        fresh.push(pair);
      }
    }
    ids.push(
      ...(await this.assignments.createMany(
        tx,
        fresh.map((pair) => ({ ...data, ...pair, stageId })),
      )),
    );
    await this.assignments.addHistory(
      tx,
      ids.map((assignmentId) => ({ assignmentId, action: how.action, reason: how.reason, actor: who, at: now })),
    );
    return ids;
  }

  /** Removes current assignments (re-solved away, changed, a member off the panel), each with its history entry. */
  async remove(tx: ReviewsTx, rows: readonly { id: string }[], action: string, reason: string): Promise<void> {
    if (rows.length === 0) return;
    const who = acting().label;
    const now = this.clock.now();
    await this.assignments.markRemoved(
      tx,
      rows.map((row) => row.id),
    );
    await this.assignments.addHistory(
      tx,
      rows.map((row) => ({ assignmentId: row.id, action, reason, actor: who, at: now })),
    );
  }

  /** A history entry for a change that is not an assignment or a removal (a lock, an unlock). */
  async note(tx: ReviewsTx, id: string, action: string, reason: string): Promise<void> {
    await this.assignments.addHistory(tx, [
      { assignmentId: id, action, reason, actor: acting().label, at: this.clock.now() },
    ]);
  }

  /**
   * A conflict flag that hides the application from the expert (detected or recused) withdraws the pair's current
   * assignments in every stage, locked or not, and says so in each one's history and the audit trail.
   */
  async withdrawForConflict(
    tx: ReviewsTx,
    pair: { expertId: string; applicationId: string },
    conflict: { id: string; status: string; kind: string; basis: string },
  ): Promise<number> {
    const rows = await this.assignments.ofPair(tx, pair.expertId, pair.applicationId);
    if (rows.length === 0) return 0;
    const label = conflict.status === 'recused' ? '已回避' : '待决定';
    await this.remove(
      tx,
      rows,
      'withdraw',
      `利益冲突（${label}，${conflict.kind}）：专家不得评审该申报 / conflict of interest (${conflict.status}): the expert may not review this application`,
    );
    for (const row of rows) {
      await this.audit.record(tx, {
        action: 'assignment.withdraw',
        targetType: 'assignment',
        targetId: row.id,
        basis: conflict.basis,
        before: { status: 'assigned', locked: row.locked },
        after: { status: 'removed', conflictId: conflict.id, conflictStatus: conflict.status },
      });
    }
    return rows.length;
  }
}
