import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import type { Applicant } from '../generated/prisma/client';

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

  list(tx: ApplicationsTx): Promise<ApplicantRow[]> {
    return tx.applicant.findMany({ orderBy: { createdAt: 'asc' }, take: 1000 });
  }
}
