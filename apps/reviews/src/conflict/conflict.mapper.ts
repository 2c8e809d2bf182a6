import type { ConflictView } from '@laurel/contracts';
import type { ConflictRow } from './conflict.repository';

/** A flag as the office reads it, with its history. */
export function toConflictView(row: ConflictRow): ConflictView {
  return {
    id: row.id,
    expertId: row.expertId,
    expertName: row.expert.name,
    applicationId: row.applicationId,
    applicantName: row.application.applicantName,
    kind: row.kind as ConflictView['kind'],
    evidence: row.evidence,
    status: row.status as ConflictView['status'],
    basis: row.basis,
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    detectedAt: row.detectedAt.toISOString(),
    history: row.history.map((h) => ({
      action: h.action,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
  };
}
