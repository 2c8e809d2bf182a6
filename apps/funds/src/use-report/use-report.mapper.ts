import type { UseReportStatus, UseReportView } from '@laurel/contracts';
import { purposeName, type UseRules } from '@laurel/policy';
import { outstandingOf } from '../entitlement/entitlement.mapper';
import type { EntitlementRow } from '../entitlement/entitlement.repository';
import { fenNumber } from '../ledger/fen.util';
import type { PerformanceEvaluationRow, UseReportRow } from './use-report.repository';

export function toUseReportView(
  entitlement: EntitlementRow,
  rules: UseRules | null,
  report: UseReportRow | null,
  evaluation: PerformanceEvaluationRow | null,
): UseReportView {
  return {
    entitlement: {
      id: entitlement.id,
      cycleNumber: entitlement.cycleNumber,
      budgetYear: entitlement.budgetYear,
      applicantId: entitlement.applicantId,
      applicantName: entitlement.applicantName,
      tier: entitlement.tier,
      status: entitlement.status === 'amount_undecided' ? 'amount_undecided' : 'obligated',
      amountFen: entitlement.amountFen === null ? null : fenNumber(entitlement.amountFen),
      capFen: entitlement.capFen === null ? null : fenNumber(entitlement.capFen),
      basis: entitlement.basis,
      amountDecision:
        entitlement.amountRecordedAt && entitlement.amountFen !== null
          ? {
              amountFen: fenNumber(entitlement.amountFen),
              decidedBy: entitlement.amountDecidedBy ?? '',
              document: entitlement.amountDocument ?? '',
              reason: entitlement.amountDecisionReason ?? '',
              recordedAt: entitlement.amountRecordedAt.toISOString(),
            }
          : null,
      paidFen: fenNumber(outstandingOf(entitlement).paid),
    },
    rules: rules
      ? {
          purposes: rules.purposes.map((purpose) => ({ key: purpose.key, name: purpose.name })),
          restricted: rules.restricted,
          otherAllowed: rules.otherAllowed,
          performanceEvaluation: rules.performanceEvaluation,
          basis: rules.basis,
        }
      : null,
    report: report
      ? {
          id: report.id,
          status: report.status as UseReportStatus,
          lines: report.lines.map((line) => ({
            purpose: line.purpose,
            purposeName: (rules && purposeName(rules, line.purpose)) ?? { zh: line.purpose, en: line.purpose },
            amountFen: fenNumber(line.amountFen),
            description: line.description,
          })),
          totalFen: fenNumber(report.totalFen),
          queryReasons: (report.queryReasons as string[] | null) ?? [],
          submittedAt: report.submittedAt?.toISOString() ?? null,
          decidedBy: report.decidedBy,
          decidedAt: report.decidedAt?.toISOString() ?? null,
          history: report.history.map((step) => ({
            action: step.action,
            from: step.fromStatus as UseReportStatus | null,
            to: step.toStatus as UseReportStatus,
            note: step.note,
            actor: step.actor,
            at: step.at.toISOString(),
          })),
        }
      : null,
    evaluation: evaluation
      ? {
          id: evaluation.id,
          rating: evaluation.rating as NonNullable<UseReportView['evaluation']>['rating'],
          score: evaluation.score,
          conclusion: evaluation.conclusion,
          evaluator: evaluation.evaluator,
          evaluatedOn: evaluation.evaluatedOn,
          document: evaluation.document,
          basis: evaluation.basis,
          recordedBy: evaluation.recordedBy,
          recordedAt: evaluation.recordedAt.toISOString(),
        }
      : null,
  };
}
