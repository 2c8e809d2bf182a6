import type { ClearanceRequestView, DepartmentView } from '@laurel/contracts';
import { dateColumn } from '../date-column.util';
import type { ClearanceRequestRow, DepartmentRow } from './clearance.repository';

export const toDepartmentView = (row: DepartmentRow): DepartmentView => ({
  id: row.id,
  key: row.key,
  name: row.name,
  userIds: row.userIds,
  createdAt: row.createdAt.toISOString(),
});

export const toClearanceView = (row: ClearanceRequestRow): ClearanceRequestView => ({
  id: row.id,
  cycleNumber: row.cycleNumber,
  applicationId: row.applicationId,
  applicantId: row.applicantId,
  applicantName: row.applicantName,
  category: row.category as ClearanceRequestView['category'],
  department: { id: row.department.id, name: row.department.name, key: row.department.key },
  basis: row.basis,
  dueOn: dateColumn.toIso(row.dueOn),
  status: row.status,
  remindedAt: row.remindedAt?.toISOString() ?? null,
  overdueAt: row.overdueAt?.toISOString() ?? null,
  answer: row.answer,
  answeredBy: row.answeredBy,
  answeredAt: row.answeredAt?.toISOString() ?? null,
  decisionReason: row.decisionReason,
  decidedOn: row.decidedOn ? dateColumn.toIso(row.decidedOn) : null,
  decisionRecordedBy: row.decisionRecordedBy,
  requestedBy: row.requestedBy,
  requestedAt: row.requestedAt.toISOString(),
});
