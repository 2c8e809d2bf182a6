import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { Prisma } from '../generated/prisma/client';

const withHistory = {
  history: { orderBy: { at: 'asc' } },
} as const satisfies Prisma.ClawbackCaseInclude;
export type ClawbackCaseRow = Prisma.ClawbackCaseGetPayload<{
  include: typeof withHistory;
}>;

/** Clawback cases and their history. */
@Injectable()
export class ClawbackCaseRepository {
  find(tx: FundsTx, id: string): Promise<ClawbackCaseRow | null> {
    return tx.clawbackCase.findUnique({ where: { id }, include: withHistory });
  }

  /** Locks the case (two steps on one case never interleave) and reads it again. */
  async findLocked(tx: FundsTx, id: string): Promise<ClawbackCaseRow | null> {
    await tx.$queryRaw`SELECT id FROM clawback_case WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  byRevocation(tx: FundsTx, revocationId: string): Promise<ClawbackCaseRow | null> {
    return tx.clawbackCase.findUnique({
      where: {
        tenantId_revocationId: {
          tenantId: RequestContexts.requireTenant(),
          revocationId,
        },
      },
      include: withHistory,
    });
  }

  list(tx: FundsTx, filter: { status?: string }): Promise<ClawbackCaseRow[]> {
    return tx.clawbackCase.findMany({
      where: filter.status ? { status: filter.status } : {},
      include: withHistory,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Inserts the case; false when this revocation already has one (a concurrent replay). */
  async insert(tx: FundsTx, data: Omit<Prisma.ClawbackCaseUncheckedCreateInput, 'tenantId'>): Promise<boolean> {
    const created = await tx.clawbackCase.createMany({
      data: [{ ...data, tenantId: RequestContexts.requireTenant() }],
      skipDuplicates: true,
    });
    return created.count === 1;
  }

  async update(tx: FundsTx, id: string, data: Prisma.ClawbackCaseUncheckedUpdateInput): Promise<void> {
    await tx.clawbackCase.update({ where: { id }, data });
  }

  /** Whether a step with this ledger transfer was recorded on the case (a replayed recovery, write-off, return). */
  async stepOfTransfer(tx: FundsTx, caseId: string, transferId: string) {
    return tx.clawbackCaseHistory.findFirst({ where: { caseId, transferId } });
  }

  async addHistory(
    tx: FundsTx,
    data: Omit<Prisma.ClawbackCaseHistoryUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.clawbackCaseHistory.create({
      data: {
        ...data,
        id: randomUUID(),
        tenantId: RequestContexts.requireTenant(),
      },
    });
  }

  /** Every case with a deadline still to come, across tenants (the jobs are rebuilt from these). */
  awaitingPayment(tx: FundsTx) {
    return tx.clawbackCase.findMany({
      where: {
        status: { in: ['demanded', 'instalments'] },
        dueAt: { not: null },
      },
      select: {
        id: true,
        tenantId: true,
        remindAt: true,
        remindedAt: true,
        dueAt: true,
        overdueAt: true,
      },
    });
  }
}
