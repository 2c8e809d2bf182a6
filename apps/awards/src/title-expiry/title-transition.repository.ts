import { randomUUID } from 'node:crypto';
import { DomainError, type TitleAction, type TitleStatus } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { titleTransitionOf } from '../title/title.lifecycle';

export interface TitleTransitionInput {
  readonly titleId: string;
  readonly action: TitleAction;
  readonly from: TitleStatus;
  readonly reason: string | null;
  readonly basis: string;
  readonly actor: string | null;
  readonly at: Date;
  /** For `require_rectification`: the day by which the winner must rectify. */
  readonly rectifyBy?: string | null;
  /** For `keep` and `confirm_rectification`: the new last valid day the office recorded. */
  readonly validUntil?: string;
}

/** Moves a title along its lifecycle table (title.lifecycle.ts) and records the change (who, when, why, article). */
@Injectable()
export class TitleTransitionRepository {
  /** Active titles with a last valid day, across tenants (the deadline source of their expiry jobs). */
  activeWithValidity(tx: AwardsTx) {
    return tx.title.findMany({
      where: { status: 'active', validUntil: { not: null } },
      select: { id: true, tenantId: true, validUntil: true },
    });
  }

  async apply(tx: AwardsTx, input: TitleTransitionInput): Promise<TitleStatus> {
    const row = titleTransitionOf(input.action, input.from);
    if (!row) {
      throw DomainError.conflict(
        {
          zh: `称号当前状态不允许此操作（${input.action}）`,
          en: `A title in state ${input.from} cannot ${input.action}`,
        },
        { field: 'action', reason: 'not_allowed_in_state', status: input.from },
      );
    }
    const tenantId = RequestContexts.requireTenant();
    // Guarded by the state read: a concurrent change makes the count 0 and the caller retries or refuses.
    const moved = await tx.title.updateMany({
      where: { id: input.titleId, tenantId, status: input.from },
      data: {
        status: row.to,
        statusChangedAt: input.at,
        rectifyBy: input.rectifyBy ? dateColumn.fromIso(input.rectifyBy) : null,
        ...(input.validUntil ? { validUntil: dateColumn.fromIso(input.validUntil) } : {}),
      },
    });
    if (moved.count !== 1) {
      throw DomainError.conflict(
        { zh: '称号状态已被他人更改，请刷新后重试', en: 'The title changed meanwhile: reload and retry' },
        { field: 'titleId', reason: 'stale_state' },
      );
    }
    await tx.titleStatusChange.create({
      data: {
        id: randomUUID(),
        tenantId,
        titleId: input.titleId,
        action: input.action,
        from: input.from,
        to: row.to,
        reason: input.reason,
        basis: input.basis,
        actor: input.actor,
        at: input.at,
      },
    });
    return row.to;
  }
}
