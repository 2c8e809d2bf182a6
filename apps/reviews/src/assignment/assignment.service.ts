import type { AssignmentChangeBody, AssignmentLockBody, AssignmentView } from '@laurel/contracts';
import { AuditTrail, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { ConflictRepository } from '../conflict/conflict.repository';
import { PartyRecusal } from '../conflict/party-recusal.service';
import { panelNotSet } from '../panel/panel.errors';
import { PanelRepository } from '../panel/panel.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { reviewStageNotFound, reviewStageWrongStatus } from '../stage/review-stage.errors';
import { ASSIGNABLE_STATES } from '../stage/review-stage.lifecycle';
import { ReviewStageRepository, type ReviewStageRow } from '../stage/review-stage.repository';
import {
  assignmentInfeasible,
  assignmentNotFound,
  expertAlreadyAssigned,
  expertAtMaxLoad,
  expertInConflict,
  expertNotOnPanel,
} from './assignment.errors';
import { toAssignmentView } from './assignment.mapper';
import { AssignmentRepository, type AssignmentRow } from './assignment.repository';
import { AssignmentChanges } from './assignment-changes.service';
import { pairKey, solveAssignment } from './solver/solve-assignment';

/**
 * A stage's assignment of experts to applications: the solver's (min-cost flow, `solveAssignment`) over the stage's
 * entrants and its panel, never a pair with a recused or undecided conflict (`HIDING_STATES`); the office locks or
 * changes single assignments with a reason, and a re-solve keeps locked pairs.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly assignments: AssignmentRepository,
    private readonly changes: AssignmentChanges,
    private readonly stages: ReviewStageRepository,
    private readonly panels: PanelRepository,
    private readonly conflicts: ConflictRepository,
    private readonly audit: AuditTrail,
    private readonly recusal: PartyRecusal,
  ) {}

  async list(stageId: string): Promise<{ assignments: AssignmentView[] }> {
    const rows = await this.database.inTenant(async (tx) => {
      if (!(await this.stages.find(tx, stageId))) throw reviewStageNotFound();
      return this.assignments.listOfStage(tx, stageId);
    });
    return { assignments: rows.map(toAssignmentView) };
  }

  /** Solves the stage's assignment again, keeping locked pairs; 422 naming the binding constraint when none exists. */
  async solve(stageId: string): Promise<{ assignments: AssignmentView[] }> {
    const rows = await this.database.inTenant(async (tx) => {
      const stage = await this.openStage(tx, stageId);
      const panel = await this.panels.ofStage(tx, stageId);
      if (!panel) throw panelNotSet();
      const members = panel.members.filter((m) => m.expert.status === 'active');
      const applicationIds = stage.entrants.map((e) => e.applicationId);
      const hiding = await this.conflicts.hidingPairs(
        tx,
        members.map((m) => m.expertId),
        applicationIds,
      );
      const current = await this.assignments.ofStage(tx, stageId);
      const outcome = solveAssignment({
        panelSize: panel.size,
        applications: stage.entrants.map((e) => ({ id: e.applicationId, name: e.application.applicantName })),
        experts: members.map((m) => ({ id: m.expertId, name: m.expert.name, minLoad: m.minLoad, maxLoad: m.maxLoad })),
        excluded: new Set(hiding.map((h) => pairKey(h.applicationId, h.expertId))),
        locked: current.filter((a) => a.locked),
      });
      if (!outcome.ok) throw assignmentInfeasible(outcome.bindings);
      const wanted = new Set(outcome.pairs.map((p) => pairKey(p.applicationId, p.expertId)));
      const held = new Set(current.map((a) => pairKey(a.applicationId, a.expertId)));
      await this.changes.remove(
        tx,
        current.filter((a) => !wanted.has(pairKey(a.applicationId, a.expertId))),
        'unassign',
        '重新分配 / re-solved',
      );
      const added = outcome.pairs.filter((p) => !held.has(pairKey(p.applicationId, p.expertId)));
      await this.changes.assign(tx, stageId, added, {
        source: 'solver',
        locked: false,
        reason: null,
        action: 'assign',
      });
      await this.audit.record(tx, {
        action: 'assignment.solve',
        targetType: 'review-stage',
        targetId: stageId,
        basis: stage.basis,
        before: { assignments: current.length, locked: current.filter((a) => a.locked).length },
        after: { assignments: outcome.pairs.length, added: added.length, panelSize: panel.size },
      });
      return this.assignments.ofStage(tx, stageId);
    });
    return { assignments: rows.map(toAssignmentView) };
  }

  /** Locks (a re-solve keeps it) or unlocks an assignment, with the reason. */
  async lock(id: string, body: AssignmentLockBody): Promise<AssignmentView> {
    const row = await this.database.inTenant(async (tx) => {
      const row = await this.currentLocked(tx, id);
      await this.assignments.update(tx, id, { locked: body.locked });
      await this.changes.note(tx, id, body.locked ? 'lock' : 'unlock', body.reason);
      await this.audit.record(tx, {
        action: body.locked ? 'assignment.lock' : 'assignment.unlock',
        targetType: 'assignment',
        targetId: id,
        basis: null,
        before: { locked: row.locked },
        after: { locked: body.locked, reason: body.reason },
      });
      return (await this.assignments.find(tx, id)) as AssignmentRow;
    });
    return toAssignmentView(row);
  }

  /** Gives the assignment to another expert of the panel, with the reason; the new pair is locked. */
  async change(id: string, body: AssignmentChangeBody): Promise<AssignmentView> {
    const row = await this.database.inTenant(async (tx) => {
      const row = await this.currentLocked(tx, id);
      const panel = await this.panels.ofStage(tx, row.stageId);
      const member = panel?.members.find((m) => m.expertId === body.expertId);
      if (!member) throw expertNotOnPanel();
      const hiding = await this.conflicts.hidingPairs(tx, [body.expertId], [row.applicationId]);
      if (hiding.length > 0) throw expertInConflict();
      const current = await this.assignments.ofStage(tx, row.stageId);
      if (current.some((a) => a.applicationId === row.applicationId && a.expertId === body.expertId)) {
        throw expertAlreadyAssigned();
      }
      if (current.filter((a) => a.expertId === body.expertId).length >= member.maxLoad) {
        throw expertAtMaxLoad(member.maxLoad);
      }
      await this.changes.remove(tx, [row], 'change', body.reason);
      const [created] = await this.changes.assign(
        tx,
        row.stageId,
        [{ applicationId: row.applicationId, expertId: body.expertId }],
        { source: 'office', locked: true, reason: body.reason, action: 'change' },
      );
      await this.audit.record(tx, {
        action: 'assignment.change',
        targetType: 'assignment',
        targetId: created as string,
        basis: null,
        before: { assignmentId: row.id, expertId: row.expertId },
        after: { expertId: body.expertId, applicationId: row.applicationId, reason: body.reason },
      });
      return (await this.assignments.find(tx, created as string)) as AssignmentRow;
    });
    return toAssignmentView(row);
  }

  private async openStage(tx: ReviewsTx, stageId: string): Promise<ReviewStageRow> {
    const stage = await this.stages.findLocked(tx, stageId);
    if (!stage) throw reviewStageNotFound();
    if (!ASSIGNABLE_STATES.includes(stage.status as 'open')) {
      throw reviewStageWrongStatus(stage.status as 'closed', 'assign');
    }
    return stage;
  }

  /** The current assignment, its stage locked and open; refused to an office user recused from its application. */
  private async currentLocked(tx: ReviewsTx, id: string): Promise<AssignmentRow> {
    const found = await this.assignments.find(tx, id);
    if (found?.status !== 'assigned') throw assignmentNotFound();
    await this.recusal.assertOfficeUserFree(tx, [found.applicationId]);
    await this.openStage(tx, found.stageId);
    return (await this.assignments.findLocked(tx, id)) as AssignmentRow;
  }
}
