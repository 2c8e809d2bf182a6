import type { RevocationCaseView } from '@laurel/contracts';
import { dateColumn } from '../date-column.util';
import type { RevocationCaseRow } from './revocation.repository';

type Identity = RevocationCaseView['subject']['identity'];

/** An organisation by its credit code; an individual by the applicant (the awards service keeps no ID number). */
export const identityOfRow = (row: { identityKind: string; identityValue: string }): Identity =>
  row.identityKind === 'organisation'
    ? { kind: 'organisation', creditCode: row.identityValue }
    : { kind: 'individual', applicantId: row.identityValue };

export const revocationView = (row: RevocationCaseRow): RevocationCaseView => ({
  id: row.id,
  status: row.status,
  subject: {
    titleId: row.titleId,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    identity: identityOfRow(row),
    tier: row.tier as 'award' | 'nomination',
    cycleNumber: row.cycleNumber,
    awardedOn: dateColumn.toIso(row.awardedOn),
  },
  policyVersion: row.policyVersion,
  ground: row.ground as RevocationCaseView['ground'],
  eventOn: dateColumn.toIso(row.eventOn),
  severity: row.severity,
  description: row.description,
  evidence: row.evidence as RevocationCaseView['evidence'],
  evaluation: row.evaluation as RevocationCaseView['evaluation'],
  approval:
    row.approvalBody && row.approvalNumber && row.approvedOn
      ? {
          body: row.approvalBody,
          documentNumber: row.approvalNumber,
          approvedOn: dateColumn.toIso(row.approvedOn),
        }
      : null,
  dismissalReason: row.dismissalReason,
  steps: row.steps.map((step) => ({
    position: step.position,
    kind: step.kind as RevocationCaseView['steps'][number]['kind'],
    basis: step.basis,
    detail: step.detail as Record<string, unknown>,
    appliedAt: step.appliedAt.toISOString(),
  })),
  openedBy: row.openedBy,
  openedAt: row.openedAt.toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  dutyId: row.dutyId,
});
