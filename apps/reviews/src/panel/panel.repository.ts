import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

const withMembers = {
  members: { include: { expert: { select: { name: true, status: true } } }, orderBy: { expertId: 'asc' } },
} as const satisfies Prisma.PanelInclude;

export type PanelRow = Prisma.PanelGetPayload<{ include: typeof withMembers }>;
export type PanelMemberRow = PanelRow['members'][number];

/** A stage's panel (评审组) and its members. */
@Injectable()
export class PanelRepository {
  ofStage(tx: ReviewsTx, stageId: string): Promise<PanelRow | null> {
    return tx.panel.findUnique({ where: { stageId }, include: withMembers });
  }

  /** Sets the panel of a stage: its name and size (a recorded decision) and exactly these members. */
  async put(
    tx: ReviewsTx,
    stageId: string,
    panel: { name: string; size: number; sizeReason: string; sizeDecidedBy: string | null; sizeDecidedAt: Date },
    members: { expertId: string; minLoad: number; maxLoad: number; addedBy: string | null; addedAt: Date }[],
  ): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    const existing = await tx.panel.findUnique({ where: { stageId }, include: withMembers });
    const id = existing?.id ?? randomUUID();
    if (existing) await tx.panel.update({ where: { id }, data: panel });
    else await tx.panel.create({ data: { ...panel, id, tenantId, stageId } });
    const kept = new Map(existing?.members.map((m) => [m.expertId, m]) ?? []);
    const wanted = new Set(members.map((m) => m.expertId));
    const gone = [...kept.keys()].filter((expertId) => !wanted.has(expertId));
    if (gone.length > 0) await tx.panelMember.deleteMany({ where: { panelId: id, expertId: { in: gone } } });
    for (const member of members) {
      const before = kept.get(member.expertId);
      if (before) {
        await tx.panelMember.update({
          where: { id: before.id },
          data: { minLoad: member.minLoad, maxLoad: member.maxLoad },
        });
      } else {
        await tx.panelMember.create({ data: { ...member, id: randomUUID(), tenantId, panelId: id } });
      }
    }
  }
}
