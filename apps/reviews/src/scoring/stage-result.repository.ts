import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type ConsensusRow = Prisma.ConsensusOutcomeGetPayload<object>;
export type StageCutRow = Prisma.StageCutGetPayload<object>;
export type CompositeWeightsRow = Prisma.CompositeWeightsGetPayload<object>;
export type CompositeKindRuleRow = Prisma.CompositeKindRuleGetPayload<object>;

/** The office's recorded decisions on a stage's results: consensus on outliers, the cut, the composite's weights. */
@Injectable()
export class StageResultRepository {
  consensusOf(tx: ReviewsTx, cycleNumber: number, stageKey: string): Promise<ConsensusRow[]> {
    return tx.consensusOutcome.findMany({ where: { cycleNumber, stageKey } });
  }

  consensusOfSheet(tx: ReviewsTx, sheetId: string): Promise<ConsensusRow | null> {
    return tx.consensusOutcome.findUnique({ where: { sheetId } });
  }

  async addConsensus(tx: ReviewsTx, data: Omit<ConsensusRow, 'id' | 'tenantId'>): Promise<void> {
    await tx.consensusOutcome.create({
      data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() },
    });
  }

  cut(tx: ReviewsTx, cycleNumber: number, stageKey: string): Promise<StageCutRow | null> {
    const tenantId = RequestContexts.requireTenant();
    return tx.stageCut.findUnique({ where: { tenantId_cycleNumber_stageKey: { tenantId, cycleNumber, stageKey } } });
  }

  /** The recorded cut whose next stage is `toStage`, if any. */
  cutInto(tx: ReviewsTx, cycleNumber: number, toStage: string): Promise<StageCutRow | null> {
    return tx.stageCut.findFirst({ where: { cycleNumber, toStage } });
  }

  async addCut(tx: ReviewsTx, data: Omit<StageCutRow, 'tenantId'>): Promise<void> {
    await tx.stageCut.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  kindRules(tx: ReviewsTx, cycleNumber: number): Promise<CompositeKindRuleRow[]> {
    return tx.compositeKindRule.findMany({ where: { cycleNumber }, orderBy: { applicantKind: 'asc' } });
  }

  async putKindRule(
    tx: ReviewsTx,
    data: Omit<CompositeKindRuleRow, 'tenantId' | 'weights'> & { weights: Record<string, number> },
  ) {
    const tenantId = RequestContexts.requireTenant();
    const key = { tenantId, cycleNumber: data.cycleNumber, applicantKind: data.applicantKind };
    await tx.compositeKindRule.upsert({
      where: { tenantId_cycleNumber_applicantKind: key },
      create: { ...data, tenantId },
      update: data,
    });
  }

  weights(tx: ReviewsTx, cycleNumber: number): Promise<CompositeWeightsRow | null> {
    const tenantId = RequestContexts.requireTenant();
    return tx.compositeWeights.findUnique({ where: { tenantId_cycleNumber: { tenantId, cycleNumber } } });
  }

  async putWeights(
    tx: ReviewsTx,
    data: Omit<CompositeWeightsRow, 'tenantId' | 'weights'> & { weights: Record<string, number> },
  ) {
    const tenantId = RequestContexts.requireTenant();
    await tx.compositeWeights.upsert({
      where: { tenantId_cycleNumber: { tenantId, cycleNumber: data.cycleNumber } },
      create: { ...data, tenantId },
      update: data,
    });
  }
}
