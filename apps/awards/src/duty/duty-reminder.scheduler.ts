import { Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { dutyReminderDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { DutyRepository } from './duty.repository';

/**
 * Schedules duty reminders from their rows (the platform's deadline source: at start, periodically, on demand and
 * after each move of a rehearsal clock): a Redis flush loses no reminder and no overdue moment.
 */
@Injectable()
export class DutyReminderScheduler implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly duties: DutyRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.addDeadlineSource(async () => {
      const pending = await this.database.asSystem((tx) => this.duties.allPending(tx));
      return pending.map((reminder) => ({
        job: dutyReminderDue,
        data: { reminderId: reminder.id },
        runAt: reminder.dueAt,
        tenantId: reminder.tenantId,
      }));
    });
  }

  /** After the commit that added or cancelled reminders. */
  async apply(plan: { schedule: { id: string; dueAt: Date }[]; cancel: string[] }): Promise<void> {
    for (const id of plan.cancel) await this.jobs.cancelCommitted(dutyReminderDue, { reminderId: id });
    for (const { id, dueAt } of plan.schedule)
      await this.jobs.scheduleCommitted(dutyReminderDue, { reminderId: id }, dueAt);
  }
}
