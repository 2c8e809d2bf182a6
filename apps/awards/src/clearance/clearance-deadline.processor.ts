import { AuditTrail, Clock, Database, JobScheduler } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { clearanceDue, clearanceReminderDue } from '../awards.jobs';
import type { PrismaClient } from '../awards-prisma';
import { clearanceTransitionOf } from './clearance.lifecycle';
import { ClearanceRepository } from './clearance.repository';

/**
 * A clearance request's reminder and due time: re-reads the row; an answered request is left alone, one not yet due
 * is put back on the queue. The reminder is recorded on the request (the department's portal shows it); at the due
 * time an unanswered request becomes overdue (the office sees it), with an audit entry citing the clearance article.
 */
@Injectable()
export class ClearanceDeadlineProcessor implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly jobs: JobScheduler,
    private readonly requests: ClearanceRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.process(clearanceReminderDue, (data) => this.remind(data.requestId));
    this.jobs.process(clearanceDue, (data) => this.due(data.requestId));
  }

  async remind(requestId: string): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const request = await this.requests.byId(tx, requestId);
      if (!request || request.status !== 'pending' || request.remindedAt) return null;
      const now = this.clock.now();
      if (request.remindAt > now) return request.remindAt;
      await this.requests.transition(tx, request.id, ['pending'], { remindedAt: now });
      await this.audit.record(tx, {
        action: 'clearance.remind',
        targetType: 'clearance-request',
        targetId: request.id,
        basis: request.basis,
        after: { department: request.department.name, dueOn: request.dueOn.toISOString().slice(0, 10) },
      });
      return null;
    });
    if (notYet) await this.jobs.schedule(clearanceReminderDue, { requestId }, notYet);
  }

  async due(requestId: string): Promise<void> {
    const notYet = await this.database.inTenant(async (tx) => {
      const request = await this.requests.byId(tx, requestId);
      const transition = request ? clearanceTransitionOf('fall_overdue', request.status) : undefined;
      if (!request || !transition) return null;
      const now = this.clock.now();
      if (request.dueAt > now) return request.dueAt;
      await this.requests.transition(tx, request.id, transition.from, { status: transition.to, overdueAt: now });
      await this.audit.record(tx, {
        action: 'clearance.overdue',
        targetType: 'clearance-request',
        targetId: request.id,
        basis: request.basis,
        before: { status: request.status },
        after: { status: transition.to, department: request.department.name },
      });
      return null;
    });
    if (notYet) await this.jobs.schedule(clearanceDue, { requestId }, notYet);
  }
}
