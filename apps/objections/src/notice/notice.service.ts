import {
  CalendarInputError,
  computeDeadline,
  type Deadline,
  type DeadlineUnit,
  shanghaiDateOf,
  type WorkingDayCalendar,
} from '@laurel/calendar';
import {
  DomainError,
  type MovedDeadline,
  type NoticeOpenBody,
  noticeEntryObjectionsPending,
  noticeEntryPassed,
  noticeWithdrawn,
  type PageRequest,
} from '@laurel/contracts';
import {
  AuditTrail,
  acting,
  CalendarProvider,
  Clock,
  Database,
  JobScheduler,
  Outbox,
  recomputeStoredDeadlines,
} from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { noticeClose } from '../objections.jobs';
import type { PrismaClient } from '../objections-prisma';
import { cite, RulesService, type TenantRules } from '../rules/rules.service';
import {
  entrySubjectOf,
  type NoticeStatus,
  noticeStatus,
  toNoticeSummary,
  toNoticeView,
  toPublicNoticeView,
  toPublicSummary,
} from './notice.mapper';
import { NoticeRepository } from './notice.repository';
import { PublicNoticeChanges } from './public-notice-changes.publisher';

const RECENT_MS = 30 * 24 * 60 * 60 * 1000;
const notFound = () => DomainError.notFound({ zh: '未找到该公示', en: 'No such notice' });

/**
 * Public notices (公示): opened with their entries, closed by a BullMQ job at 24:00 of the last day of their
 * period on the official calendar. The row is the truth; the job carries its id only.
 */
