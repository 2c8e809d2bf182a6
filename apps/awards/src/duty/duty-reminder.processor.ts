import { AuditTrail, Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { dutyReminderDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { DutyRepository } from './duty.repository';

/**
 * A duty's reminder falls due: the holder is reminded (recorded on the duty, shown in the applicant portal, audited);
 * at its overdue moment an open duty becomes overdue and is put before the office (the office's duty list), citing the
 * duty's article and, where the policy makes refusing duties a ground, the revocation rule it may lead to. Re-reads the
 * rows: a submitted duty, a fired or cancelled reminder are left alone; one not yet due goes back on the queue.
 */
@Injectable()
export class DutyReminderProcessor implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly duties: DutyRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(dutyReminderDue, (data) => this.fire(data.reminderId));
  }

  async fire(reminderId: string): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const reminder = await this.duties.reminderById(tx, reminderId);
      if (!reminder || reminder.firedAt || reminder.cancelledAt) return null;
      const now = this.clock.now();
      if (reminder.dueAt > now) return reminder.dueAt;
      await this.duties.markFired(tx, reminder.id, now);
      const duty = reminder.duty;
      if (duty.status !== 'open') return null;
      const dueDate = duty.dueDate ? dateColumn.toIso(duty.dueDate) : null;
      if (reminder.kind === 'reminder') {
        await this.audit.record(tx, {
          action: 'duty.reminded',
          targetType: 'duty',
          targetId: duty.id,
          basis: duty.basis,
          after: { key: duty.key, sequence: duty.sequence, dueDate, daysBefore: reminder.daysBefore },
        });
      } else {
        await this.duties.update(tx, duty.id, { status: 'overdue', overdueAt: now });
        await this.audit.record(tx, {
          action: 'duty.overdue',
          targetType: 'duty',
          targetId: duty.id,
          basis: duty.basis,
          after: {
            key: duty.key,
            sequence: duty.sequence,
            dueDate,
            escalatedTo: 'office',
            refusalGround: duty.refusalRuleId ? { ruleId: duty.refusalRuleId, basis: duty.refusalBasis } : null,
          },
        });
      }
      return null;
    });
    if (notYet) await this.jobs.schedule(dutyReminderDue, { reminderId }, notYet);
  }
}
