import { type ApplicationStatus, applicationCounts, type ParsedRequestOf } from '@laurel/contracts';
import { Database, Handles } from '@laurel/platform';
import { Controller } from '@nestjs/common';
import type { PrismaClient } from '../applications-prisma';
import { ApplicationCountsRepository } from './application-counts.repository';

/**
 * The cycle at a glance: how many applications stand in each status and stage. Only the office and the leading group
 * ask (the gateway checks the role); both see every application of the tenant, so the counts need no visibility filter.
 */
@Controller()
export class ApplicationCountsHandler {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly counts: ApplicationCountsRepository,
  ) {}

  @Handles(applicationCounts)
  count(request: ParsedRequestOf<typeof applicationCounts>) {
    return this.database.inTenant(async (tx) => {
      const byStatus = await this.counts.byStatus(tx, request.cycleNumber);
      const byStage = await this.counts.byStage(tx, request.cycleNumber);
      return {
        total: byStatus.reduce((sum, row) => sum + row.count, 0),
        byStatus: byStatus.map((row) => ({ status: row.status as ApplicationStatus, count: row.count })),
        byStage,
      };
    });
  }
}
