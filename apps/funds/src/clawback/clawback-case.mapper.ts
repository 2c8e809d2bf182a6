import type { ClawbackCaseStatus, ClawbackCaseView } from '@laurel/contracts';
import { fenNumber } from '../ledger/fen.util';
import type { ClawbackCaseRow } from './clawback-case.repository';

export type ClawbackInstalment = {
  readonly dueOn: string;
  readonly amountFen: number;
};

/** What is still to be recovered: demanded less recovered and written off. */
export const outstandingOfCase = (row: ClawbackCaseRow): bigint => row.amountFen - row.recoveredFen - row.writtenOffFen;

export function toClawbackCaseView(row: ClawbackCaseRow): ClawbackCaseView {
  return {
    id: row.id,
    revocationId: row.revocationId,
    titleId: row.titleId,
    cycleNumber: row.cycleNumber,
    applicantId: row.applicantId,
    applicantName: row.applicantName,
    tier: row.tier,
    entitlementId: row.entitlementId,
    budgetYear: row.budgetYear,
    revokedOn: row.revokedOn,
    awardedOn: row.awardedOn,
    basis: row.basis,
    window: row.windowMonths && row.windowFrom ? { months: row.windowMonths, from: row.windowFrom } : null,
    status: row.status as ClawbackCaseStatus,
    reason: { zh: row.reasonZh, en: row.reasonEn },
    amountFen: fenNumber(row.amountFen),
    recoveredFen: fenNumber(row.recoveredFen),
    writtenOffFen: fenNumber(row.writtenOffFen),
    returnedFen: fenNumber(row.returnedFen),
    outstandingFen: fenNumber(outstandingOfCase(row)),
    dueOn: row.dueOn,
    remindAt: row.remindAt?.toISOString() ?? null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    overdueAt: row.overdueAt?.toISOString() ?? null,
    instalments: (row.instalments as ClawbackInstalment[] | null) ?? null,
    agreementDocument: row.agreementDocument,
    writeOff:
      row.writeOffReason && row.writeOffApproval && row.writeOffApprovedBy
        ? {
            reason: row.writeOffReason,
            approval: row.writeOffApproval,
            approvedBy: row.writeOffApprovedBy,
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    history: row.history.map((h) => ({
      action: h.action,
      from: h.fromStatus as ClawbackCaseStatus | null,
      to: h.toStatus as ClawbackCaseStatus,
      amountFen: h.amountFen === null ? null : fenNumber(h.amountFen),
      transferId: h.transferId,
      note: h.note,
      actor: h.actor,
      at: h.at.toISOString(),
    })),
  };
}
