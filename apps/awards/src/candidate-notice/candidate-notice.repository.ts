import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { CandidateNotice, CandidateStanding } from '../generated/prisma/client';
import type { CandidateStandingStatus } from './candidate-standing.lifecycle';

export type NewCandidateNotice = Omit<CandidateNotice, 'tenantId'>;
export type StandingChange = Omit<CandidateStanding, 'tenantId'>;

/** The candidate notices the awards service opened and the standings their objections gave candidates. */
@Injectable()
export class CandidateNoticeRepository {
  ofStage(tx: AwardsTx, cycleNumber: number, stage: string): Promise<CandidateNotice | null> {
    return tx.candidateNotice.findUnique({
      where: {
        tenantId_cycleNumber_stage: {
          tenantId: RequestContexts.requireTenant(),
          cycleNumber,
          stage,
        },
      },
    });
  }

  byNotice(tx: AwardsTx, noticeId: string): Promise<CandidateNotice | null> {
    return tx.candidateNotice.findUnique({ where: { noticeId } });
  }

  ofCycle(tx: AwardsTx, cycleNumber: number): Promise<CandidateNotice[]> {
    return tx.candidateNotice.findMany({
      where: { tenantId: RequestContexts.requireTenant(), cycleNumber },
      orderBy: { openedAt: 'asc' },
    });
  }

  /** Records the notice unless one of the stage is recorded already; the row recorded, or null. */
  async create(tx: AwardsTx, row: NewCandidateNotice): Promise<CandidateNotice | null> {
    const tenantId = RequestContexts.requireTenant();
    const created = await tx.candidateNotice.createMany({
      data: [{ ...row, tenantId }],
      skipDuplicates: true,
    });
    return created.count === 0 ? null : tx.candidateNotice.findUnique({ where: { noticeId: row.noticeId } });
  }

  standingOf(tx: AwardsTx, cycleNumber: number, applicationId: string, noticeId: string) {
    return tx.candidateStanding.findUnique({
      where: {
        tenantId_cycleNumber_applicationId_noticeId: {
          tenantId: RequestContexts.requireTenant(),
          cycleNumber,
          applicationId,
          noticeId,
        },
      },
    });
  }

  async saveStanding(tx: AwardsTx, row: StandingChange): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    const { cycleNumber, applicationId, noticeId } = row;
    await tx.candidateStanding.upsert({
      where: {
        tenantId_cycleNumber_applicationId_noticeId: {
          tenantId,
          cycleNumber,
          applicationId,
          noticeId,
        },
      },
      create: { ...row, tenantId },
      update: row,
    });
  }

  standings(tx: AwardsTx, cycleNumber: number, statuses?: readonly CandidateStandingStatus[]) {
    return tx.candidateStanding.findMany({
      where: {
        tenantId: RequestContexts.requireTenant(),
        cycleNumber,
        ...(statuses ? { status: { in: [...statuses] } } : {}),
      },
      orderBy: { recordedAt: 'asc' },
    });
  }
}
