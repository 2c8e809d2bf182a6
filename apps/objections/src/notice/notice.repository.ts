import { randomUUID } from 'node:crypto';
import type { Deadline } from '@laurel/calendar';
import type { NoticeOpenBody, NoticeView, PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import type { ObjectionsTx } from '../objections-prisma';

type NoticeStatus = NoticeView['status'];

const withEntries = {
  entries: { orderBy: { position: 'asc' }, include: { _count: { select: { objections: true } } } },
} as const;

/** `noticeStatus` as a query: withdrawn, else closed (or past its end), else scheduled or open by its date. */
function whereStatus(status: NoticeStatus, now: Date, today: string): Prisma.NoticeWhereInput {
  if (status === 'withdrawn') return { withdrawnAt: { not: null } };
  if (status === 'closed') return { withdrawnAt: null, OR: [{ closedAt: { not: null } }, { closesAt: { lte: now } }] };
  const running = { withdrawnAt: null, closedAt: null, closesAt: { gt: now } };
  return { ...running, publishedOn: status === 'scheduled' ? { gt: today } : { lte: today } };
}

export type NoticeWithEntries = NonNullable<Awaited<ReturnType<NoticeRepository['find']>>>;
export type NoticeRow = Awaited<ReturnType<NoticeRepository['list']>>['rows'][number];

@Injectable()
export class NoticeRepository {
  async create(
    tx: ObjectionsTx,
    input: {
      body: NoticeOpenBody;
      period: { count: number; unit: string };
      periodBasis: string | null;
      policyVersion: number | null;
      deadline: Deadline;
      openedBy: string | null;
      now: Date;
    },
  ) {
    const tenantId = RequestContexts.requireTenant();
    const { body, deadline } = input;
    const notice = await tx.notice.create({
      data: {
        id: randomUUID(),
        tenantId,
        reference: body.reference ?? null,
        cycleNumber: body.cycleNumber ?? null,
        policyVersion: input.policyVersion,
        stage: body.stage,
        title: body.title,
        publishedOn: body.publishedOn,
        periodCount: input.period.count,
        periodUnit: input.period.unit,
        periodBasis: input.periodBasis,
        lastDay: deadline.lastDay,
        closesAt: deadline.endsAtDate,
        provisional: deadline.provisional,
        deadlineBasis: deadline.basis,
        rule: deadline.rule,
        calendar: deadline.calendar,
        openedBy: input.openedBy,
        createdAt: input.now,
      },
    });
    await tx.noticeEntry.createMany({
      data: body.entries.map((entry, position) => ({
        id: randomUUID(),
        tenantId,
        noticeId: notice.id,
        position,
        subjectKind: entry.subjectKind,
        subjectId: entry.subjectId,
        subjectName: entry.subjectName,
        proposal: entry.proposal,
        applicationId: entry.applicationId ?? null,
        recommenderId: entry.recommender?.id ?? null,
        recommenderName: entry.recommender?.name ?? null,
      })),
    });
    return notice;
  }

  find(tx: ObjectionsTx, id: string) {
    return tx.notice.findUnique({ where: { id }, include: withEntries });
  }

  /**
   * Holds the notice open while an objection to it is written (FOR SHARE: objections do not wait for each other).
   * Resolves with its closing (or withdrawal) time when that happened meanwhile, so the objection is refused rather
   * than left out of the count its close made.
   */
  async holdOpen(tx: ObjectionsTx, id: string): Promise<{ closedAt: Date | null; withdrawnAt: Date | null }> {
    const rows = await tx.$queryRaw<{ closed_at: Date | null; withdrawn_at: Date | null }[]>`
      SELECT closed_at, withdrawn_at FROM notice WHERE id = ${id}::uuid FOR SHARE`;
    return { closedAt: rows[0]?.closed_at ?? null, withdrawnAt: rows[0]?.withdrawn_at ?? null };
  }

  /** Locks the notice to close it: objections being written finish first and are counted. */
  async lockToClose(tx: ObjectionsTx, id: string): Promise<void> {
    await tx.$queryRaw`SELECT id FROM notice WHERE id = ${id}::uuid FOR UPDATE`;
  }

  findByReference(tx: ObjectionsTx, reference: string) {
    return tx.notice.findFirst({ where: { reference }, include: withEntries });
  }

  /** A page of notices, newest first, in one status (as `noticeStatus` computes it) or all. */
  async list(tx: ObjectionsTx, filter: { status?: NoticeStatus; now: Date; today: string }, page: PageRequest) {
    const rows = await tx.notice.findMany({
      orderBy: [{ publishedOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      ...pageArgs(page, filter.status ? whereStatus(filter.status, filter.now, filter.today) : {}),
    });
    return pageOf(rows, page);
  }

  /** Published by `today` and either open or closed since `since`. */
  listPublic(tx: ObjectionsTx, today: string, since: Date) {
    return tx.notice.findMany({
      where: { publishedOn: { lte: today }, closesAt: { gte: since } },
      orderBy: [{ publishedOn: 'desc' }, { createdAt: 'desc' }],
      take: 200,
    });
  }

  entry(tx: ObjectionsTx, noticeId: string, entryId: string) {
    return tx.noticeEntry.findFirst({ where: { id: entryId, noticeId } });
  }

  /** One entry with its notice's close time, and its objections still to be examined or decided. */
  async entryState(tx: ObjectionsTx, entryId: string) {
    const entry = await tx.noticeEntry.findUnique({ where: { id: entryId } });
    if (!entry) return null;
    const notice = await tx.notice.findUniqueOrThrow({ where: { id: entry.noticeId } });
    const pending = await tx.objection.count({ where: { entryId, status: { in: ['received', 'admitted'] } } });
    return { entryId, noticeId: entry.noticeId, closed: notice.closedAt !== null, objectionsPending: pending };
  }

  /** Objections of each entry of a notice that are still to be examined or decided. */
  async pendingByEntry(tx: ObjectionsTx, noticeId: string): Promise<Map<string, number>> {
    const rows = await tx.objection.groupBy({
      by: ['entryId'],
      where: { noticeId, status: { in: ['received', 'admitted'] } },
      _count: { _all: true },
    });
    return new Map(rows.map((row) => [row.entryId, row._count._all]));
  }

  /** Withdraws the notice; its reference is freed (kept as `withdrawnReference`) for a new notice to take. */
  async withdraw(
    tx: ObjectionsTx,
    notice: { id: string; reference: string | null },
    withdrawal: { at: Date; reason: string; by: string | null },
  ) {
    await tx.notice.update({
      where: { id: notice.id },
      data: {
        withdrawnAt: withdrawal.at,
        withdrawalReason: withdrawal.reason,
        withdrawnBy: withdrawal.by,
        withdrawnReference: notice.reference,
        reference: null,
      },
    });
  }

  async close(tx: ObjectionsTx, id: string, closedAt: Date, outcomes: Map<string, 'passed' | 'objections_pending'>) {
    await tx.notice.update({ where: { id }, data: { closedAt } });
    for (const outcome of ['passed', 'objections_pending'] as const) {
      const ids = [...outcomes].filter(([, o]) => o === outcome).map(([entryId]) => entryId);
      if (ids.length > 0) await tx.noticeEntry.updateMany({ where: { id: { in: ids } }, data: { outcome } });
    }
  }

  updateDeadline(tx: ObjectionsTx, id: string, deadline: Deadline) {
    return tx.notice.update({
      where: { id },
      data: {
        lastDay: deadline.lastDay,
        closesAt: deadline.endsAtDate,
        provisional: deadline.provisional,
        deadlineBasis: deadline.basis,
        rule: deadline.rule,
        calendar: deadline.calendar,
      },
    });
  }

  /** Every tenant's open notices (platform path: re-scheduling and recomputing). */
  openNotices(tx: ObjectionsTx, options: { provisionalOnly?: boolean } = {}) {
    return tx.notice.findMany({
      where: { closedAt: null, withdrawnAt: null, ...(options.provisionalOnly ? { provisional: true } : {}) },
      select: {
        id: true,
        tenantId: true,
        closesAt: true,
        publishedOn: true,
        periodCount: true,
        periodUnit: true,
        periodBasis: true,
        lastDay: true,
        deadlineBasis: true,
      },
    });
  }
}
