import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';

/**
 * What a revocation reads of a title beyond `TitleReader` (the commendation decision's date, from which the policy's
 * windows run) and the one change it makes to it: `revoke`, with the status change recorded (who, when, the decision
 * as the reason, the article).
 */
@Injectable()
export class TitleRevocationRepository {
  async awardedOn(tx: AwardsTx, decisionId: string): Promise<Date | null> {
    const decision = await tx.commendationDecision.findUnique({ where: { id: decisionId } });
    return decision?.decidedOn ?? null;
  }

  async revoke(
    tx: AwardsTx,
    title: { id: string; status: string },
    change: { reason: string; basis: string; actor: string | null; at: Date },
  ): Promise<void> {
    await tx.title.update({ where: { id: title.id }, data: { status: 'revoked', statusChangedAt: change.at } });
    await tx.titleStatusChange.create({
      data: {
        id: randomUUID(),
        tenantId: RequestContexts.requireTenant(),
        titleId: title.id,
        action: 'revoke',
        from: title.status as never,
        to: 'revoked',
        reason: change.reason,
        basis: change.basis,
        actor: change.actor,
        at: change.at,
      },
    });
  }
}
