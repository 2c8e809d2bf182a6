import type { DisbursementView, EntitlementView } from '@laurel/contracts';
import type { Disbursement } from '../generated/prisma/client';
import { fenNumber } from '../ledger/fen.util';
import type { EntitlementRow } from './entitlement.repository';

export function toDisbursementView(row: Disbursement): DisbursementView {
  return {
    id: row.id,
    entitlementId: row.entitlementId,
    amountFen: fenNumber(row.amountFen),
    voucher: row.voucher,
    status: row.status as DisbursementView['status'],
    initiatedBy: row.initiatedBy,
    initiatedAt: row.initiatedAt.toISOString(),
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    treasuryReference: row.treasuryReference,
    failureReason: row.failureReason,
  };
}

/** What an entitlement still owes: its amount less what is paid and what awaits the treasury (fen, bigint). */
export function outstandingOf(row: EntitlementRow): { paid: bigint; pending: bigint; outstanding: bigint } {
  const total = (status: string) =>
    row.disbursements.filter((d) => d.status === status).reduce((sum, d) => sum + d.amountFen, 0n);
  const paid = total('confirmed');
  const pending = total('pending');
  const owed = row.status === 'obligated' ? (row.amountFen ?? 0n) : 0n;
  return { paid, pending, outstanding: owed - paid - pending };
}

export function toEntitlementView(row: EntitlementRow): EntitlementView {
  const { paid, pending, outstanding } = outstandingOf(row);
  return {
    id: row.id,
    decisionId: row.decisionId,
    cycleNumber: row.cycleNumber,
    policyVersion: row.policyVersion,
    budgetYear: row.budgetYear,
    applicantId: row.applicantId,
    applicantKind: row.applicantKind as EntitlementView['applicantKind'],
    applicantName: row.applicantName,
    tier: row.tier as EntitlementView['tier'],
    form: row.form,
    amountFen: row.amountFen === null ? null : fenNumber(row.amountFen),
    status: row.status as EntitlementView['status'],
    basis: row.basis,
    reason: { zh: row.reasonZh, en: row.reasonEn },
    capFen: row.capFen === null ? null : fenNumber(row.capFen),
    amountDecision:
      row.amountRecordedAt && row.amountFen !== null
        ? {
            amountFen: fenNumber(row.amountFen),
            decidedBy: row.amountDecidedBy ?? '',
            document: row.amountDocument ?? '',
            reason: row.amountDecisionReason ?? '',
            recordedBy: row.amountRecordedBy,
            recordedAt: row.amountRecordedAt.toISOString(),
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    paidFen: fenNumber(paid),
    pendingFen: fenNumber(pending),
    outstandingFen: fenNumber(outstanding),
    disbursements: row.disbursements.map(toDisbursementView),
  };
}
