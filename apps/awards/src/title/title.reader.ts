import type { PageRequest, TitleStatus } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withHistory = {
  statusChanges: { orderBy: { seq: 'asc' } },
  reminders: { orderBy: [{ firedAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.TitleInclude;
export type TitleRow = Prisma.TitleGetPayload<{ include: typeof withHistory }>;

export interface TitleFilter {
  readonly cycleNumber?: number;
  readonly applicantId?: string;
  readonly status?: TitleStatus;
}

/**
 * Reads the tenant's titles (称号) with their history of states: by id, by applicant, or a page of a filtered list.
 * Certificates, verification, revocation and duties read titles through here.
 */
@Injectable()
export class TitleReader {
  byId(tx: AwardsTx, titleId: string): Promise<TitleRow | null> {
    return tx.title.findFirst({
      where: { id: titleId, tenantId: RequestContexts.requireTenant() },
      include: withHistory,
    });
  }

  /** Every title the applicant holds or held in the tenant, oldest cycle first. */
  ofApplicant(tx: AwardsTx, applicantId: string): Promise<TitleRow[]> {
    return tx.title.findMany({
      where: { tenantId: RequestContexts.requireTenant(), applicantId },
      include: withHistory,
      orderBy: [{ cycleNumber: 'asc' }, { id: 'asc' }],
    });
  }

  /** Every title of a commendation decision. */
  ofDecision(tx: AwardsTx, decisionId: string): Promise<TitleRow[]> {
    return tx.title.findMany({
      where: { tenantId: RequestContexts.requireTenant(), decisionId },
      include: withHistory,
      orderBy: [{ tier: 'asc' }, { applicantName: 'asc' }, { id: 'asc' }],
    });
  }

  async page(tx: AwardsTx, filter: TitleFilter, page: PageRequest): Promise<{ rows: TitleRow[]; next: string | null }> {
    const where: Prisma.TitleWhereInput = {
      tenantId: RequestContexts.requireTenant(),
      ...(filter.cycleNumber !== undefined ? { cycleNumber: filter.cycleNumber } : {}),
      ...(filter.applicantId ? { applicantId: filter.applicantId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const rows = await tx.title.findMany({
      ...pageArgs(page, where),
      include: withHistory,
      orderBy: [{ cycleNumber: 'desc' }, { id: 'asc' }],
    });
    return pageOf(rows, page);
  }
}
