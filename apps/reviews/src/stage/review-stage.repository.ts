import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withEntrants = {
  entrants: {
    include: { application: { select: { applicantName: true, applicantKind: true } } },
    orderBy: [{ decidedAt: 'asc' }, { applicationId: 'asc' }],
  },
  history: { orderBy: { seq: 'asc' } },
} as const satisfies Prisma.ReviewStageInclude;

export type ReviewStageRow = Prisma.ReviewStageGetPayload<{ include: typeof withEntrants }>;
export type StageEntrantRow = ReviewStageRow['entrants'][number];

/** Review stages of the tenant's cycles, their history and entrants. */
@Injectable()
export class ReviewStageRepository {
  find(tx: ReviewsTx, id: string): Promise<ReviewStageRow | null> {
    return tx.reviewStage.findUnique({ where: { id }, include: withEntrants });
  }

  /** Locks the stage (opening, closing, assigning never interleave) and reads it again. */
  async findLocked(tx: ReviewsTx, id: string): Promise<ReviewStageRow | null> {
    await tx.$queryRaw`SELECT id FROM review_stage WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<ReviewStageRow[]> {
    return tx.reviewStage.findMany({ where: { cycleNumber }, include: withEntrants, orderBy: { stageOrder: 'asc' } });
  }

  byKey(tx: ReviewsTx, cycleNumber: number, stageKey: string): Promise<ReviewStageRow | null> {
    return tx.reviewStage.findUnique({
      where: { tenantId_cycleNumber_stageKey: { tenantId: RequestContexts.requireTenant(), cycleNumber, stageKey } },
      include: withEntrants,
    });
  }

  async create(tx: ReviewsTx, data: Omit<Prisma.ReviewStageUncheckedCreateInput, 'id' | 'tenantId'>): Promise<string> {
    const id = randomUUID();
    await tx.reviewStage.create({ data: { ...data, id, tenantId: RequestContexts.requireTenant() } });
    return id;
  }

  async update(tx: ReviewsTx, id: string, data: Prisma.ReviewStageUncheckedUpdateInput): Promise<void> {
    await tx.reviewStage.update({ where: { id }, data });
  }

  async addHistory(
    tx: ReviewsTx,
    data: Omit<Prisma.ReviewStageHistoryUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.reviewStageHistory.create({
      data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() },
    });
  }

  async addEntrants(
    tx: ReviewsTx,
    rows: Omit<Prisma.StageEntrantUncheckedCreateInput, 'id' | 'tenantId'>[],
  ): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.stageEntrant.createMany({ data: rows.map((row) => ({ ...row, id: randomUUID(), tenantId })) });
  }

  async recordOutcome(
    tx: ReviewsTx,
    stageId: string,
    applicationIds: string[],
    data: { outcome: string; outcomeReason: string; outcomeBy: string | null; outcomeAt: Date },
  ): Promise<void> {
    await tx.stageEntrant.updateMany({ where: { stageId, applicationId: { in: applicationIds } }, data });
  }
}
