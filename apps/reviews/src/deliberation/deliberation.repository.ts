import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withDecisions = { decisions: { orderBy: { position: 'asc' } } } as const satisfies Prisma.DeliberationInclude;
export type DeliberationRow = Prisma.DeliberationGetPayload<{ include: typeof withDecisions }>;

/** Deliberations and their decisions per candidate. */
@Injectable()
export class DeliberationRepository {
  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<DeliberationRow | null> {
    return tx.deliberation.findUnique({
      where: { tenantId_cycleNumber: { tenantId: RequestContexts.requireTenant(), cycleNumber } },
      include: withDecisions,
    });
  }
  list(tx: ReviewsTx, cycle?: number): Promise<DeliberationRow[]> {
    return tx.deliberation.findMany({
      where: cycle ? { cycleNumber: cycle } : {},
      include: withDecisions,
      orderBy: { cycleNumber: 'desc' },
    });
  }
  async create(
    tx: ReviewsTx,
    data: Omit<Prisma.DeliberationUncheckedCreateInput, 'id' | 'tenantId' | 'decisions'>,
    decisions: { applicationId: string; tier: string | null; reason: string | null }[],
  ): Promise<string> {
    const id = randomUUID();
    const tenantId = RequestContexts.requireTenant();
    await tx.deliberation.create({ data: { ...data, id, tenantId } });
    await tx.deliberationDecision.createMany({
      data: decisions.map((d, position) => ({ ...d, deliberationId: id, tenantId, position })),
    });
    return id;
  }
}
