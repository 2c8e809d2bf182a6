import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import type { Prisma } from '../generated/prisma/client';
import type { CycleWarning, StagePlan } from './cycle-rules.util';

type CycleBase = Prisma.CycleGetPayload<Record<string, never>>;
export type CycleRow = CycleBase & {
  stages: Prisma.CycleStageGetPayload<Record<string, never>>[];
  quotas: Prisma.CycleQuotaGetPayload<Record<string, never>>[];
  policyVersion: Prisma.PolicyVersionGetPayload<Record<string, never>>;
};

export interface NewCycle {
  programmeId: string;
  number: number;
  year: number;
  opensOn: string;
  closesOn: string;
  policyVersionId: string;
  warnings: CycleWarning[];
  openedBy: string | null;
  openedAt: Date;
  stages: StagePlan[];
  quotas: { tier: string; max: number; binding: string; vacanciesAllowed: boolean; basis: string }[];
}

/** Cycles with their schedule (stages) and quotas. */
@Injectable()
export class CycleRepository {
  async create(tx: AwardsTx, cycle: NewCycle): Promise<CycleRow> {
    const tenantId = RequestContexts.requireTenant();
    const id = randomUUID();
    // One statement at a time: nested writes would have Prisma send several at once on the transaction.
    await tx.cycle.create({
      data: {
        id,
        tenantId,
        programmeId: cycle.programmeId,
        number: cycle.number,
        year: cycle.year,
        opensOn: dateColumn.fromIso(cycle.opensOn),
        closesOn: dateColumn.fromIso(cycle.closesOn),
        policyVersionId: cycle.policyVersionId,
        warnings: cycle.warnings as unknown as Prisma.InputJsonArray,
        openedBy: cycle.openedBy,
        openedAt: cycle.openedAt,
      },
    });
    await tx.cycleStage.createMany({
      data: cycle.stages.map((stage) => ({
        id: randomUUID(),
        tenantId,
        cycleId: id,
        key: stage.key,
        kind: stage.kind,
        position: stage.order,
        nameZh: stage.name.zh,
        nameEn: stage.name.en,
        actorZh: stage.actor?.zh ?? null,
        actorEn: stage.actor?.en ?? null,
        scored: stage.scored,
        basis: stage.basis,
        notices: stage.notices as unknown as Prisma.InputJsonArray,
      })),
    });
    await tx.cycleQuota.createMany({
      data: cycle.quotas.map((quota) => ({ id: randomUUID(), tenantId, cycleId: id, ...quota })),
    });
    return this.one(tx, await tx.cycle.findUniqueOrThrow({ where: { id } }));
  }

  openOf(tx: AwardsTx, programmeId: string) {
    return tx.cycle.findFirst({ where: { programmeId, status: 'open' } });
  }

  last(tx: AwardsTx, programmeId: string) {
    return tx.cycle.findFirst({ where: { programmeId }, orderBy: { number: 'desc' } });
  }

  async list(tx: AwardsTx, programmeId: string): Promise<CycleRow[]> {
    return this.withSchedule(tx, await tx.cycle.findMany({ where: { programmeId }, orderBy: { number: 'asc' } }));
  }

  async byNumber(tx: AwardsTx, programmeId: string, number: number): Promise<CycleRow | null> {
    const cycle = await tx.cycle.findUnique({ where: { programmeId_number: { programmeId, number } } });
    return cycle ? this.one(tx, cycle) : null;
  }

  async close(tx: AwardsTx, id: string, closedBy: string | null, closedAt: Date): Promise<CycleRow> {
    return this.one(tx, await tx.cycle.update({ where: { id }, data: { status: 'closed', closedBy, closedAt } }));
  }

  private async one(tx: AwardsTx, cycle: CycleBase): Promise<CycleRow> {
    const [row] = await this.withSchedule(tx, [cycle]);
    if (!row) throw new Error(`cycle ${cycle.id} vanished`);
    return row;
  }

  /**
   * Stages, quotas and pinned versions of some cycles, one query after the other (Prisma's `include` would send
   * them at once on the transaction's single connection).
   */
  private async withSchedule(tx: AwardsTx, cycles: CycleBase[]): Promise<CycleRow[]> {
    const ids = cycles.map((cycle) => cycle.id);
    const stages = await tx.cycleStage.findMany({ where: { cycleId: { in: ids } }, orderBy: { position: 'asc' } });
    const quotas = await tx.cycleQuota.findMany({ where: { cycleId: { in: ids } } });
    const versions = await tx.policyVersion.findMany({
      where: { id: { in: [...new Set(cycles.map((cycle) => cycle.policyVersionId))] } },
    });
    return cycles.map((cycle) => {
      const policyVersion = versions.find((version) => version.id === cycle.policyVersionId);
      if (!policyVersion) throw new Error(`cycle ${cycle.id}: policy version ${cycle.policyVersionId} not found`);
      return {
        ...cycle,
        stages: stages.filter((stage) => stage.cycleId === cycle.id),
        quotas: quotas.filter((quota) => quota.cycleId === cycle.id),
        policyVersion,
      };
    });
  }
}
