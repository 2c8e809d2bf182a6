import { randomUUID } from 'node:crypto';
import type { CrossTenantFlag } from '@laurel/contracts';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { dateColumn } from '../date-column.util';

export interface NewCrossTenantFlag {
  readonly sourceKey: string;
  readonly creditCode: string;
  readonly kind: 'revocation' | 'ban';
  readonly untilYear: number | null;
  readonly article: string;
  readonly caseId: string;
  readonly recordedOn: string;
}

/**
 * The cross-tenant register (table `cross_tenant_flag`, not tenant-owned): written by a revocation's steps in the
 * recording tenant, read by every other tenant as flags — tenant, kind, until, article; nothing of the case.
 */
@Injectable()
export class CrossTenantRegisterRepository {
  async record(tx: AwardsTx, flag: NewCrossTenantFlag): Promise<void> {
    await tx.crossTenantFlag.create({
      data: {
        id: randomUUID(),
        sourceTenantId: RequestContexts.requireTenant(),
        sourceKey: flag.sourceKey,
        creditCode: flag.creditCode,
        kind: flag.kind,
        untilYear: flag.untilYear,
        article: flag.article,
        caseId: flag.caseId,
        recordedOn: dateColumn.fromIso(flag.recordedOn),
      },
    });
  }

  /** Flags for the credit code from every tenant but the asking one, newest first. */
  async othersOf(tx: AwardsTx, creditCode: string): Promise<CrossTenantFlag[]> {
    const rows = await tx.crossTenantFlag.findMany({
      where: { creditCode, sourceTenantId: { not: RequestContexts.requireTenant() } },
      orderBy: [{ recordedOn: 'desc' }, { kind: 'asc' }],
    });
    return rows.map((row) => ({
      tenantKey: row.sourceKey,
      kind: row.kind as 'revocation' | 'ban',
      untilYear: row.untilYear,
      article: row.article,
      recordedOn: dateColumn.toIso(row.recordedOn),
    }));
  }
}
