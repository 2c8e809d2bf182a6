import { type DeadlineUnit, recomputeDeadline, type WorkingDayCalendar } from '@laurel/calendar';
import type { MovedDeadline, PlanStep } from '@laurel/contracts';
import { AuditTrail, CalendarProvider, Database, RequestContexts } from '@laurel/platform';
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
    const rows = await RequestContexts.run(RequestContexts.system(), () =>
      this.database.asSystem((tx) => this.applications.inProvisionalPublicity(tx)),
    );
    const moved: MovedDeadline[] = [];
    for (const row of rows) {
      const publicity = row.publicity as unknown as StoredPublicity;
      const notice = stepOf(row.plan as unknown as PlanStep[], 'internal_publicity')?.notice;
      if (!notice?.count || !notice.unit) continue;
      const { count } = notice;
      const unit = notice.unit as DeadlineUnit;
      const basis = `${row.policyKey} ${notice.basis}`;
      const result = recomputeDeadline(
        { start: publicity.startedOn, count, unit, policy: { basis }, lastDay: publicity.lastDay, provisional: true },
        calendar,
      );
      if (!result.changed) continue;
      const { current } = result;
      const next: StoredPublicity = {
        ...publicity,
        lastDay: current.lastDay,
        endsAt: current.endsAtDate.toISOString(),
        provisional: current.provisional,
        basis: current.basis,
      };
      await RequestContexts.run(RequestContexts.system(row.tenantId), () =>
        this.database.inTenant(async (tx) => {
          await this.applications.update(tx, row.id, { publicity: next as unknown as Prisma.InputJsonValue });
          await this.audit.record(tx, {
            action: 'publicity.recompute',
            targetType: 'application',
            targetId: row.id,
            basis: current.basis,
            before: { lastDay: publicity.lastDay, provisional: true },
            after: { lastDay: current.lastDay, provisional: current.provisional },
          });
        }),
      );
      if (result.moved) {
        moved.push({
          service: 'applications',
          kind: 'internal_publicity',
          id: row.id,
          tenantId: row.tenantId,
          previousLastDay: publicity.lastDay,
          lastDay: current.lastDay,
          endsAt: current.endsAt,
          provisional: current.provisional,
        });
      }
    }
    return moved;
  }
}
