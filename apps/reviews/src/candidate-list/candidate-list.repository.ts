import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type CandidateListRow = Prisma.CandidateListGetPayload<object>;

/** Published candidate lists, one per cycle. */
@Injectable()
export class CandidateListRepository {
  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<CandidateListRow | null> {
    return tx.candidateList.findUnique({
      where: { tenantId_cycleNumber: { tenantId: RequestContexts.requireTenant(), cycleNumber } },
    });
  }
  async create(tx: ReviewsTx, data: Omit<Prisma.CandidateListUncheckedCreateInput, 'id' | 'tenantId'>) {
    return tx.candidateList.create({ data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() } });
  }
}
