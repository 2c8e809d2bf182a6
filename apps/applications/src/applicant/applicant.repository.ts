import { randomUUID } from 'node:crypto';
import type { PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Applicant } from '../generated/prisma/client';
import type { Acting } from '../identity/actor.util';

export type ApplicantRow = Applicant;
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

  /** A page of the applicants the viewer may see (the office all, an applicant account its own), oldest first. */
  async page(tx: ApplicationsTx, viewer: Acting, page: PageRequest) {
    const visible = viewer.office
      ? {}
      : viewer.applicant && viewer.userId !== null
        ? { accountUserId: viewer.userId }
        : { id: { in: [] } };
    const rows = await tx.applicant.findMany({
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      ...pageArgs(page, visible),
    });
    return pageOf(rows, page);
  }
}
