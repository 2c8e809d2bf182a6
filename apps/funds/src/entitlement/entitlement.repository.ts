import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { Prisma } from '../generated/prisma/client';

const withDisbursements = {
  disbursements: { orderBy: { seq: 'asc' } },
} as const satisfies Prisma.EntitlementInclude;

export type EntitlementRow = Prisma.EntitlementGetPayload<{ include: typeof withDisbursements }>;

export interface EntitlementFilter {
  budgetYear?: number;
  status?: string;
}

/** Entitlements, with their disbursements. */
@Injectable()
export class EntitlementRepository {
  find(tx: FundsTx, id: string): Promise<EntitlementRow | null> {
    return tx.entitlement.findUnique({ where: { id }, include: withDisbursements });
  }

  /** Locks the entitlement (two instalments of one entitlement never interleave) and reads it again. */
  async findLocked(tx: FundsTx, id: string): Promise<EntitlementRow | null> {
    await tx.$queryRaw`SELECT id FROM entitlement WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  /** The entitlement already made for this cycle, applicant and tier, if any. */
  existing(tx: FundsTx, key: { cycleNumber: number; applicantId: string; tier: string }) {
    return tx.entitlement.findUnique({
      where: { tenantId_cycleNumber_applicantId_tier: { tenantId: RequestContexts.requireTenant(), ...key } },
    });
  }

  /** How often this applicant was granted money for this tier in earlier cycles. */
  earlierGrants(tx: FundsTx, key: { cycleNumber: number; applicantId: string; tier: string }): Promise<number> {
    return tx.entitlement.count({
      where: {
        applicantId: key.applicantId,
        tier: key.tier,
        cycleNumber: { lt: key.cycleNumber },
        status: 'obligated',
      },
    });
  }

  /** Obligated entitlements, oldest first: those whose use is reported. */
  obligated(tx: FundsTx): Promise<EntitlementRow[]> {
    return tx.entitlement.findMany({
      where: { status: 'obligated' },
      include: withDisbursements,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /**
   * A recipient's award money, oldest first: obligated, and awaiting the decision on an amount the regulation leaves
   * open (`amount_undecided`), so the winner sees it before it is decided.
   */
  ofRecipient(tx: FundsTx, applicantId: string): Promise<EntitlementRow[]> {
    return tx.entitlement.findMany({
      where: { status: { in: ['obligated', 'amount_undecided'] }, applicantId },
      include: withDisbursements,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async insert(tx: FundsTx, data: Omit<Prisma.EntitlementUncheckedCreateInput, 'tenantId'>): Promise<void> {
    await tx.entitlement.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  /** The amount decided for an entitlement left `amount_undecided`, with its new status, transfer and reason. */
  async decideAmount(
    tx: FundsTx,
    id: string,
    data: Pick<
      Prisma.EntitlementUncheckedUpdateInput,
      | 'amountFen'
      | 'status'
      | 'transferId'
      | 'reasonZh'
      | 'reasonEn'
      | 'basis'
      | 'amountDecidedBy'
      | 'amountDocument'
      | 'amountDecisionReason'
      | 'amountRecordedBy'
      | 'amountRecordedAt'
    >,
  ): Promise<void> {
    await tx.entitlement.update({ where: { id }, data });
  }

  async page(tx: FundsTx, filter: EntitlementFilter, page: PageRequest) {
    const where: Prisma.EntitlementWhereInput = {
      ...(filter.budgetYear !== undefined ? { budgetYear: filter.budgetYear } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const rows = await tx.entitlement.findMany({
      ...pageArgs(page, where),
      include: withDisbursements,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return pageOf(rows, page);
  }
}
