export {
  type Accident,
  type AccidentMatch,
  accidentThresholdsOf,
  describeThreshold,
  matchAccident,
} from './accident-threshold.util';
export { type AwardBudgetYear, awardBudgetYear } from './award-budget-year.util';
export { checkQuota, type QuotaCheck, type QuotaOutcome } from './check-quota.util';
export {
  type AllowedFrom,
  type ApplicantHistory,
  checkReapplication,
  type PastAward,
  type PastBan,
  type ReapplicationFinding,
  type ReapplicationOutcome,
  type ReapplicationResult,
  type TargetCycle,
} from './check-reapplication.util';
export {
  type ClearanceCategory,
  type ClearanceDepartmentRule,
  type ClearancePlan,
  clearanceDepartments,
} from './clearance-departments.util';
export {
  type AwardAmountCheck,
  checkAwardAmount,
  computeEntitlement,
  type Entitlement,
  type EntitlementInput,
} from './compute-entitlement.util';
export * from './conflict-of-interest.rules';
export { deciderRoleOf } from './decider-role-of.util';
export {
  type ConflictApplicant,
  type ConflictExpert,
  type ConflictFinding,
  type ConflictOptions,
  detectConflicts,
  type Organisation,
} from './detect-conflicts.util';
export * from './duty-reminders.rules';
export type {
  ApplicantFacts,
  ApplicantIncident,
  EligibilityFinding,
  EligibilityOptions,
  EligibilityOutcome,
  EligibilityResult,
  RecordedDecision,
} from './eligibility-facts';
export {
  type Consequence,
  type ConsequenceBan,
  type ConsequenceEvent,
  type ConsequenceKind,
  type ConsequenceResult,
  evaluateConsequences,
} from './evaluate-consequences.util';
export { type CutResult, type CutRule, evaluateCut } from './evaluate-cut.util';
export { evaluateEligibility } from './evaluate-eligibility.util';
export {
  evaluateObjectionOutcome,
  type ObjectionDecision,
  type ObjectionOutcome,
  type ObjectionOutcomeEffect,
} from './evaluate-objection-outcome.util';
export {
  type EntryCandidate,
  type EntryDecision,
  type EntryFinding,
  evaluateStageEntry,
  previousReviewStage,
  REVIEW_STAGE_KINDS,
  type ReviewStageKind,
  reviewStagesOf,
} from './evaluate-stage-entry.util';
export {
  evaluateUseReport,
  judgeUseReport,
  OTHER_USE,
  purposeName,
  type UsePurpose,
  type UseReportInput,
  type UseReportLine,
  type UseReportOutcome,
  type UseReportProblem,
  type UseRules,
  useRulesOf,
} from './evaluate-use-report.util';
export {
  evaluateWinnerQuotas,
  type KindQuotaResult,
  type QuotaExceedance,
  type TierQuotaResult,
  type WinnerQuotaEvaluation,
  type WinnerQuotaProblem,
} from './evaluate-winner-quotas.util';
export { explainPolicy } from './explain-policy.util';
export {
  flagOutliers,
  median,
  type OutlierFlag,
  type OutlierOptions,
  type OutlierReason,
  type PanelTotal,
} from './flag-outliers.util';
export { formatFen } from './format-fen.util';
export { isoDate } from './iso-date.util';
export {
  isLaunchPolicyKey,
  type LaunchPolicyKey,
  launchDivisionCodes,
  launchPolicyKeys,
} from './launch-policy-keys.util';
export {
  loadRubrics,
  loadScoringPlans,
  rubricForStandard,
  rubricOf,
  rubricRuleFor,
  scoringPlanOf,
} from './load-rubric.util';
export {
  type ExpertLeniency,
  type Normalisation,
  type NormalisationMethod,
  type NormalisedSheet,
  type NormaliseOptions,
  normaliseScores,
  type SheetTotal,
} from './normalise-scores.util';
export { officeMayGrant, type RoleGrant } from './office-may-grant.util';
export { type PolicyParseResult, parsePolicy } from './parse-policy.util';
export {
  DUTY_KINDS,
  type DutyKind,
  type DutyPlan,
  type DutyPlanInput,
  dutyDates,
  type PlannedDuty,
  planDuties,
  type RefusalGround,
  refusalGroundOf,
} from './plan-duties.util';
export * from './policy.schema';
export { type PolicyWarning, policyWarnings, problemHint } from './policy-hints.util';
export {
  launchPoliciesDirectory,
  loadLaunchPolicies,
  loadLaunchPolicy,
  loadPolicyFile,
  PolicyLoadError,
} from './policy-loader.service';
export { formatProblemPath, type PolicyProblem } from './policy-problem.schema';
export { compositeScores, type RankedRow, rankApplications, type Scored } from './rank-applications.util';
export { anonymousReportsTaken, reportReceiverRole } from './report-rules.util';
export * from './rubric.schema';
export { type PolicyCliIo, runPolicyCli } from './run-policy-cli.util';
export {
  type DueReport,
  type ObligationInput,
  type ObligationSchedule,
  scheduleObligations,
  type UnscheduledObligation,
} from './schedule-obligations.util';
export * from './scoring-plan.schema';
export { noticePeriodOf, type PolicySummary, summarizePolicy } from './summarize-policy.util';
export { type CandidateTally, type TallyInput, type TallyResult, tallyVote } from './tally-vote.util';
export { type TitleUseRules, titleUseRules } from './title-use.util';
export { type TitleValidity, titleValidity } from './title-validity.util';
export { notTranscribedReason, untranscribedOf } from './untranscribed.util';
export * from './vote-tally.rules';
