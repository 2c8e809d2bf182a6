import { Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { titleReminderDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { firedKey, TitleReminderRepository } from './title-reminder.repository';
import { titleRemindersOf } from './title-reminders.util';

/**
 * Schedules the reminders of titles' dates from the title rows (the platform's deadline source: at start,
 * periodically, on demand and after each move of a rehearsal clock), leaving out those already sent: a Redis flush
 * loses none and sends none twice.
 */
@Injectable()
export class TitleReminderScheduler implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly reminders: TitleReminderRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.addDeadlineSource(async () => {
      const titles = await this.database.asSystem((tx) => this.reminders.titlesWithDates(tx));
      return titles.flatMap((title) =>
        titleRemindersOf(title)
          .filter((plan) => !title.fired.has(firedKey(plan)))
          .map((plan) => ({
            job: titleReminderDue,
            data: { titleId: title.id, kind: plan.kind, targetDate: plan.targetDate, daysBefore: plan.daysBefore },
            runAt: plan.runAt,
            tenantId: title.tenantId,
          })),
      );
    });
  }
}
