import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withSteps = {
  steps: { orderBy: { position: 'asc' } },
} as const satisfies Prisma.RevocationCaseInclude;
export type RevocationCaseRow = Prisma.RevocationCaseGetPayload<{
  include: typeof withSteps;
}>;

/** Revocation cases and their consequence steps. */
@Injectable()
export class RevocationRepository {
  create(tx: AwardsTx, data: Omit<Prisma.RevocationCaseUncheckedCreateInput, 'tenantId'>): Promise<RevocationCaseRow> {
    return tx.revocationCase.create({
      data: { ...data, tenantId: RequestContexts.requireTenant() },
      include: withSteps,
    });
  }

  /** The case, locked for the decision (FOR UPDATE), or null. */
  async lock(tx: AwardsTx, id: string): Promise<RevocationCaseRow | null> {
    await tx.$executeRaw`SELECT 1 FROM revocation_case WHERE id = ${id}::uuid FOR UPDATE`;
    return this.byId(tx, id);
  }

  byId(tx: AwardsTx, id: string): Promise<RevocationCaseRow | null> {
    return tx.revocationCase.findUnique({ where: { id }, include: withSteps });
  }

  /** The cases opened from a duty (refusing duties). */
  ofDuty(tx: AwardsTx, dutyId: string): Promise<RevocationCaseRow[]> {
    return tx.revocationCase.findMany({
      where: { dutyId, tenantId: RequestContexts.requireTenant() },
      include: withSteps,
    });
  }

  list(tx: AwardsTx): Promise<RevocationCaseRow[]> {
    return tx.revocationCase.findMany({
      orderBy: { openedAt: 'desc' },
      include: withSteps,
    });
  }

  /** Applied cases (newest decision first): the credit record reads them. */
  applied(tx: AwardsTx): Promise<RevocationCaseRow[]> {
    return tx.revocationCase.findMany({
      where: { status: 'applied' },
      orderBy: [{ approvedOn: 'desc' }, { id: 'asc' }],
      include: withSteps,
    });
  }

  update(tx: AwardsTx, id: string, data: Prisma.RevocationCaseUncheckedUpdateInput): Promise<RevocationCaseRow> {
    return tx.revocationCase.update({
      where: { id },
      data,
      include: withSteps,
    });
  }

  addStep(
    tx: AwardsTx,
    step: {
      caseId: string;
      position: number;
      kind: string;
      basis: string;
      detail: object;
      appliedAt: Date;
    },
  ): Promise<unknown> {
    return tx.revocationStep.create({
      data: {
        ...step,
        id: crypto.randomUUID(),
        tenantId: RequestContexts.requireTenant(),
      },
    });
  }
}
