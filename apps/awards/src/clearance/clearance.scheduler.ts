import { Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { clearanceDue, clearanceReminderDue } from '../awards.jobs';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { ClearanceRepository } from './clearance.repository';

/**
 * The reminder and due jobs of every clearance request still waiting, rebuilt from the database (the platform's
 * deadline source: at start, periodically and on demand); after a commit, the jobs of new requests. A job only
 * carries the request's id; the processor re-reads the row.
 */
@Injectable()
export class ClearanceScheduler implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly requests: ClearanceRepository,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.addDeadlineSource(async () => {
      const waiting = await this.database.asSystem((tx: AwardsTx) => this.requests.allWaiting(tx));
      return waiting.flatMap((r) => [
        ...(r.remindedAt
          ? []
          : [{ job: clearanceReminderDue, data: { requestId: r.id }, runAt: r.remindAt, tenantId: r.tenantId }]),
        { job: clearanceDue, data: { requestId: r.id }, runAt: r.dueAt, tenantId: r.tenantId },
      ]);
    });
  }

  /** After the commit. Should Redis fail here, re-scheduling from the database still finds the rows. */
  async schedule(requests: readonly { id: string; remindAt: Date; dueAt: Date }[]): Promise<void> {
    for (const r of requests) {
      await this.jobs.scheduleCommitted(clearanceReminderDue, { requestId: r.id }, r.remindAt);
      await this.jobs.scheduleCommitted(clearanceDue, { requestId: r.id }, r.dueAt);
    }
  }

  now(): Date {
    return this.clock.now();
  }
}
