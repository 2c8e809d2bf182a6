import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ReviewsTx } from '../reviews-prisma';

export type ExpertRow = Prisma.ExpertGetPayload<object>;
export type ExpertWrite = Omit<Prisma.ExpertUncheckedCreateInput, 'tenantId'>;

/** The tenant's expert pool. */
@Injectable()
export class ExpertRepository {
  find(tx: ReviewsTx, id: string): Promise<ExpertRow | null> {
    return tx.expert.findUnique({ where: { id } });
  }

  /** The expert a user account signs in as. */
  ofUser(tx: ReviewsTx, userId: string): Promise<ExpertRow | null> {
    return tx.expert.findUnique({ where: { tenantId_userId: { tenantId: RequestContexts.requireTenant(), userId } } });
  }

  async findLocked(tx: ReviewsTx, id: string): Promise<ExpertRow | null> {
    await tx.$queryRaw`SELECT id FROM expert WHERE id = ${id}::uuid FOR UPDATE`;
    return this.find(tx, id);
  }

  async create(tx: ReviewsTx, data: ExpertWrite): Promise<void> {
    await tx.expert.create({ data: { ...data, tenantId: RequestContexts.requireTenant() } });
  }

  async update(tx: ReviewsTx, id: string, data: Prisma.ExpertUncheckedUpdateInput): Promise<void> {
    await tx.expert.update({ where: { id }, data });
  }

  all(tx: ReviewsTx): Promise<ExpertRow[]> {
    return tx.expert.findMany({ where: { status: 'active' }, orderBy: { id: 'asc' } });
  }

  /** Every expert of the pool, whatever its status (names in score tables). */
  everyone(tx: ReviewsTx): Promise<ExpertRow[]> {
    return tx.expert.findMany({ orderBy: { id: 'asc' } });
  }

  async page(tx: ReviewsTx, filter: { speciality?: string }, page: PageRequest) {
    const where: Prisma.ExpertWhereInput = filter.speciality ? { specialities: { has: filter.speciality } } : {};
    const rows = await tx.expert.findMany({ ...pageArgs(page, where), orderBy: { id: 'asc' } });
    return pageOf(rows, page);
  }
}
