import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

export type CommendationDecisionRow = Prisma.CommendationDecisionGetPayload<object>;

export interface NewTitle {
  readonly applicationId: string;
  readonly applicantId: string;
  readonly applicantKind: string;
  readonly applicantName: string;
  readonly creditCode: string | null;
  readonly tier: string;
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly validityBasis: string;
}

export interface NewCommendationDecision {
  readonly cycleNumber: number;
  readonly cycleId: string;
  readonly year: number;
  readonly policyVersion: number;
  readonly approvingBody: string;
  readonly documentNumber: string;
  readonly decidedOn: Date;
  readonly basis: string;
  readonly quotaExceedances: Prisma.InputJsonValue;
  readonly recordedBy: string | null;
  readonly recordedAt: Date;
  readonly titles: readonly NewTitle[];
}

/** Commendation decisions (表彰决定), the titles they grant with their first state change, and the quotas they use. */
@Injectable()
export class CommendationDecisionRepository {
  ofCycle(tx: AwardsTx, cycleNumber: number): Promise<CommendationDecisionRow | null> {
    return tx.commendationDecision.findUnique({
      where: { tenantId_cycleNumber: { tenantId: RequestContexts.requireTenant(), cycleNumber } },
    });
  }

  /** Titles of `tier` the applicant won in cycles before `cycleNumber` (revoked ones are not counted). */
  previousWins(tx: AwardsTx, applicantId: string, tier: string, cycleNumber: number): Promise<number> {
    return tx.title.count({
      where: {
        tenantId: RequestContexts.requireTenant(),
        applicantId,
        tier,
        cycleNumber: { lt: cycleNumber },
        status: { not: 'revoked' },
      },
    });
  }

  /**
   * Records the decision, a title per winner (granted: `grant` in its history) and the quotas' `used` counts, or
   * returns null when the cycle has a decision already (a unique index settles a race).
   */
  async create(tx: AwardsTx, decision: NewCommendationDecision): Promise<CommendationDecisionRow | null> {
    const tenantId = RequestContexts.requireTenant();
    const id = randomUUID();
    const inserted = await tx.$executeRaw`
      INSERT INTO commendation_decision (id, tenant_id, cycle_number, year, policy_version, approving_body,
        document_number, decided_on, basis, quota_exceedances, recorded_by, recorded_at)
      VALUES (${id}::uuid, ${tenantId}::uuid, ${decision.cycleNumber}, ${decision.year}, ${decision.policyVersion},
        ${decision.approvingBody}, ${decision.documentNumber}, ${decision.decidedOn}::date, ${decision.basis},
        ${JSON.stringify(decision.quotaExceedances)}::jsonb, ${decision.recordedBy}, ${decision.recordedAt})
      ON CONFLICT (tenant_id, cycle_number) DO NOTHING`;
    if (inserted === 0) return null;
    for (const title of decision.titles) {
      const titleId = randomUUID();
      await tx.title.create({
        data: {
          ...title,
          id: titleId,
          tenantId,
          decisionId: id,
          cycleNumber: decision.cycleNumber,
          year: decision.year,
          policyVersion: decision.policyVersion,
          status: 'active',
          statusChangedAt: decision.recordedAt,
          createdAt: decision.recordedAt,
        },
      });
      await tx.titleStatusChange.create({
        data: {
          id: randomUUID(),
          tenantId,
          titleId,
          action: 'grant',
          from: null,
          to: 'active',
          reason: `${decision.approvingBody} ${decision.documentNumber}`,
          basis: decision.basis,
          actor: decision.recordedBy,
          at: decision.recordedAt,
        },
      });
    }
    const used = new Map<string, number>();
    for (const title of decision.titles) used.set(title.tier, (used.get(title.tier) ?? 0) + 1);
    for (const [tier, count] of used) {
      await tx.cycleQuota.updateMany({ where: { cycleId: decision.cycleId, tier }, data: { used: count } });
    }
    return tx.commendationDecision.findUniqueOrThrow({ where: { id } });
  }
}
