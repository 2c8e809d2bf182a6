import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type LoadedRubricRow = Prisma.LoadedRubricGetPayload<object>;

/** The rubrics the tenant's office loaded, every version (a version is never updated). */
@Injectable()
export class LoadedRubricRepository {
  all(tx: ReviewsTx): Promise<LoadedRubricRow[]> {
    return tx.loadedRubric.findMany({ orderBy: [{ rubricKey: 'asc' }, { version: 'desc' }] });
  }

  find(tx: ReviewsTx, rubricKey: string, version: number): Promise<LoadedRubricRow | null> {
    return tx.loadedRubric.findUnique({
      where: { tenantId_rubricKey_version: { tenantId: RequestContexts.requireTenant(), rubricKey, version } },
    });
  }

  /** The newest version loaded for a standard's code, or null. */
  newestFor(tx: ReviewsTx, standard: string): Promise<LoadedRubricRow | null> {
    return tx.loadedRubric.findFirst({ where: { standard }, orderBy: { version: 'desc' } });
  }

  async latestVersion(tx: ReviewsTx, rubricKey: string): Promise<number> {
    const row = await tx.loadedRubric.findFirst({ where: { rubricKey }, orderBy: { version: 'desc' } });
    return row?.version ?? 0;
  }

  async create(tx: ReviewsTx, data: Omit<LoadedRubricRow, 'id' | 'tenantId'>): Promise<LoadedRubricRow> {
    return tx.loadedRubric.create({
      data: {
        ...data,
        document: data.document as Prisma.InputJsonValue,
        id: randomUUID(),
        tenantId: RequestContexts.requireTenant(),
      },
    });
  }
}
