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

export type RulesInput = Omit<RulesRow, 'objections' | 'reports' | 'notices'> &
  Record<'objections' | 'reports' | 'notices', Prisma.InputJsonValue>;

/** One row per policy version of a tenant; rows are only ever added. */
@Injectable()
export class RulesRepository {
  /** The newest version's rules. */
  latest(tx: ObjectionsTx): Promise<RulesRow | null> {
    return tx.objectionRules.findFirst({ orderBy: { policyVersion: 'desc' } });
  }

  ofVersion(tx: ObjectionsTx, policyVersion: number): Promise<RulesRow | null> {
    const tenantId = RequestContexts.requireTenant();
    return tx.objectionRules.findUnique({ where: { tenantId_policyVersion: { tenantId, policyVersion } } });
  }

  versions(tx: ObjectionsTx): Promise<Pick<RulesRow, 'policyVersion' | 'updatedAt'>[]> {
    return tx.objectionRules.findMany({
      select: { policyVersion: true, updatedAt: true },
      orderBy: { policyVersion: 'desc' },
    });
  }

  /** Adds a version's rules; false when the version was already recorded (by a concurrent writer too). */
  async insert(tx: ObjectionsTx, rules: RulesInput): Promise<boolean> {
    const tenantId = RequestContexts.requireTenant();
    const { count } = await tx.objectionRules.createMany({ data: [{ tenantId, ...rules }], skipDuplicates: true });
    return count === 1;
  }
}
