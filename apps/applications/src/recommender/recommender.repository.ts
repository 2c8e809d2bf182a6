import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Recommender } from '../generated/prisma/client';

export type RecommenderRow = Recommender;

@Injectable()
export class RecommenderRepository {
  create(tx: ApplicationsTx, data: Omit<RecommenderRow, 'id' | 'tenantId'>): Promise<RecommenderRow> {
    return tx.recommender.create({ data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), ...data } });
  }

  find(tx: ApplicationsTx, id: string): Promise<RecommenderRow | null> {
    return tx.recommender.findUnique({ where: { id } });
  }

  byName(tx: ApplicationsTx, name: string): Promise<RecommenderRow | null> {
    return tx.recommender.findFirst({ where: { name } });
  }

  list(tx: ApplicationsTx): Promise<RecommenderRow[]> {
    return tx.recommender.findMany({ orderBy: { name: 'asc' } });
  }
}
