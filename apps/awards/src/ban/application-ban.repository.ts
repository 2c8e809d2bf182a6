import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { ApplicationBan } from '../generated/prisma/client';

export interface NewApplicationBan {
  readonly caseId: string;
  readonly identityKind: string;
  readonly identityValue: string;
  readonly applicantName: string;
  /** permanent: 不再受理 (count and allowedFromYear null). */
  readonly unit: 'years' | 'cycles' | 'permanent';
  readonly count: number | null;
  readonly startYear: number;
  readonly allowedFromYear: number | null;
  readonly basis: string;
  readonly createdAt: Date;
}

/** Application bans (禁止申报) on record: written by a revocation's ban step, read by the ban check. */
@Injectable()
export class ApplicationBanRepository {
  create(tx: AwardsTx, ban: NewApplicationBan): Promise<ApplicationBan> {
    return tx.applicationBan.create({
      data: {
        ...ban,
        id: randomUUID(),
        tenantId: RequestContexts.requireTenant(),
      },
    });
  }

  ofIdentity(tx: AwardsTx, identityKind: string, identityValue: string): Promise<ApplicationBan[]> {
    return tx.applicationBan.findMany({
      where: { identityKind, identityValue },
      orderBy: { startYear: 'asc' },
    });
  }

  list(tx: AwardsTx): Promise<ApplicationBan[]> {
    return tx.applicationBan.findMany({ orderBy: { createdAt: 'desc' } });
  }
}
