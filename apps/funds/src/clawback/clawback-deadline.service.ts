import { Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { clawbackOverdue, clawbackReminder } from '../funds.jobs';
import type { PrismaClient } from '../funds-prisma';
import { clawbackTransitionOf } from './clawback-case.lifecycle';
import { ClawbackCaseRecorder } from './clawback-case.recorder';
import { ClawbackCaseRepository } from './clawback-case.repository';

/**
 * A clawback case's reminder and overdue escalation as BullMQ jobs; the database is the truth: each job re-reads its
 * row (paid, moved or already done → nothing, or re-scheduled later) and the jobs are rebuilt from the rows.
 */
@Injectable()
export class ClawbackDeadlines implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly cases: ClawbackCaseRepository,
    private readonly recorder: ClawbackCaseRecorder,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(clawbackReminder, (data) => this.remind(data.caseId));
    this.jobs.process(clawbackOverdue, (data) => this.markOverdue(data.caseId));
    this.jobs.addDeadlineSource(async () => {
      const open = await this.database.asSystem((tx) => this.cases.awaitingPayment(tx));
      return open.flatMap((c) => [
        ...(c.remindAt && !c.remindedAt
          ? [
              {
                job: clawbackReminder,
                data: { caseId: c.id },
                runAt: c.remindAt,
                tenantId: c.tenantId,
              },
            ]
          : []),
        ...(c.dueAt && !c.overdueAt
          ? [
              {
                job: clawbackOverdue,
                data: { caseId: c.id },
                runAt: c.dueAt,
                tenantId: c.tenantId,
              },
            ]
          : []),
      ]);
    });
  }

  /** After the step that set them has committed. */
  async schedule(caseId: string, remindAt: Date, dueAt: Date): Promise<void> {
    await this.jobs.scheduleCommitted(clawbackReminder, { caseId }, remindAt);
    await this.jobs.scheduleCommitted(clawbackOverdue, { caseId }, dueAt);
  }

  async cancel(caseId: string): Promise<void> {
    await this.jobs.cancelCommitted(clawbackReminder, { caseId });
    await this.jobs.cancelCommitted(clawbackOverdue, { caseId });
  }

  private async remind(caseId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.cases.findLocked(tx, caseId);
      if (!row || row.remindedAt || !row.remindAt) return null;
      const transition = clawbackTransitionOf('remind', row.status as never);
      if (!transition) return null;
      if (row.remindAt > this.clock.now()) return row.remindAt;
      await this.cases.update(tx, caseId, { remindedAt: this.clock.now() });
      await this.recorder.record(tx, row, {
        action: 'remind',
        transition,
        from: row.status as never,
        note: `还款期限 ${row.dueOn}`,
        basis: row.basis,
      });
      return null;
    });
    if (later) await this.jobs.schedule(clawbackReminder, { caseId }, later);
  }

  /** A due date passed unpaid: overdue, escalated (an event the office receives) and kept in the audit trail. */
  private async markOverdue(caseId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.cases.findLocked(tx, caseId);
      if (!row || row.overdueAt || !row.dueAt) return null;
      const transition = clawbackTransitionOf('mark_overdue', row.status as never);
      if (!transition) return null;
      if (row.dueAt > this.clock.now()) return row.dueAt;
      await this.cases.update(tx, caseId, {
        overdueAt: this.clock.now(),
        status: 'overdue',
      });
      await this.recorder.record(tx, row, {
        action: 'mark_overdue',
        transition,
        from: row.status as never,
        note: `逾期未缴（还款期限 ${row.dueOn}）`,
        basis: row.basis,
      });
      return null;
    });
    if (later) await this.jobs.schedule(clawbackOverdue, { caseId }, later);
  }
}
