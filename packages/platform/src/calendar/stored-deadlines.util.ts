import {
  type Deadline,
  type DeadlineUnit,
  type IsoDate,
  recomputeDeadline,
  type WorkingDayCalendar,
} from '@laurel/calendar';
import type { MovedDeadline } from '@laurel/contracts';
import type { AuditTrail } from '../audit/audit-trail.service';
import { RequestContexts } from '../context/request-context';
import type { Database } from '../prisma/database.service';
import type { PrismaClientLike, TxOf } from '../prisma/prisma-client-like';

/** A deadline a service stored with what it was computed from, on a year that was provisional then. */
export interface StoredCalendarDeadline {
  id: string;
  tenantId: string;
  start: IsoDate;
  count: number;
  unit: DeadlineUnit;
  /** The policy article the period came from, if any. */
  ruleBasis?: string | null;
  lastDay: IsoDate;
}

export interface StoredDeadlineKind<C extends PrismaClientLike> {
  service: string;
  /** What the deadline is, as reported (e.g. `notice`, `internal_publicity`). */
  kind: string;
  /** The audit action and target type of a recomputation (e.g. `notice.recompute`, `notice`). */
  action: string;
  targetType: string;
  /** Stores the recomputed deadline, in the tenant's transaction (with the audit entry). */
  store(tx: TxOf<C>, id: string, deadline: Deadline): Promise<void>;
  /** After commit: moves the deadline's jobs, if it has any. */
  reschedule?(id: string, deadline: Deadline, tenantId: string): Promise<void>;
}

/**
 * The recomputer of one kind of stored deadline: each deadline computed on a provisional year is recomputed on the
 * new calendar; a changed one is stored, audited and re-scheduled in its tenant's context, a moved one reported.
 */
export async function recomputeStoredDeadlines<C extends PrismaClientLike>(
  calendar: WorkingDayCalendar,
  stored: readonly StoredCalendarDeadline[],
  kind: StoredDeadlineKind<C>,
  platform: { database: Database<C>; audit: AuditTrail },
): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  for (const row of stored) {
    const result = recomputeDeadline(
      {
        start: row.start,
        count: row.count,
        unit: row.unit,
        ...(row.ruleBasis ? { policy: { basis: row.ruleBasis } } : {}),
        lastDay: row.lastDay,
        provisional: true,
      },
      calendar,
    );
    if (!result.changed) continue;
    const { current } = result;
    await RequestContexts.run(RequestContexts.system(row.tenantId), async () => {
      await platform.database.inTenant(async (tx) => {
        await kind.store(tx, row.id, current);
        await platform.audit.record(tx, {
          action: kind.action,
          targetType: kind.targetType,
          targetId: row.id,
          basis: current.basis,
          before: { lastDay: row.lastDay, provisional: true },
          after: { lastDay: current.lastDay, provisional: current.provisional },
        });
      });
      await kind.reschedule?.(row.id, current, row.tenantId);
    });
    if (result.moved) {
      moved.push({
        service: kind.service,
        kind: kind.kind,
        id: row.id,
        tenantId: row.tenantId,
        previousLastDay: row.lastDay,
        lastDay: current.lastDay,
        endsAt: current.endsAt,
        provisional: current.provisional,
      });
    }
  }
  return moved;
}
