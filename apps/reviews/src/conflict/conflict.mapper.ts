import type { ConflictView } from '@laurel/contracts';
import type { ConflictRow } from './conflict.repository';

/** A flag as the office reads it, with its history. */
export function toConflictView(row: ConflictRow): ConflictView {
  return {
    id: row.id,
    party: {
      kind: row.partyKind as ConflictView['party']['kind'],
      id: partyIdOf(row),
      name: row.expert?.name ?? row.memberUnit?.name ?? row.officeUserLabel ?? '',
    },
    expertId: row.expertId,
    expertName: row.expert?.name ?? null,
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

/** The conflicted party's id, whichever kind it is. */
export function partyIdOf(row: Pick<ConflictRow, 'expertId' | 'memberUnitId' | 'officeUserId'>): string {
  return (row.expertId ?? row.memberUnitId ?? row.officeUserId) as string;
}
