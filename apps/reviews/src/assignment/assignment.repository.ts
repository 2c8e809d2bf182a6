import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { visibleTo } from '../application/review-application.repository';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withDetails = {
  expert: { select: { name: true } },
  application: { select: { applicantName: true, applicantKind: true } },
  history: { orderBy: { seq: 'asc' } },
} as const satisfies Prisma.AssignmentInclude;

export type AssignmentRow = Prisma.AssignmentGetPayload<{ include: typeof withDetails }>;

/** Which expert reviews which application in which stage, and every change of it. */
@Injectable()
export class AssignmentRepository {
  find(tx: ReviewsTx, id: string): Promise<AssignmentRow | null> {
    return tx.assignment.findUnique({ where: { id }, include: withDetails });
  }

  /** The stage's current assignments (status `assigned`). */
  ofStage(tx: ReviewsTx, stageId: string): Promise<AssignmentRow[]> {
    return tx.assignment.findMany({
      where: { stageId, status: 'assigned' },
      include: withDetails,
      orderBy: [{ applicationId: 'asc' }, { expertId: 'asc' }],
    });
  }

  /** The stage's assignments, current and removed, with their history (the office's list). */
  listOfStage(tx: ReviewsTx, stageId: string): Promise<AssignmentRow[]> {
    return tx.assignment.findMany({
      where: { stageId },
      include: withDetails,
      orderBy: [{ status: 'asc' }, { applicationId: 'asc' }, { expertId: 'asc' }],
    });
  }

  /** Locks the stage's assignment row (a lock and a change of one assignment never interleave) and reads it again. */
  async findLocked(tx: ReviewsTx, id: string): Promise<AssignmentRow | null> {
    await tx.$queryRaw`SELECT id FROM assignment WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  /** Every row of the stage, also removed ones (a pair assigned again reuses its row and keeps its history). */
  everyOfStage(tx: ReviewsTx, stageId: string) {
    return tx.assignment.findMany({ where: { stageId } });
  }

  /**
   * The expert's current assignments on applications it may see (THE visibility rule, `visibleTo`, in the query: an
   * assignment never outlives a recusal, and this filter makes sure of it).
   */
  ofExpert(tx: ReviewsTx, expertId: string, applicationId?: string) {
    return tx.assignment.findMany({
      where: {
        expertId,
        status: 'assigned',
        ...(applicationId ? { applicationId } : {}),
        application: visibleTo({ kind: 'expert', expertId }),
      },
      include: {
        application: true,
        stage: {
          select: { id: true, cycleNumber: true, stageKey: true, kind: true, nameZh: true, nameEn: true, status: true },
        },
      },
      orderBy: [{ decidedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Current assignments of a pair (any stage), e.g. when a conflict is raised on it. */
  ofPair(tx: ReviewsTx, expertId: string, applicationId: string): Promise<AssignmentRow[]> {
    return tx.assignment.findMany({ where: { expertId, applicationId, status: 'assigned' }, include: withDetails });
  }

  async isAssigned(tx: ReviewsTx, key: { stageId: string; applicationId: string; expertId: string }): Promise<boolean> {
    const row = await tx.assignment.findFirst({
      where: {
        ...key,
        status: 'assigned',
        application: visibleTo({ kind: 'expert', expertId: key.expertId }),
      },
      select: { id: true },
    });
    return row !== null;
  }

  async create(tx: ReviewsTx, data: Omit<Prisma.AssignmentUncheckedCreateInput, 'id' | 'tenantId'>): Promise<string> {
    const id = randomUUID();
    await tx.assignment.create({ data: { ...data, id, tenantId: RequestContexts.requireTenant() } });
    return id;
  }

  /** Creates many assignments in one statement; returns their ids in order. */
  async createMany(
    tx: ReviewsTx,
    rows: Omit<Prisma.AssignmentUncheckedCreateInput, 'id' | 'tenantId'>[],
  ): Promise<string[]> {
    const tenantId = RequestContexts.requireTenant();
    const data = rows.map((row) => ({ ...row, id: randomUUID(), tenantId }));
    if (data.length > 0) await tx.assignment.createMany({ data });
    return data.map((row) => row.id);
  }

  /** Marks assignments removed (and unlocked): their rows and history stay. */
  async markRemoved(tx: ReviewsTx, ids: string[]): Promise<void> {
    await tx.assignment.updateMany({ where: { id: { in: ids } }, data: { status: 'removed', locked: false } });
  }

  async update(tx: ReviewsTx, id: string, data: Prisma.AssignmentUncheckedUpdateInput): Promise<void> {
    await tx.assignment.update({ where: { id }, data });
  }

  async addHistory(
    tx: ReviewsTx,
    rows: Omit<Prisma.AssignmentHistoryUncheckedCreateInput, 'id' | 'tenantId'>[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const tenantId = RequestContexts.requireTenant();
    await tx.assignmentHistory.createMany({ data: rows.map((row) => ({ ...row, id: randomUUID(), tenantId })) });
  }
}
