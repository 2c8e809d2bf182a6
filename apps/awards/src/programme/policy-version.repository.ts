import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import type { Policy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

/** A programme's policy versions: rows are only ever added (the table refuses UPDATE and DELETE). */
@Injectable()
export class PolicyVersionRepository {
  create(
    tx: AwardsTx,
    data: {
      programmeId: string;
      version: number;
      document: Policy;
      appliesFromCycle: number;
      createdBy: string | null;
      createdAt: Date;
    },
  ) {
    return tx.policyVersion.create({
      data: {
        id: randomUUID(),
        tenantId: RequestContexts.requireTenant(),
        ...data,
        document: data.document as unknown as Prisma.InputJsonObject,
      },
    });
  }

  latest(tx: AwardsTx, programmeId: string) {
    return tx.policyVersion.findFirst({ where: { programmeId }, orderBy: { version: 'desc' } });
  }

  byVersion(tx: AwardsTx, programmeId: string, version: number) {
    return tx.policyVersion.findUnique({ where: { programmeId_version: { programmeId, version } } });
  }
}
