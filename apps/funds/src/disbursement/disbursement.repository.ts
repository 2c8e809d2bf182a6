import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { Disbursement, Prisma } from '../generated/prisma/client';

export type DisbursementRow = Disbursement;

/** Disbursements and their history. */
@Injectable()
export class DisbursementRepository {
  find(tx: FundsTx, id: string): Promise<DisbursementRow | null> {
    return tx.disbursement.findUnique({ where: { id } });
  }

  /** Locks the disbursement for its resolution and reads it again. */
  async findLocked(tx: FundsTx, id: string): Promise<DisbursementRow | null> {
    await tx.$queryRaw`SELECT id FROM disbursement WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  async insert(tx: FundsTx, data: Omit<Prisma.DisbursementUncheckedCreateInput, 'tenantId'>): Promise<void> {
    await tx.disbursement.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  async update(tx: FundsTx, id: string, data: Prisma.DisbursementUncheckedUpdateInput): Promise<void> {
    await tx.disbursement.update({ where: { id }, data });
  }

  async addHistory(
    tx: FundsTx,
    data: Omit<Prisma.DisbursementHistoryUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.disbursementHistory.create({
      data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() },
    });
  }
}
