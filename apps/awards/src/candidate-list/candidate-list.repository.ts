import { randomUUID } from 'node:crypto';
import type { CandidateListPublishedPayload } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withEntries = { entries: { orderBy: { position: 'asc' } } } as const satisfies Prisma.CandidateListInclude;
export type CandidateListRow = Prisma.CandidateListGetPayload<{ include: typeof withEntries }>;

/** The candidate lists the awards service recorded, one per cycle. */
@Injectable()
export class CandidateListRepository {
  ofCycle(tx: AwardsTx, cycleNumber: number): Promise<CandidateListRow | null> {
    return tx.candidateList.findUnique({
      where: { tenantId_cycleNumber: { tenantId: RequestContexts.requireTenant(), cycleNumber } },
      include: withEntries,
    });
  }

  /** The list of the latest cycle that has one. */
  latest(tx: AwardsTx): Promise<CandidateListRow | null> {
    return tx.candidateList.findFirst({
      where: { tenantId: RequestContexts.requireTenant() },
      orderBy: { cycleNumber: 'desc' },
      include: withEntries,
    });
  }

  /** Records the list unless this list, or another list of the cycle, is recorded already; true if it recorded. */
  async recordOnce(tx: AwardsTx, list: CandidateListPublishedPayload, receivedAt: Date): Promise<boolean> {
    const tenantId = RequestContexts.requireTenant();
    const id = randomUUID();
    const inserted = await tx.$executeRaw`
      INSERT INTO candidate_list (id, tenant_id, list_id, cycle_number, stages, basis, published_by, published_at, received_at)
      VALUES (${id}::uuid, ${tenantId}::uuid, ${list.id}::uuid, ${list.cycleNumber}, ${list.stages}::text[], ${list.basis},
              ${list.publishedBy}, ${new Date(list.publishedAt)}, ${receivedAt})
      ON CONFLICT DO NOTHING`;
    if (inserted === 0) return false;
    await tx.candidateListEntry.createMany({
      data: list.entries.map((entry) => ({ ...entry, candidateListId: id, tenantId })),
    });
    return true;
  }
}
