import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { HIDING_STATES } from '../conflict/conflict.lifecycle';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type ReviewApplicationRow = Prisma.ReviewApplicationGetPayload<object>;

/** Who reads: the office and the leading group every application; an expert (by its expert id) a filtered set. */
export type Reader = { kind: 'office' } | { kind: 'expert'; expertId: string };

/**
 * THE visibility rule (回避), written once: an expert reads only the applications it is assigned to (in any stage),
 * and never one it has a conflict flag with that is recused or not yet decided. Every read of an application by an
 * expert goes through this filter, in the query. Assigned, the expert sees the application's name and facts — and can
 * declare a conflict — before any material opens.
 */
export function visibleTo(reader: Reader): Prisma.ReviewApplicationWhereInput {
  if (reader.kind === 'office') return {};
  return {
    conflicts: { none: { expertId: reader.expertId, status: { in: [...HIDING_STATES] } } },
    assignments: { some: { expertId: reader.expertId, status: 'assigned' } },
  };
}

/** The reviews service's copy of accepted applications. */
@Injectable()
export class ReviewApplicationRepository {
  /** One application, only if the reader may see it. */
  findVisible(tx: ReviewsTx, id: string, reader: Reader): Promise<ReviewApplicationRow | null> {
    return tx.reviewApplication.findFirst({ where: { AND: [{ id }, visibleTo(reader)] } });
  }

  async pageVisible(tx: ReviewsTx, reader: Reader, filter: { cycle?: number }, page: PageRequest) {
    const where: Prisma.ReviewApplicationWhereInput = {
      AND: [filter.cycle ? { cycleNumber: filter.cycle } : {}, visibleTo(reader)],
    };
    const rows = await tx.reviewApplication.findMany({ ...pageArgs(page, where), orderBy: { id: 'asc' } });
    return pageOf(rows, page);
  }

  /** Every application, for detection (not a read by anyone). */
  all(tx: ReviewsTx): Promise<ReviewApplicationRow[]> {
    return tx.reviewApplication.findMany({ orderBy: { id: 'asc' } });
  }

  /** The cycle's accepted applications (the office's view, for a stage's entrants). */
  ofCycle(tx: ReviewsTx, cycleNumber: number): Promise<ReviewApplicationRow[]> {
    return tx.reviewApplication.findMany({ where: { cycleNumber }, orderBy: [{ acceptedAt: 'asc' }, { id: 'asc' }] });
  }

  exists(tx: ReviewsTx, id: string): Promise<ReviewApplicationRow | null> {
    return tx.reviewApplication.findUnique({ where: { id } });
  }

  async insert(tx: ReviewsTx, data: Omit<Prisma.ReviewApplicationUncheckedCreateInput, 'tenantId'>): Promise<void> {
    await tx.reviewApplication.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }
}