@Injectable()
export class NoticeService implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly notices: NoticeRepository,
    private readonly rules: RulesService,
    private readonly jobs: JobScheduler,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly calendar: CalendarProvider,
    private readonly changes: PublicNoticeChanges,
  ) {}

  onModuleInit(): void {
    this.jobs.process(noticeClose, (data) => this.close(data.noticeId));
    this.jobs.addDeadlineSource(async () => {
      const open = await this.database.asSystem((tx) => this.notices.openNotices(tx));
      return open.map((n) => ({ job: noticeClose, data: { noticeId: n.id }, runAt: n.closesAt, tenantId: n.tenantId }));
    });
    this.calendar.addRecomputer((calendar) => this.recompute(calendar));
  }

  async open(body: NoticeOpenBody) {
    const actor = acting().userId;
    const policyVersion = await this.pinnedVersion(body);
    if (policyVersion !== null) await this.rules.ensureVersion(policyVersion);
    const result = await this.database.inTenant(async (tx) => {
      if (body.reference) {
        const existing = await this.notices.findByReference(tx, body.reference);
        if (existing) return { row: existing, created: false };
      }
      const rules = await this.rules.ofNotice(tx, { policyVersion });
      const { period, periodBasis } = this.periodOf(body, rules);
      const deadline = this.deadlineOf(body.publishedOn, period, periodBasis);
      if (deadline.endsAtDate <= this.clock.now()) {
        // A notice dated so far back that its period is already over gives the public no time to object at all.
        throw DomainError.validation([
          {
            field: 'body.publishedOn',
            reason: {
              zh: `按此日期，公示期已于 ${deadline.lastDay} 结束，公众无从提出异议`,
              en: `with this date the notice period already ended on ${deadline.lastDay}: nobody could object`,
            },
          },
        ]);
      }
      const notice = await this.notices.create(tx, {
        body,
        period,
        periodBasis,
        policyVersion: rules?.policyVersion ?? policyVersion,
        deadline,
        openedBy: actor,
        now: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'notice.open',
        targetType: 'notice',
        targetId: notice.id,
        basis: deadline.basis,
        after: {
          stage: body.stage,
          policyVersion: rules?.policyVersion ?? null,
          publishedOn: body.publishedOn,
          period,
          lastDay: deadline.lastDay,
          provisional: deadline.provisional,
          entries: body.entries.length,
        },
      });
      return { row: await this.notices.find(tx, notice.id), created: true };
    });
    const row = result.row;
    if (!row) throw notFound();
    if (result.created) {
      await this.changes.changed();
      await this.jobs.scheduleCommitted(noticeClose, { noticeId: row.id }, row.closesAt);
    }
    return toNoticeView(row, this.clock.now());
  }

  /**
   * The policy version whose rules govern a new notice: the one given, else its cycle's (a cycle pins the version it
   * opened with), else none (the newest recorded). A version given for a cycle that pinned another is refused.
   */
  private async pinnedVersion(body: NoticeOpenBody): Promise<number | null> {
    const ofCycle = body.cycleNumber === undefined ? null : await this.rules.versionOfCycle(body.cycleNumber);
    if (ofCycle !== null && body.policyVersion !== undefined && body.policyVersion !== ofCycle) {
      throw new DomainError({
        code: 'rule_violation',
        detail: {
          zh: `第${body.cycleNumber}届评选适用第 ${ofCycle} 版政策`,
          en: `Cycle ${body.cycleNumber} follows policy version ${ofCycle}`,
        },
        fields: [{ field: 'body.policyVersion', reason: { zh: '与该届评选不符', en: 'is not the cycle’s' } }],
      });
    }
    return body.policyVersion ?? ofCycle;
  }

  /**
   * Withdraws a notice before its close: it takes no more objections and is never closed; its entries' owner is told.
   * Withdrawing a withdrawn notice answers it as it is; a notice whose period is over can no longer be withdrawn.
   */
  async withdraw(id: string, reason: string) {
    const by = acting().userId;
    const result = await this.database.inTenant(async (tx) => {
      // The close's lock: objections being written finish first, and a close in progress wins.
      await this.notices.lockToClose(tx, id);
      const row = await this.notices.find(tx, id);
      if (!row) throw notFound();
      const now = this.clock.now();
      if (row.withdrawnAt) return { row, withdrawn: false };
      if (noticeStatus(row, now) === 'closed') {
        throw DomainError.conflict(
          { zh: '公示期已结束，不能撤回', en: 'The notice period has ended; the notice can no longer be withdrawn' },
          { closedAt: (row.closedAt ?? row.closesAt).toISOString() },
        );
      }
      await this.notices.withdraw(tx, row, { at: now, reason, by });
      await this.outbox.add(tx, noticeWithdrawn, {
        noticeId: id,
        reference: row.reference,
        cycleNumber: row.cycleNumber,
        stage: row.stage,
        reason,
        withdrawnAt: now.toISOString(),
        entries: row.entries.map((entry) => ({
          entryId: entry.id,
          subject: entrySubjectOf(entry),
          applicationId: entry.applicationId,
        })),
      });
      await this.audit.record(tx, {
        action: 'notice.withdraw',
        targetType: 'notice',
        targetId: id,
        before: { status: noticeStatus(row, now), reference: row.reference },
        after: { status: 'withdrawn', reason, objections: row.entries.reduce((n, e) => n + e._count.objections, 0) },
      });
      return { row: await this.notices.find(tx, id), withdrawn: true };
    });
    if (!result.row) throw notFound();
    if (result.withdrawn) {
      await this.changes.changed();
      await this.jobs.cancelCommitted(noticeClose, { noticeId: id });
    }
    return toNoticeView(result.row, this.clock.now());
  }

  async get(id: string) {
    const row = await this.database.inTenant((tx) => this.notices.find(tx, id));
    if (!row) throw notFound();
    return toNoticeView(row, this.clock.now());
  }

  /** An entry's state now (closed? objections still pending?), for services that act on its outcome. */
  async entryState(entryId: string) {
    const state = await this.database.inTenant((tx) => this.notices.entryState(tx, entryId));
    if (!state) throw DomainError.notFound({ zh: '未找到该公示条目', en: 'No such notice entry' });
    return state;
  }

  async list(request: { status?: NoticeStatus } & PageRequest) {
    const { status, ...page } = request;
    const now = this.clock.now();
    const { rows, next } = await this.database.inTenant((tx) =>
      this.notices.list(tx, { status, now, today: shanghaiDateOf(now) }, page),
    );
    return { notices: rows.map((row) => toNoticeSummary(row, now)), next };
  }

  async listPublic() {
    const now = this.clock.now();
    const rows = await this.database.inTenant((tx) =>
      this.notices.listPublic(tx, shanghaiDateOf(now), new Date(now.getTime() - RECENT_MS)),
    );
    return { notices: rows.map((row) => toPublicSummary(row, now)) };
  }

  async getPublic(id: string) {
    const now = this.clock.now();
    const { row, rules } = await this.database.inTenant(async (tx) => {
      const row = await this.notices.find(tx, id);
      return { row, rules: row ? await this.rules.ofNotice(tx, row) : null };
    });
    if (!row || row.publishedOn > shanghaiDateOf(now)) throw notFound();
    return toPublicNoticeView(row, rules, now);
  }

  /** The period: the office's, checked against the policy's minimum, or the policy's for the stage. */
  private periodOf(body: NoticeOpenBody, rules: TenantRules | null) {
    const stage = rules?.notices.find((n) => n.stage === body.stage);
    const policyBasis = rules && stage ? cite(rules, stage.basis) : null;
    const periodBasis = body.basis ? (rules ? (cite(rules, body.basis) as string) : body.basis) : policyBasis;
    const required = stage?.period ?? null;
    if (!body.period) {
      if (!required) {
        throw DomainError.validation([
          {
            field: 'body.period',
            reason: {
              zh: '规定未给出该阶段的公示期，须由办公室设定',
              en: 'the regulation gives no period for this stage: the office must set it',
            },
          },
        ]);
      }
      return { period: { count: required.count, unit: required.unit as DeadlineUnit }, periodBasis };
    }
    if (required) {
      const shorter = body.period.unit === required.unit && body.period.count < required.count;
      const otherUnit = body.period.unit !== required.unit;
      const notExact = !required.minimum && body.period.count !== required.count;
      if (shorter || otherUnit || notExact) {
        const unitZh = required.unit === 'working_days' ? '个工作日' : '天';
        throw new DomainError({
          code: 'rule_violation',
          detail: {
            zh: `该阶段的公示期${required.minimum ? '不少于' : '为'} ${required.count} ${unitZh}`,
            en: `The notice period of this stage is ${required.minimum ? 'at least ' : ''}${required.count} ${required.unit.replace('_', ' ')}`,
          },
          basis: policyBasis ?? undefined,
          fields: [
            {
              field: 'body.period',
              reason: { zh: '短于或不符合规定的公示期', en: 'does not meet the period of the regulation' },
            },
          ],
        });
      }
    }
    return { period: body.period, periodBasis };
  }

  private deadlineOf(start: string, period: { count: number; unit: DeadlineUnit }, basis: string | null): Deadline {
    try {
      return computeDeadline(
        { start, count: period.count, unit: period.unit, ...(basis ? { policy: { basis } } : {}) },
        this.calendar.calendar,
      );
    } catch (error) {
      if (error instanceof CalendarInputError) {
        throw DomainError.validation([
          { field: 'body.publishedOn', reason: { zh: '日期超出可计算范围', en: 'is outside the calendar’s range' } },
        ]);
      }
      throw error;
    }
  }

  /** The job re-reads the row: a notice already closed is left alone, one moved later is re-scheduled. */
  private async close(noticeId: string): Promise<void> {
    let closed = false;
    const rescheduleAt = await this.database.inTenant(async (tx) => {
      await this.notices.lockToClose(tx, noticeId);
      const row = await this.notices.find(tx, noticeId);
      if (!row || row.closedAt || row.withdrawnAt) return null;
      const now = this.clock.now();
      if (row.closesAt > now) return row.closesAt;
      const pending = await this.notices.pendingByEntry(tx, noticeId);
      const outcomes = new Map<string, 'passed' | 'objections_pending'>();
      for (const entry of row.entries) {
        const objectionsPending = pending.get(entry.id) ?? 0;
        outcomes.set(entry.id, objectionsPending > 0 ? 'objections_pending' : 'passed');
        await this.outbox.add(tx, objectionsPending > 0 ? noticeEntryObjectionsPending : noticeEntryPassed, {
          noticeId,
          reference: row.reference,
          cycleNumber: row.cycleNumber,
          stage: row.stage,
          entryId: entry.id,
          subject: entrySubjectOf(entry),
          applicationId: entry.applicationId,
          closedAt: now.toISOString(),
          objectionsPending,
        });
      }
      await this.notices.close(tx, noticeId, now, outcomes);
      closed = true;
      await this.audit.record(tx, {
        action: 'notice.close',
        targetType: 'notice',
        targetId: noticeId,
        basis: row.deadlineBasis,
        after: { closedAt: now.toISOString(), outcomes: Object.fromEntries(outcomes) },
      });
      return null;
    });
    if (closed) await this.changes.changed();
    if (rescheduleAt) await this.jobs.schedule(noticeClose, { noticeId }, rescheduleAt);
  }

  /** On a new calendar: open notices computed on a provisional year are recomputed; moved ones are reported. */
  private async recompute(calendar: WorkingDayCalendar): Promise<MovedDeadline[]> {
    const open = await this.database.acrossTenants((tx) => this.notices.openNotices(tx, { provisionalOnly: true }));
    const stored = open.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      start: row.publishedOn,
      count: row.periodCount,
      unit: row.periodUnit as DeadlineUnit,
      ruleBasis: row.periodBasis,
      lastDay: row.lastDay,
    }));
    const moved = await recomputeStoredDeadlines(
      calendar,
      stored,
      {
        service: 'objections',
        kind: 'notice',
        action: 'notice.recompute',
        targetType: 'notice',
        store: async (tx, id, deadline) => {
          await this.notices.updateDeadline(tx, id, deadline);
        },
        reschedule: (id, deadline, tenantId) =>
          this.jobs
            .scheduleCommitted(noticeClose, { noticeId: id }, deadline.endsAtDate, tenantId)
            .then(() => undefined),
      },
      { database: this.database, audit: this.audit },
    );
    if (moved.length > 0) await this.changes.changed(null);
    return moved;
  }
}
