import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withDetails = {
  items: { orderBy: { itemKey: 'asc' } },
  revisions: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.ScoreSheetInclude;

export type ScoreSheetRow = Prisma.ScoreSheetGetPayload<{ include: typeof withDetails }>;
export type StageRubricRow = Prisma.StageRubricGetPayload<object>;

export interface SheetKey {
  cycleNumber: number;
  stageKey: string;
  applicationId: string;
  expertId: string;
}

/** Score sheets with their items and revisions, and the office's recorded rubric per stage. */
@Injectable()
export class ScoreSheetRepository {
  find(tx: ReviewsTx, id: string): Promise<ScoreSheetRow | null> {
    return tx.scoreSheet.findUnique({ where: { id }, include: withDetails });
  }

  /** The sheet of this expert for this application and stage, to read. */
  findByKey(tx: ReviewsTx, key: SheetKey): Promise<ScoreSheetRow | null> {
    return tx.scoreSheet.findUnique({
      where: { cycleNumber_stageKey_applicationId_expertId: key },
      include: withDetails,
    });
  }

  /** The sheet of this expert for this application and stage, locked for a change. */
  async findByKeyLocked(tx: ReviewsTx, key: SheetKey): Promise<ScoreSheetRow | null> {
    await tx.$queryRaw`SELECT id FROM score_sheet WHERE cycle_number = ${key.cycleNumber} AND stage_key = ${key.stageKey}
      AND application_id = ${key.applicationId}::uuid AND expert_id = ${key.expertId}::uuid FOR UPDATE`;
    return tx.scoreSheet.findUnique({
      where: { cycleNumber_stageKey_applicationId_expertId: key },
      include: withDetails,
    });
  }

  async findLocked(tx: ReviewsTx, id: string): Promise<ScoreSheetRow | null> {
    await tx.$queryRaw`SELECT id FROM score_sheet WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  /** Sheets of a stage: every sheet, or one expert's. */
  ofStage(tx: ReviewsTx, cycleNumber: number, stageKey: string, expertId?: string): Promise<ScoreSheetRow[]> {
    return tx.scoreSheet.findMany({
      where: { cycleNumber, stageKey, ...(expertId ? { expertId } : {}) },
      include: withDetails,
      orderBy: [{ applicationId: 'asc' }, { expertId: 'asc' }],
    });
  }

  async create(
    tx: ReviewsTx,
    data: Omit<Prisma.ScoreSheetUncheckedCreateInput, 'id' | 'tenantId' | 'items' | 'revisions'>,
  ): Promise<string> {
    const id = randomUUID();
    await tx.scoreSheet.create({ data: { ...data, id, tenantId: RequestContexts.requireTenant() } });
    return id;
  }

  async update(tx: ReviewsTx, id: string, data: Prisma.ScoreSheetUncheckedUpdateInput): Promise<void> {
    await tx.scoreSheet.update({ where: { id }, data });
  }

  /** Writes the given items (new or replacing the saved ones of the same key). */
  async putItems(
    tx: ReviewsTx,
    sheetId: string,
    items: readonly { itemKey: string; score: number; strengths: string | null; improvements: string | null }[],
  ): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    for (const item of items) {
      const values = { score: item.score, strengths: item.strengths, improvements: item.improvements };
      await tx.scoreItem.upsert({
        where: { sheetId_itemKey: { sheetId, itemKey: item.itemKey } },
        create: { id: randomUUID(), tenantId, sheetId, itemKey: item.itemKey, ...values },
        update: values,
      });
    }
  }

  async addRevision(
    tx: ReviewsTx,
    data: Omit<Prisma.ScoreRevisionUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.scoreRevision.create({ data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() } });
  }

  stageRubric(tx: ReviewsTx, cycleNumber: number, stageKey: string, applicantKind: string) {
    return tx.stageRubric.findUnique({
      where: {
        tenantId_cycleNumber_stageKey_applicantKind: {
          tenantId: RequestContexts.requireTenant(),
          cycleNumber,
          stageKey,
          applicantKind,
        },
      },
    });
  }

  async putStageRubric(tx: ReviewsTx, data: Omit<StageRubricRow, 'tenantId'>): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    const { cycleNumber, stageKey, applicantKind } = data;
    await tx.stageRubric.upsert({
      where: { tenantId_cycleNumber_stageKey_applicantKind: { tenantId, cycleNumber, stageKey, applicantKind } },
      create: { ...data, tenantId },
      update: data,
    });
  }
}
