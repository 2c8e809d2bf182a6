import type { TitleView } from '@laurel/contracts';
import { dateColumn } from '../date-column.util';
import type { TitleRow } from './title.reader';

export const toTitleView = (row: TitleRow): TitleView => ({
  id: row.id,
  decisionId: row.decisionId,
  applicationId: row.applicationId,
  applicantId: row.applicantId,
  applicantKind: row.applicantKind as TitleView['applicantKind'],
  applicantName: row.applicantName,
  creditCode: row.creditCode,
  tier: row.tier as TitleView['tier'],
  cycleNumber: row.cycleNumber,
  year: row.year,
  policyVersion: row.policyVersion,
  validFrom: dateColumn.toIso(row.validFrom),
  validUntil: row.validUntil ? dateColumn.toIso(row.validUntil) : null,
  validityBasis: row.validityBasis,
  status: row.status,
  statusChangedAt: row.statusChangedAt.toISOString(),
  rectifyBy: row.rectifyBy ? dateColumn.toIso(row.rectifyBy) : null,
  history: row.statusChanges.map((change) => ({
    action: change.action as TitleView['history'][number]['action'],
    from: change.from,
    to: change.to,
    reason: change.reason,
    basis: change.basis,
    actor: change.actor,
    at: change.at.toISOString(),
  })),
  reminders: row.reminders.map((reminder) => ({
    kind: reminder.kind as TitleView['reminders'][number]['kind'],
    targetDate: dateColumn.toIso(reminder.targetDate),
    daysBefore: reminder.daysBefore,
    basis: reminder.basis,
    firedAt: reminder.firedAt.toISOString(),
  })),
});
