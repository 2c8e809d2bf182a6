import type { PanelBody, PanelView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { AssignmentRepository } from '../assignment/assignment.repository';
import { AssignmentChanges } from '../assignment/assignment-changes.service';
import { ExpertRepository } from '../expert/expert.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { reviewStageNotFound, reviewStageWrongStatus } from '../stage/review-stage.errors';
import { ASSIGNABLE_STATES } from '../stage/review-stage.lifecycle';
import { ReviewStageRepository } from '../stage/review-stage.repository';
import { memberNotInPool, panelNotSet } from './panel.errors';
import { toPanelView } from './panel.mapper';
import { PanelRepository } from './panel.repository';

/** A stage's panel (评审组): the office sets its size (recorded, with a reason) and its members from the pool. */
@Injectable()
export class PanelService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly panels: PanelRepository,
    private readonly stages: ReviewStageRepository,
    private readonly experts: ExpertRepository,
    private readonly assignments: AssignmentRepository,
    private readonly changes: AssignmentChanges,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(stageId: string): Promise<PanelView> {
    return this.database.inTenant(async (tx) => {
      if (!(await this.stages.find(tx, stageId))) throw reviewStageNotFound();
      return this.view(tx, stageId);
    });
  }

  /** Sets the panel while the stage is open; a member taken off loses its assignments in the stage (recorded). */
  async put(stageId: string, body: PanelBody): Promise<PanelView> {
    return this.database.inTenant(async (tx) => {
      const stage = await this.stages.findLocked(tx, stageId);
      if (!stage) throw reviewStageNotFound();
      if (!ASSIGNABLE_STATES.includes(stage.status as 'open'))
        throw reviewStageWrongStatus(stage.status as 'closed', 'panel');
      const pool = new Map((await this.experts.all(tx)).map((e) => [e.id, e]));
      body.members.forEach((member, index) => {
        if (!pool.has(member.expertId)) throw memberNotInPool(index);
      });
      const before = await this.panels.ofStage(tx, stageId);
      const who = acting().label;
      const now = this.clock.now();
      await this.panels.put(
        tx,
        stageId,
        { name: body.name, size: body.size, sizeReason: body.sizeReason, sizeDecidedBy: who, sizeDecidedAt: now },
        body.members.map((m) => ({ ...m, addedBy: who, addedAt: now })),
      );
      const kept = new Set(body.members.map((m) => m.expertId));
      const off = (await this.assignments.ofStage(tx, stageId)).filter((a) => !kept.has(a.expertId));
      await this.changes.remove(tx, off, 'panel-member-removed', '专家已不在评审组 / the expert left the panel');
      await this.audit.record(tx, {
        action: 'panel.put',
        targetType: 'review-stage',
        targetId: stageId,
        basis: stage.basis,
        before: before ? { size: before.size, members: before.members.map((m) => m.expertId) } : null,
        after: { name: body.name, size: body.size, sizeReason: body.sizeReason, members: body.members },
      });
      return this.view(tx, stageId);
    });
  }

  private async view(tx: ReviewsTx, stageId: string): Promise<PanelView> {
    const panel = await this.panels.ofStage(tx, stageId);
    if (!panel) throw panelNotSet();
    const loads = new Map<string, number>();
    for (const a of await this.assignments.ofStage(tx, stageId))
      loads.set(a.expertId, (loads.get(a.expertId) ?? 0) + 1);
    return toPanelView(panel, loads);
  }
}
