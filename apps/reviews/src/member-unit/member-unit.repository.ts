import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type MemberUnitRow = Prisma.MemberUnitGetPayload<object>;

/** The leading group's member units of the tenant. */
@Injectable()
export class MemberUnitRepository {
  all(tx: ReviewsTx): Promise<MemberUnitRow[]> {
    return tx.memberUnit.findMany({ orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] });
  }
  ofUser(tx: ReviewsTx, userId: string): Promise<MemberUnitRow | null> {
    return tx.memberUnit.findUnique({
      where: { tenantId_userId: { tenantId: RequestContexts.requireTenant(), userId } },
    });
  }
  named(tx: ReviewsTx, name: string): Promise<MemberUnitRow | null> {
    return tx.memberUnit.findUnique({ where: { tenantId_name: { tenantId: RequestContexts.requireTenant(), name } } });
  }
  findLocked(tx: ReviewsTx, id: string): Promise<MemberUnitRow | null> {
    return tx.memberUnit.findUnique({ where: { id } });
  }

  update(tx: ReviewsTx, id: string, data: { creditCode: string | null; subordinateCreditCodes: string[] }) {
    return tx.memberUnit.update({ where: { id }, data });
  }

  async create(
    tx: ReviewsTx,
    data: {
      name: string;
      userId: string;
      creditCode: string | null;
      subordinateCreditCodes: string[];
      recordedBy: string | null;
      recordedAt: Date;
    },
  ) {
    const id = randomUUID();
    return tx.memberUnit.create({ data: { ...data, id, tenantId: RequestContexts.requireTenant() } });
  }
}
