import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';

/** Applications counted in the database (group by), never loaded: the tenant's, of one cycle or all. */
@Injectable()
export class ApplicationCountsRepository {
  async byStatus(tx: ApplicationsTx, cycleNumber?: number) {
    const rows = await tx.application.groupBy({
      by: ['status'],
      where: cycleNumber === undefined ? {} : { cycleNumber },
      _count: { _all: true },
      orderBy: { status: 'asc' },
    });
    return rows.map((row) => ({ status: row.status, count: row._count._all }));
  }

  async byStage(tx: ApplicationsTx, cycleNumber?: number) {
    const rows = await tx.application.groupBy({
      by: ['stage'],
      where: cycleNumber === undefined ? {} : { cycleNumber },
      _count: { _all: true },
      orderBy: { stage: 'asc' },
    });
    return rows.map((row) => ({ stage: row.stage, count: row._count._all }));
  }
}
