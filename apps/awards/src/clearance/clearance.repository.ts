import { randomUUID } from 'node:crypto';
import type { ClearanceStatus } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withDepartment = { department: true } as const satisfies Prisma.ClearanceRequestInclude;
export type ClearanceRequestRow = Prisma.ClearanceRequestGetPayload<{ include: typeof withDepartment }>;
export type DepartmentRow = Prisma.DepartmentGetPayload<object>;

/** Departments and the clearance requests they are asked. */
@Injectable()
export class ClearanceRepository {
  departments(tx: AwardsTx): Promise<DepartmentRow[]> {
    return tx.department.findMany({ where: { tenantId: RequestContexts.requireTenant() }, orderBy: { name: 'asc' } });
  }

  async createDepartment(
    tx: AwardsTx,
    data: { name: string; key: string | null; userIds: string[]; createdBy: string | null; createdAt: Date },
  ): Promise<DepartmentRow | null> {
    const existing = await tx.department.findFirst({
      where: { tenantId: RequestContexts.requireTenant(), name: data.name },
    });
    if (existing) return null;
    return tx.department.create({ data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() } });
  }

  /** Creates the requests not made yet (the same department about the same candidate once); returns them all. */
  async open(
    tx: AwardsTx,
    requests: Omit<Prisma.ClearanceRequestUncheckedCreateInput, 'id' | 'tenantId' | 'status'>[],
  ): Promise<ClearanceRequestRow[]> {
    const tenantId = RequestContexts.requireTenant();
    await tx.clearanceRequest.createMany({
      data: requests.map((r) => ({ ...r, id: randomUUID(), tenantId, status: 'pending' as const })),
      skipDuplicates: true,
    });
    const first = requests[0];
    if (!first) return [];
    return tx.clearanceRequest.findMany({
      where: { tenantId, cycleNumber: first.cycleNumber, applicationId: first.applicationId },
      include: withDepartment,
      orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
    });
  }

  byId(tx: AwardsTx, id: string): Promise<ClearanceRequestRow | null> {
    return tx.clearanceRequest.findFirst({
      where: { id, tenantId: RequestContexts.requireTenant() },
      include: withDepartment,
    });
  }

  list(tx: AwardsTx, filter: { cycleNumber?: number; userId?: string }): Promise<ClearanceRequestRow[]> {
    return tx.clearanceRequest.findMany({
      where: {
        tenantId: RequestContexts.requireTenant(),
        ...(filter.cycleNumber !== undefined ? { cycleNumber: filter.cycleNumber } : {}),
        ...(filter.userId ? { department: { userIds: { has: filter.userId } } } : {}),
      },
      include: withDepartment,
      orderBy: [{ cycleNumber: 'desc' }, { applicantName: 'asc' }, { requestedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Moves a request from one of `from` to its new state with the fields given; false when it was not in `from`. */
  async transition(
    tx: AwardsTx,
    id: string,
    from: readonly ClearanceStatus[],
    data: Prisma.ClearanceRequestUpdateManyMutationInput,
  ): Promise<boolean> {
    const updated = await tx.clearanceRequest.updateMany({
      where: { id, tenantId: RequestContexts.requireTenant(), status: { in: [...from] } },
      data,
    });
    return updated.count === 1;
  }

  /** Requests of the cycle whose state holds or removes a candidate. */
  ofCycleIn(tx: AwardsTx, cycleNumber: number, statuses: readonly ClearanceStatus[]): Promise<ClearanceRequestRow[]> {
    return tx.clearanceRequest.findMany({
      where: { tenantId: RequestContexts.requireTenant(), cycleNumber, status: { in: [...statuses] } },
      include: withDepartment,
    });
  }

  /** Every request still waiting for a reminder or its due time, across tenants (the deadline source). */
  allWaiting(tx: AwardsTx) {
    return tx.clearanceRequest.findMany({
      where: { status: 'pending' },
      select: { id: true, tenantId: true, remindAt: true, dueAt: true, remindedAt: true },
    });
  }
}
