import type { AssignmentView, MyAssignmentView } from '@laurel/contracts';
import type { AssignmentRepository, AssignmentRow } from './assignment.repository';

/** An assignment as the office reads it, with its history. */
export function toAssignmentView(row: AssignmentRow): AssignmentView {
  return {
    id: row.id,
    stageId: row.stageId,
    applicationId: row.applicationId,
    applicantName: row.application.applicantName,
    expertId: row.expertId,
    expertName: row.expert.name,
    status: row.status as AssignmentView['status'],
    locked: row.locked,
    source: row.source as AssignmentView['source'],
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt.toISOString(),
    history: row.history.map((h) => ({ action: h.action, reason: h.reason, actor: h.actor, at: h.at.toISOString() })),
  };
}

type ExpertRow = Awaited<ReturnType<AssignmentRepository['ofExpert']>>[number];

/** An assignment as its expert reads it: the stage and the applicant, nothing of other experts. */
export function toMyAssignmentView(row: ExpertRow): MyAssignmentView {
  return {
    id: row.id,
    stage: {
      id: row.stage.id,
      cycleNumber: row.stage.cycleNumber,
      stageKey: row.stage.stageKey,
      kind: row.stage.kind,
      name: { zh: row.stage.nameZh, en: row.stage.nameEn },
      status: row.stage.status,
    },
    application: {
      id: row.application.id,
      cycleNumber: row.application.cycleNumber,
      applicantName: row.application.applicantName,
      applicantKind: row.application.applicantKind as 'organisation' | 'individual',
    },
    assignedAt: row.decidedAt.toISOString(),
  };
}
