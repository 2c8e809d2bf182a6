import type { DutyView } from '@laurel/contracts';
import { dateColumn } from '../date-column.util';
import type { DutyRow } from './duty.repository';

const day = (value: Date | null) => (value ? dateColumn.toIso(value) : null);

export const toDutyView = (row: DutyRow): DutyView => ({
  id: row.id,
  titleId: row.titleId,
  applicantId: row.applicantId,
  key: row.key,
  sequence: row.sequence,
  kind: row.kind as DutyView['kind'],
  name: { zh: row.nameZh, en: row.nameEn },
  recipient: row.recipientZh,
  dueDate: day(row.dueDate),
  windowStart: day(row.windowStart),
  period:
    row.periodStart && row.periodEnd
      ? { start: dateColumn.toIso(row.periodStart), end: dateColumn.toIso(row.periodEnd) }
      : null,
  basis: row.basis,
  status: row.status,
  submittedAt: row.submittedAt?.toISOString() ?? null,
  submission: row.submission,
  overdueAt: row.overdueAt?.toISOString() ?? null,
  refusalGround:
    row.refusalRuleId && row.refusalBasis
      ? { ruleId: row.refusalRuleId, event: 'refusing_duties', basis: row.refusalBasis }
      : null,
  reminders: row.reminders
    .filter((reminder) => !reminder.cancelledAt)
    .map((reminder) => ({
      kind: reminder.kind as 'reminder' | 'overdue',
      daysBefore: reminder.daysBefore,
      dueAt: reminder.dueAt.toISOString(),
      firedAt: reminder.firedAt?.toISOString() ?? null,
    })),
});
