import { randomUUID } from 'node:crypto';
import type { ApplicantFilter, PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Applicant, Prisma } from '../generated/prisma/client';
import type { Acting } from '../identity/actor.util';

export type ApplicantRow = Applicant;

/** Text searched for as itself: Prisma's `contains` is a LIKE pattern, whose `%`, `_` and `\` it leaves as they are. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export type NewApplicant = Omit<ApplicantRow, 'id' | 'tenantId'>;

@Injectable()
export class ApplicantRepository {
  create(tx: ApplicationsTx, data: NewApplicant): Promise<ApplicantRow> {
    return tx.applicant.create({ data: { id: randomUUID(), tenantId: RequestContexts.requireTenant(), ...data } });
  }

  find(tx: ApplicationsTx, id: string): Promise<ApplicantRow | null> {
    return tx.applicant.findUnique({ where: { id } });
  }

  byIdentity(tx: ApplicationsTx, identityHash: string): Promise<ApplicantRow | null> {
    return tx.applicant.findFirst({ where: { identityHash } });
  }

  byAccount(tx: ApplicationsTx, userId: string): Promise<ApplicantRow | null> {
    return tx.applicant.findFirst({ where: { accountUserId: userId } });
  }

  /**
   * A page of the applicants the viewer may see (the office all, an applicant account its own) that match the filter
   * (part of the name in any case, the credit code exactly), oldest first.
   */
  async page(tx: ApplicationsTx, viewer: Acting, filter: ApplicantFilter, page: PageRequest) {
    const visible: Prisma.ApplicantWhereInput = viewer.office
      ? {}
      : viewer.applicant && viewer.userId !== null
        ? { accountUserId: viewer.userId }
        : { id: { in: [] } };
    const where: Prisma.ApplicantWhereInput = {
      ...visible,
      ...(filter.name === undefined ? {} : { name: { contains: likeLiteral(filter.name), mode: 'insensitive' } }),
      ...(filter.creditCode === undefined ? {} : { creditCode: filter.creditCode }),
    };
    const rows = await tx.applicant.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page, where),
    });
    return pageOf(rows, page);
  }
}
