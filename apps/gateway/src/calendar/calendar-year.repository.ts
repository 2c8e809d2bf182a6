import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';
import type { Prisma } from '../generated/prisma/client';

/** Loaded official calendar years: platform data, reached through the system role. */
@Injectable()
export class CalendarYearRepository {
  all(tx: GatewayTx) {
    return tx.calendarYear.findMany({ orderBy: { year: 'asc' } });
  }

  find(tx: GatewayTx, year: number) {
    return tx.calendarYear.findUnique({ where: { year } });
  }

  upsert(
    tx: GatewayTx,
    year: number,
    schedule: Prisma.InputJsonValue,
    source: string,
    loadedBy: string,
    loadedAt: Date,
  ) {
    return tx.calendarYear.upsert({
      where: { year },
      create: { year, schedule, source, loadedBy, loadedAt },
      update: { schedule, source, loadedBy, loadedAt },
    });
  }
}
