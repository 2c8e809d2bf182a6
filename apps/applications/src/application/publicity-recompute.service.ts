import type { DeadlineUnit, WorkingDayCalendar } from '@laurel/calendar';
import type { MovedDeadline, PlanStep } from '@laurel/contracts';
import { AuditTrail, CalendarProvider, Database, recomputeStoredDeadlines } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { PrismaClient } from '../applications-prisma';
import type { Prisma } from '../generated/prisma/client';
import { ApplicationRepository } from './application.repository';
import { stepOf } from './procedure-plan.util';

interface StoredPublicity {
  startedOn: string;
  evidence: string;
  lastDay: string;
  endsAt: string;
  provisional: boolean;
  basis: string;
}

/**
 * When the operator loads a year's official schedule, internal publicity periods computed on that provisional
 * year are recomputed: the new last day is stored, audited, and reported as moved.
 */
@Injectable()
export class PublicityRecomputeService implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly calendar: CalendarProvider,
    private readonly audit: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.calendar.addRecomputer((calendar) => this.recompute(calendar));
  }

  async recompute(calendar: WorkingDayCalendar): Promise<MovedDeadline[]> {
    const rows = await this.database.acrossTenants((tx) => this.applications.inProvisionalPublicity(tx));
    const publicities = new Map<string, StoredPublicity>();
    const stored = rows.flatMap((row) => {
      const publicity = row.publicity as unknown as StoredPublicity;
      const notice = stepOf(row.plan as unknown as PlanStep[], 'internal_publicity')?.notice;
      if (!notice?.count || !notice.unit) return [];
      publicities.set(row.id, publicity);
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          start: publicity.startedOn,
          count: notice.count,
          unit: notice.unit as DeadlineUnit,
          ruleBasis: `${row.policyKey} ${notice.basis}`,
          lastDay: publicity.lastDay,
        },
      ];
    });
    return recomputeStoredDeadlines(
      calendar,
      stored,
      // Internal publicity has no job to move: its end is checked when the application is submitted.
      {
        service: 'applications',
        kind: 'internal_publicity',
        action: 'publicity.recompute',
        targetType: 'application',
        store: async (tx, id, deadline) => {
          const next: StoredPublicity = {
            ...(publicities.get(id) as StoredPublicity),
            lastDay: deadline.lastDay,
            endsAt: deadline.endsAtDate.toISOString(),
            provisional: deadline.provisional,
            basis: deadline.basis,
          };
          await this.applications.update(tx, id, { publicity: next as unknown as Prisma.InputJsonValue });
        },
      },
      { database: this.database, audit: this.audit },
    );
  }
}
