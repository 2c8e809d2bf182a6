import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import type { Prisma } from '../generated/prisma/client';

const withLines = {
  lines: { orderBy: { position: 'asc' } },
  history: { orderBy: { at: 'asc' } },
} as const satisfies Prisma.UseReportInclude;
export type UseReportRow = Prisma.UseReportGetPayload<{ include: typeof withLines }>;
export type PerformanceEvaluationRow = Prisma.PerformanceEvaluationGetPayload<object>;

export interface UseLine {
  readonly purpose: string;
  readonly amountFen: number;
  readonly description: string;
}

/** Use reports with their lines and history, and the performance evaluations of entitlements. */
@Injectable()
export class UseReportRepository {
  ofEntitlement(tx: FundsTx, entitlementId: string): Promise<UseReportRow | null> {
    return tx.useReport.findUnique({
      where: { tenantId_entitlementId: { tenantId: RequestContexts.requireTenant(), entitlementId } },
      include: withLines,
    });
  }

  ofEntitlements(tx: FundsTx, entitlementIds: readonly string[]): Promise<UseReportRow[]> {
    return tx.useReport.findMany({ where: { entitlementId: { in: [...entitlementIds] } }, include: withLines });
  }

  async create(tx: FundsTx, data: { id: string; entitlementId: string; applicantId: string; at: Date }) {
    await tx.useReport.create({
      data: {
        id: data.id,
        tenantId: RequestContexts.requireTenant(),
        entitlementId: data.entitlementId,
        applicantId: data.applicantId,
        status: 'draft',
        createdAt: data.at,
      },
    });
  }

  /** Replaces the report's lines and its total. */
  async replaceLines(tx: FundsTx, reportId: string, lines: readonly UseLine[]): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.useReportLine.deleteMany({ where: { reportId } });
    await tx.useReportLine.createMany({
      data: lines.map((line, position) => ({
        id: randomUUID(),
        tenantId,
        reportId,
        position,
        purpose: line.purpose,
        amountFen: BigInt(line.amountFen),
        description: line.description,
      })),
    });
    const total = lines.reduce((sum, line) => sum + BigInt(line.amountFen), 0n);
    await tx.useReport.update({ where: { id: reportId }, data: { totalFen: total } });
  }

  async update(tx: FundsTx, id: string, data: Prisma.UseReportUncheckedUpdateInput): Promise<void> {
    await tx.useReport.update({ where: { id }, data });
  }

  async addHistory(
    tx: FundsTx,
    data: Omit<Prisma.UseReportHistoryUncheckedCreateInput, 'id' | 'tenantId'>,
  ): Promise<void> {
    await tx.useReportHistory.create({
      data: { ...data, id: randomUUID(), tenantId: RequestContexts.requireTenant() },
    });
  }

  evaluationOf(tx: FundsTx, entitlementId: string): Promise<PerformanceEvaluationRow | null> {
    return tx.performanceEvaluation.findUnique({
      where: { tenantId_entitlementId: { tenantId: RequestContexts.requireTenant(), entitlementId } },
    });
  }

  evaluationsOf(tx: FundsTx, entitlementIds: readonly string[]): Promise<PerformanceEvaluationRow[]> {
    return tx.performanceEvaluation.findMany({ where: { entitlementId: { in: [...entitlementIds] } } });
  }

  /** Inserts the evaluation; false when the entitlement already has one (a concurrent second recording). */
  async insertEvaluation(
    tx: FundsTx,
    data: Omit<Prisma.PerformanceEvaluationUncheckedCreateInput, 'tenantId'>,
  ): Promise<boolean> {
    const created = await tx.performanceEvaluation.createMany({
      data: [{ ...data, tenantId: RequestContexts.requireTenant() }],
      skipDuplicates: true,
    });
    return created.count === 1;
  }
}
