import type { Deadline, DeadlineUnit, WorkingDayCalendar } from '@laurel/calendar';
import { shanghaiStartOfDay } from '@laurel/calendar';
import { type MovedDeadline, objectionRefused } from '@laurel/contracts';
import {
  AuditTrail,
  CalendarProvider,
  Clock,
  Database,
  JobScheduler,
  Outbox,
  recomputeStoredDeadlines,
} from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { examinationOverdue, examinationReminder } from '../objections.jobs';
import type { PrismaClient } from '../objections-prisma';
import { requireDuty } from '../rules/acting-role.util';
import { cite, RulesService } from '../rules/rules.service';
import { reminderOf } from './examination-deadline.util';
import { alreadyExamined, objectionNotFound } from './objection.errors';
import { objectionEventFields, toObjectionView } from './objection.mapper';
import { ObjectionRepository } from './objection.repository';

/**
 * Examining an objection within its deadline: the receiving body admits it (a written receipt follows) or refuses it
 * with reasons; a working day before the deadline it is reminded, after it the case is recorded as overdue. Jobs
 * re-read their row and are rebuilt from the database; provisional deadlines are recomputed on a new calendar.
 */
@Injectable()
export class ObjectionExaminationService implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly rules: RulesService,
    private readonly jobs: JobScheduler,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly calendar: CalendarProvider,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.jobs.process(examinationReminder, (data) => this.remind(data.objectionId));
    this.jobs.process(examinationOverdue, (data) => this.markOverdue(data.objectionId));
    this.jobs.addDeadlineSource(async () => {
      const open = await this.database.asSystem((tx) => this.objections.awaitingExamination(tx));
      return open.flatMap((o) => [
        ...(o.remindAt && !o.remindedAt
          ? [{ job: examinationReminder, data: { objectionId: o.id }, runAt: o.remindAt, tenantId: o.tenantId }]
          : []),
        ...(o.examDueAt && !o.overdueAt
          ? [{ job: examinationOverdue, data: { objectionId: o.id }, runAt: o.examDueAt, tenantId: o.tenantId }]
          : []),
      ]);
    });
    this.calendar.addRecomputer((calendar) => this.recompute(calendar));
  }

  /** Schedules the reminder and the overdue case (after the filing commits). */
  async schedule(objectionId: string, remindAt: Date, dueAt: Date, tenantId?: string) {
    await this.jobs.scheduleCommitted(examinationReminder, { objectionId }, remindAt, tenantId);
    await this.jobs.scheduleCommitted(examinationOverdue, { objectionId }, dueAt, tenantId);
  }

  /** Admissible: accepted, and the written receipt (书面凭证) can be downloaded. */
  admit(id: string, note: string | undefined) {
    return this.examine(id, 'admit', { status: 'admitted', admittedAt: this.clock.now(), admissionNote: note ?? null });
  }

  refuse(id: string, reasons: string) {
    return this.examine(id, 'refuse', { status: 'refused', refusedAt: this.clock.now(), refusalReasons: reasons });
  }

  private async examine(id: string, action: 'admit' | 'refuse', data: Parameters<ObjectionRepository['update']>[2]) {
    const view = await this.database.inTenant(async (tx) => {
      const row = await this.objections.findLocked(tx, id);
      if (!row) throw objectionNotFound();
      if (row.status !== 'received') {
        throw alreadyExamined(row.status);
      }
      const rules = await this.rules.ofNotice(tx, row.notice);
      requireDuty(rules, 'receive');
      await this.objections.update(tx, id, data);
      if (action === 'refuse') {
        // The service that owns the entry's subject learns of it: an entry held by this objection may go on.
        await this.outbox.add(tx, objectionRefused, {
          ...objectionEventFields(row),
          reasons: typeof data.refusalReasons === 'string' ? data.refusalReasons : '',
          decidedAt: this.clock.now().toISOString(),
          basis: rules ? cite(rules, rules.objections.examination?.basis) : null,
        });
      }
      await this.audit.record(tx, {
        action: `objection.${action}`,
        targetType: 'objection',
        targetId: id,
        basis: rules ? cite(rules, rules.objections.examination?.basis) : null,
        before: { status: row.status },
        after: { status: data.status, late: row.overdueAt !== null },
      });
      return toObjectionView((await this.objections.find(tx, id)) as NonNullable<typeof row>);
    });
    await this.jobs.cancelCommitted(examinationReminder, { objectionId: id });
    await this.jobs.cancelCommitted(examinationOverdue, { objectionId: id });
    return view;
  }

  /** The job re-reads the row: examined, already reminded or moved later → nothing (or re-scheduled). */
  private async remind(objectionId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, objectionId);
      if (row?.status !== 'received' || row.remindedAt || !row.remindAt) return null;
      if (row.remindAt > this.clock.now()) return row.remindAt;
      await this.objections.update(tx, objectionId, { remindedAt: this.clock.now() });
      await this.audit.record(tx, {
        action: 'objection.examination-remind',
        targetType: 'objection',
        targetId: objectionId,
        basis: row.examRuleBasis,
        after: { lastDay: row.examLastDay, dueAt: row.examDueAt?.toISOString() ?? null },
      });
      return null;
    });
    if (later) await this.jobs.schedule(examinationReminder, { objectionId }, later);
  }

  /** Past the deadline and still not examined: an overdue case, kept on the row and in the audit trail. */
  private async markOverdue(objectionId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, objectionId);
      if (row?.status !== 'received' || row.overdueAt || !row.examDueAt) return null;
      if (row.examDueAt > this.clock.now()) return row.examDueAt;
      await this.objections.update(tx, objectionId, { overdueAt: this.clock.now() });
      await this.audit.record(tx, {
        action: 'objection.examination-overdue',
        targetType: 'objection',
        targetId: objectionId,
        basis: row.examRuleBasis,
        after: { lastDay: row.examLastDay, dueAt: row.examDueAt.toISOString() },
      });
      return null;
    });
    if (later) await this.jobs.schedule(examinationOverdue, { objectionId }, later);
  }

  /** On a new calendar: examination deadlines computed on a provisional year are recomputed. */
  private async recompute(calendar: WorkingDayCalendar): Promise<MovedDeadline[]> {
    const open = await this.database.acrossTenants((tx) =>
      this.objections.awaitingExamination(tx, { provisionalOnly: true }),
    );
    const received = new Map<string, Date>();
    const stored = open.flatMap((row) => {
      if (!row.examStart || row.examCount === null || !row.examUnit || !row.examLastDay) return [];
      received.set(row.id, shanghaiStartOfDay(row.examStart));
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          start: row.examStart,
          count: row.examCount,
          unit: row.examUnit as DeadlineUnit,
          ruleBasis: row.examRuleBasis,
          lastDay: row.examLastDay,
        },
      ];
    });
    const remindAtOf = (id: string, deadline: Deadline) => reminderOf(deadline, received.get(id) as Date, calendar);
    return recomputeStoredDeadlines(
      calendar,
      stored,
      {
        service: 'objections',
        kind: 'objection-examination',
        action: 'objection.examination-recompute',
        targetType: 'objection',
        store: async (tx, id, deadline) => {
          await this.objections.update(tx, id, {
            examLastDay: deadline.lastDay,
            examDueAt: deadline.endsAtDate,
            examProvisional: deadline.provisional,
            examBasis: deadline.basis,
            remindAt: remindAtOf(id, deadline),
          });
        },
        reschedule: (id, deadline, tenantId) =>
          this.schedule(id, remindAtOf(id, deadline), deadline.endsAtDate, tenantId),
      },
      { database: this.database, audit: this.audit },
    );
  }
}
