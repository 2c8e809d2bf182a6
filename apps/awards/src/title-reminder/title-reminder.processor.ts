import { AuditTrail, Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { titleReminderDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { TitleReader } from '../title/title.reader';
import { TitleReminderRepository } from './title-reminder.repository';
import { stillDue, type TitleReminderKind } from './title-reminders.util';

/**
 * A reminder about a title's date falls due: recorded on the title (the office's and the holder's title views show
 * it) and audited with the validity's article. Re-reads the row: a title that left the state or whose date changed is
 * left alone (the deadline source queues what the new date calls for); one not yet due goes back on the queue.
 */
@Injectable()
export class TitleReminderProcessor implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly titles: TitleReader,
    private readonly reminders: TitleReminderRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(titleReminderDue, (data) => this.fire(data));
  }

  async fire(job: { titleId: string; kind: TitleReminderKind; targetDate: string; daysBefore: number }): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const title = await this.titles.byId(tx, job.titleId);
      if (!title) return null;
      const plan = stillDue(
        {
          status: title.status,
          validUntil: title.validUntil ? dateColumn.toIso(title.validUntil) : null,
          rectifyBy: title.rectifyBy ? dateColumn.toIso(title.rectifyBy) : null,
          statusChangedAt: title.statusChangedAt,
        },
        job,
      );
      if (!plan) return null;
      const now = this.clock.now();
      if (plan.runAt > now) return plan.runAt;
      const sent = await this.reminders.record(tx, { ...job, basis: title.validityBasis }, now);
      if (!sent) return null;
      await this.audit.record(tx, {
        action:
          job.kind === 'rectify_by' && job.daysBefore === 0 ? 'title.rectification_date_passed' : 'title.reminded',
        targetType: 'title',
        targetId: title.id,
        basis: title.validityBasis,
        after: { kind: job.kind, targetDate: job.targetDate, daysBefore: job.daysBefore, status: title.status },
      });
      return null;
    });
    if (notYet) await this.jobs.schedule(titleReminderDue, job, notYet);
  }
}
