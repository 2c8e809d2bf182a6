import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type CompositeAssessmentRow = Prisma.CompositeAssessmentGetPayload<object>;

/** The office's composite evaluation per application of an unscored policy (ili 第十六条, xinzhou-district 第十三条). */
@Injectable()
export class CompositeAssessmentRepository {
  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<CompositeAssessmentRow[]> {
    return tx.compositeAssessment.findMany({ where: { cycleNumber }, orderBy: { decidedAt: 'asc' } });
  }

  find(tx: ReviewsTx, cycleNumber: number, applicationId: string): Promise<CompositeAssessmentRow | null> {
    const tenantId = RequestContexts.requireTenant();
    return tx.compositeAssessment.findUnique({
      where: { tenantId_cycleNumber_applicationId: { tenantId, cycleNumber, applicationId } },
    });
  }

  /** Records the assessment; recorded again, the later one stands (the audit keeps the earlier). */
  async put(tx: ReviewsTx, data: Omit<CompositeAssessmentRow, 'tenantId'>): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    const { cycleNumber, applicationId, ...rest } = data;
    await tx.compositeAssessment.upsert({
      where: { tenantId_cycleNumber_applicationId: { tenantId, cycleNumber, applicationId } },
      create: { ...data, tenantId },
      update: rest,
    });
  }
}
