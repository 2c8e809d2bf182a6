import { randomUUID } from 'node:crypto';
import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import type { TitleDates, TitleReminderKind } from './title-reminders.util';

export interface TitleWithDates extends TitleDates {
  readonly id: string;
  readonly tenantId: string;
  /** The reminders already sent: `kind:targetDate:daysBefore`. */
  readonly fired: ReadonlySet<string>;
}

export const firedKey = (r: { kind: string; targetDate: string; daysBefore: number }) =>
  `${r.kind}:${r.targetDate}:${r.daysBefore}`;

const day = (value: Date | null) => (value ? dateColumn.toIso(value) : null);

/** The titles whose dates call for reminders, and the record of the reminders sent. */
@Injectable()
export class TitleReminderRepository {
  /** Across tenants (the deadline source): active titles with a last valid day and rectifying titles with a date. */
  async titlesWithDates(tx: AwardsTx): Promise<TitleWithDates[]> {
    const rows = await tx.title.findMany({
      where: {
        OR: [
          { status: 'active', validUntil: { not: null } },
          { status: 'rectifying', rectifyBy: { not: null } },
        ],
      },
      select: {
        id: true,
        tenantId: true,
        status: true,
        validUntil: true,
        rectifyBy: true,
        statusChangedAt: true,
        reminders: { select: { kind: true, targetDate: true, daysBefore: true } },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenantId,
      status: row.status,
      validUntil: day(row.validUntil),
      rectifyBy: day(row.rectifyBy),
      statusChangedAt: row.statusChangedAt,
      fired: new Set(row.reminders.map((r) => firedKey({ ...r, targetDate: dateColumn.toIso(r.targetDate) }))),
    }));
  }

  /** Records a reminder as sent; false when it already was (a job run twice). */
  async record(
    tx: AwardsTx,
    reminder: { titleId: string; kind: TitleReminderKind; targetDate: string; daysBefore: number; basis: string },
    at: Date,
  ): Promise<boolean> {
    const created = await tx.titleReminder.createMany({
      data: [
        {
          id: randomUUID(),
          tenantId: RequestContexts.requireTenant(),
          titleId: reminder.titleId,
          kind: reminder.kind,
          targetDate: dateColumn.fromIso(reminder.targetDate),
          daysBefore: reminder.daysBefore,
          basis: reminder.basis,
          firedAt: at,
        },
      ],
      skipDuplicates: true,
    });
    return created.count === 1;
  }
}
