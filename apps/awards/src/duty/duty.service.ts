import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import { DomainError, type DutyStatus, type DutyView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import { isoDate, planDuties } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { HolderAccess } from '../holder/holder-access.service';
import { TitleReader } from '../title/title.reader';
import { TitlePolicies } from '../title-expiry/title-policies.service';
import { toDutyView } from './duty.mapper';
import { DutyRepository, type DutyRow, type NewDuty, type NewReminder } from './duty.repository';
import { DutyReminderScheduler } from './duty-reminder.scheduler';
import { remindersFor } from './duty-reminders.util';

const noDuty = () => DomainError.notFound({ zh: '没有这项义务', en: 'No such duty' });
const day = (value: string | null) => (value ? dateColumn.fromIso(value) : null);

/**
 * Post-award duties (linxia 第三十二条, inner-mongolia 第十九条、第二十七条): planned from the title's policy version,
 * submitted by the holder, dated by the office where the regulation leaves the date to it; reminders and the overdue
 * moment are rows (DutyReminderProcessor).
 */
@Injectable()
export class DutyService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly duties: DutyRepository,
    private readonly titles: TitleReader,
    private readonly policies: TitlePolicies,
    private readonly scheduler: DutyReminderScheduler,
    private readonly access: HolderAccess,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Plans the title's duties once (a title that has them answers them): the grant calls `planIn` in its transaction. */
  async plan(titleId: string): Promise<{ items: DutyView[] }> {
    const { rows, reminders } = await this.database.inTenant(async (tx) => {
      const reminders = await this.planIn(tx, titleId);
      return { rows: await this.duties.ofTitle(tx, titleId), reminders };
    });
    await this.scheduler.apply({ schedule: reminders, cancel: [] });
    return { items: rows.map(toDutyView) };
  }

  /** In the caller's transaction: the duties and reminders of a title without duties yet; answers the reminders to schedule. */
  async planIn(tx: AwardsTx, titleId: string): Promise<NewReminder[]> {
    const title = await this.titles.byId(tx, titleId);
    if (!title) throw DomainError.notFound({ zh: '没有这个称号', en: 'No such title' });
    if ((await this.duties.ofTitle(tx, titleId)).length > 0) return [];
    const policy = await this.policies.of(tx, title.policyVersion);
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    const plan = planDuties(policy, {
      awardDate: dateColumn.toIso(title.validFrom),
      tier: title.tier as 'award' | 'nomination',
      applicantKind: title.applicantKind as 'organisation' | 'individual',
      today,
    });
    const duties: NewDuty[] = [];
    const reminders: NewReminder[] = [];
    for (const planned of plan.duties) {
      // A report due before the plan is made (a title granted late in the window) is still owed: it is overdue at once.
      const id = randomUUID();
      duties.push({
        id,
        titleId,
        applicantId: title.applicantId,
        key: planned.key,
        sequence: planned.sequence,
        kind: planned.kind,
        nameZh: planned.name.zh,
        nameEn: planned.name.en,
        recipientZh: planned.recipient.zh,
        dueDate: day(planned.dueDate),
        windowStart: day(planned.windowStart),
        periodStart: day(planned.period?.start ?? null),
        periodEnd: day(planned.period?.end ?? null),
        basis: planned.basis,
        refusalRuleId: plan.refusalGround?.ruleId ?? null,
        refusalBasis: plan.refusalGround?.basis ?? null,
        createdAt: now,
      });
      if (planned.dueDate) reminders.push(...remindersFor(id, planned.dueDate, today));
    }
    await this.duties.add(tx, duties, reminders);
    await this.audit.record(tx, {
      action: 'duty.planned',
      targetType: 'title',
      targetId: titleId,
      after: { duties: duties.map((duty) => ({ key: duty.key, sequence: duty.sequence })) },
    });
    return reminders;
  }

  async list(filter: { status?: DutyStatus; titleId?: string; applicantId?: string; after?: string; limit?: number }) {
    if (!this.access.isStaff()) await this.access.require(filter.applicantId, noDuty);
    const { rows, next } = await this.database.inTenant((tx) => this.duties.page(tx, filter, filter));
    return { items: rows.map(toDutyView), next };
  }

  async get(dutyId: string): Promise<DutyView> {
    return toDutyView(await this.readable(dutyId));
  }

  /** The holder submits; pending reminders are cancelled. A late submission is taken and keeps its overdue time. */
  async submit(dutyId: string, submission: string): Promise<DutyView> {
    const duty = await this.readable(dutyId, { holderOnly: true });
    if (duty.status === 'submitted') {
      throw DomainError.conflict(
        { zh: '该义务已报送', en: 'The duty was already submitted' },
        { field: 'dutyId', reason: 'already_submitted' },
      );
    }
    const now = this.clock.now();
    const { view, cancel } = await this.database.inTenant(async (tx) => {
      await this.duties.update(tx, dutyId, {
        status: 'submitted',
        submittedAt: now,
        submittedBy: acting().label,
        submission,
      });
      const cancel = await this.duties.cancelPending(tx, dutyId, now);
      await this.audit.record(tx, {
        action: 'duty.submitted',
        targetType: 'duty',
        targetId: dutyId,
        basis: duty.basis,
        before: { status: duty.status },
        after: { status: 'submitted', late: duty.status === 'overdue' },
      });
      const row = await this.duties.byId(tx, dutyId);
      if (!row) throw noDuty();
      return { view: toDutyView(row), cancel };
    });
    await this.scheduler.apply({ schedule: [], cancel });
    return view;
  }

  /** The office dates a duty the regulation leaves undated (按时报送) or a requested evaluation. */
  async setDueDate(dutyId: string, dueDate: string, reason: string): Promise<DutyView> {
    const now = this.clock.now();
    const today = shanghaiDateOf(now);
    if (isoDate.compare(dueDate, today) <= 0) {
      throw DomainError.validation([
        { field: 'dueDate', reason: { zh: `截止日须晚于今日（${today}）`, en: `The due date must be after ${today}` } },
      ]);
    }
    const { view, plan } = await this.database.inTenant(async (tx) => {
      const duty = await this.duties.byId(tx, dutyId);
      if (!duty) throw noDuty();
      if (duty.status === 'submitted' || duty.kind === 'event_notice') {
        throw DomainError.conflict(
          { zh: '已报送的义务或事项告知不设截止日', en: 'A submitted duty or an event notice takes no due date' },
          { field: 'dutyId', reason: duty.status === 'submitted' ? 'already_submitted' : 'event_notice' },
        );
      }
      const cancel = await this.duties.cancelPending(tx, dutyId, now);
      const reminders = remindersFor(dutyId, dueDate, today);
      await this.duties.update(tx, dutyId, { dueDate: dateColumn.fromIso(dueDate), status: 'open', overdueAt: null });
      await this.duties.replaceReminders(tx, dutyId, reminders);
      await this.audit.record(tx, {
        action: 'duty.due_date_set',
        targetType: 'duty',
        targetId: dutyId,
        basis: duty.basis,
        before: { dueDate: duty.dueDate ? dateColumn.toIso(duty.dueDate) : null },
        after: { dueDate, reason },
      });
      const row = await this.duties.byId(tx, dutyId);
      if (!row) throw noDuty();
      const pending = row.reminders.filter((reminder) => !reminder.firedAt && !reminder.cancelledAt);
      return { view: toDutyView(row), plan: { schedule: pending.map((r) => ({ id: r.id, dueAt: r.dueAt })), cancel } };
    });
    await this.scheduler.apply(plan);
    return view;
  }

  private async readable(dutyId: string, options: { holderOnly?: boolean } = {}): Promise<DutyRow> {
    const duty = await this.database.inTenant((tx) => this.duties.byId(tx, dutyId));
    await this.access.require(duty?.applicantId, noDuty, options);
    if (!duty) throw noDuty();
    return duty;
  }
}
