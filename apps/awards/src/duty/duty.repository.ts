import type { DutyStatus, PageRequest } from '@laurel/contracts';
import { pageArgs, pageOf, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import type { Prisma } from '../generated/prisma/client';

const withReminders = {
  reminders: { orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.DutyInclude;
export type DutyRow = Prisma.DutyGetPayload<{ include: typeof withReminders }>;

export type NewDuty = Omit<Prisma.DutyUncheckedCreateInput, 'tenantId' | 'reminders'>;
export type NewReminder = { id: string; dutyId: string; kind: 'reminder' | 'overdue'; daysBefore: number; dueAt: Date };

/** Post-award duties and their reminders. */
@Injectable()
export class DutyRepository {
  byId(tx: AwardsTx, dutyId: string): Promise<DutyRow | null> {
    return tx.duty.findFirst({
      where: { id: dutyId, tenantId: RequestContexts.requireTenant() },
      include: withReminders,
    });
  }

  ofTitle(tx: AwardsTx, titleId: string): Promise<DutyRow[]> {
    return tx.duty.findMany({
      where: { titleId, tenantId: RequestContexts.requireTenant() },
      include: withReminders,
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { key: 'asc' }, { sequence: 'asc' }],
    });
  }

  async page(
    tx: AwardsTx,
    filter: { status?: DutyStatus; titleId?: string; applicantId?: string },
    page: PageRequest,
  ): Promise<{ rows: DutyRow[]; next: string | null }> {
    const where: Prisma.DutyWhereInput = {
      tenantId: RequestContexts.requireTenant(),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.titleId ? { titleId: filter.titleId } : {}),
      ...(filter.applicantId ? { applicantId: filter.applicantId } : {}),
    };
    const rows = await tx.duty.findMany({ ...pageArgs(page, where), include: withReminders, orderBy: [{ id: 'asc' }] });
    return pageOf(rows, page);
  }

  async add(tx: AwardsTx, duties: NewDuty[], reminders: NewReminder[]): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    await tx.duty.createMany({ data: duties.map((duty) => ({ ...duty, tenantId })) });
    await this.addReminders(tx, reminders);
  }

  async addReminders(tx: AwardsTx, reminders: NewReminder[]): Promise<void> {
    const tenantId = RequestContexts.requireTenant();
    if (reminders.length) {
      await tx.dutyReminder.createMany({
        data: reminders.map((reminder) => ({ ...reminder, tenantId })),
        skipDuplicates: true,
      });
    }
  }

  /** Every reminder not yet fired nor cancelled, across tenants (the deadline source). */
  allPending(tx: AwardsTx) {
    return tx.dutyReminder.findMany({
      where: { firedAt: null, cancelledAt: null },
      select: { id: true, tenantId: true, dueAt: true },
    });
  }

  reminderById(tx: AwardsTx, reminderId: string) {
    return tx.dutyReminder.findFirst({
      where: { id: reminderId, tenantId: RequestContexts.requireTenant() },
      include: { duty: true },
    });
  }

  async markFired(tx: AwardsTx, reminderId: string, at: Date): Promise<void> {
    await tx.dutyReminder.update({ where: { id: reminderId }, data: { firedAt: at } });
  }

  /** Cancels a duty's pending reminders (submitted, or a new due date); answers the cancelled ids. */
  async cancelPending(tx: AwardsTx, dutyId: string, at: Date): Promise<string[]> {
    const pending = await tx.dutyReminder.findMany({
      where: { dutyId, tenantId: RequestContexts.requireTenant(), firedAt: null, cancelledAt: null },
      select: { id: true },
    });
    await tx.dutyReminder.updateMany({
      where: { id: { in: pending.map((row) => row.id) } },
      data: { cancelledAt: at },
    });
    return pending.map((row) => row.id);
  }

  async update(tx: AwardsTx, dutyId: string, data: Prisma.DutyUncheckedUpdateInput): Promise<void> {
    await tx.duty.updateMany({ where: { id: dutyId, tenantId: RequestContexts.requireTenant() }, data });
  }

  /** Clears fired/cancelled marks of reminders re-planned for a new due date (same kind and days before). */
  async replaceReminders(tx: AwardsTx, dutyId: string, reminders: NewReminder[]): Promise<void> {
    await tx.dutyReminder.deleteMany({ where: { dutyId, tenantId: RequestContexts.requireTenant(), firedAt: null } });
    const fired = await tx.dutyReminder.findMany({ where: { dutyId, tenantId: RequestContexts.requireTenant() } });
    await this.addReminders(
      tx,
      reminders.filter(
        (reminder) => !fired.some((row) => row.kind === reminder.kind && row.daysBefore === reminder.daysBefore),
      ),
    );
  }
}
