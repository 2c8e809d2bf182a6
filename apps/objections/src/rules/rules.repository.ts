import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ObjectionsTx } from '../objections-prisma';

export interface RulesRow {
  policyKey: string;
  policyVersion: number;
  objections: unknown;
  reports: unknown;
  notices: unknown;
  updatedAt: Date;
  updatedBy: string | null;
}

@Injectable()
export class RulesRepository {
  find(tx: ObjectionsTx): Promise<RulesRow | null> {
    return tx.objectionRules.findUnique({ where: { tenantId: RequestContexts.requireTenant() } });
  }

  upsert(
    tx: ObjectionsTx,
    rules: Omit<RulesRow, 'objections' | 'reports' | 'notices'> &
      Record<'objections' | 'reports' | 'notices', Prisma.InputJsonValue>,
  ) {
    const tenantId = RequestContexts.requireTenant();
    return tx.objectionRules.upsert({
      where: { tenantId },
      create: { tenantId, ...rules },
      update: rules,
    });
  }
}
