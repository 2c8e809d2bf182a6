import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { Appropriation } from '../generated/prisma/client';

export type AppropriationRow = Appropriation;

/** The appropriations finance loaded. */
@Injectable()
export class AppropriationRepository {
  find(tx: FundsTx, id: string): Promise<AppropriationRow | null> {
    return tx.appropriation.findUnique({ where: { id } });
  }

  async insert(tx: FundsTx, data: Omit<AppropriationRow, 'tenantId'>): Promise<void> {
    await tx.appropriation.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  list(tx: FundsTx, budgetYear?: number): Promise<AppropriationRow[]> {
    return tx.appropriation.findMany({
      where: budgetYear === undefined ? {} : { budgetYear },
      orderBy: [{ budgetYear: 'desc' }, { loadedAt: 'asc' }, { id: 'asc' }],
    });
  }
}
