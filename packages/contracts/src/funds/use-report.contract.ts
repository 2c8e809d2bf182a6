import { z } from 'zod';
import { isoDateSchema } from '../awards/awards-common.schema';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { entitlementSchema } from './entitlement.contract';
import { budgetYearSchema, fenSchema } from './ledger.contract';

/**
 * A use report (资金使用报告) of an entitlement, where the policy restricts the use of the award money (inner-mongolia
 * 第十九条, xinzhou-city 第二十二条): `draft` (the winner is writing it), `submitted`, `queried` (finance asked
 * questions: the winner corrects it), `resubmitted`, `accepted` (final).
 */
export const useReportStatusSchema = z.enum(['draft', 'submitted', 'queried', 'resubmitted', 'accepted']);
export type UseReportStatus = z.infer<typeof useReportStatusSchema>;

/** A purpose's key (the policy's, e.g. `quality_research`; `other` where the text says only "主要用于"). */
const purposeKeySchema = z.string().trim().min(1).max(100);

export const useReportLineBody = z
  .object({
    purpose: purposeKeySchema,
    amountFen: fenSchema,
    /** What the money was spent on (项目、支出内容). */
    description: z.string().trim().min(1).max(2000),
  })
  .strict();

export const useReportSaveBody = z.object({ lines: z.array(useReportLineBody).min(1).max(100) }).strict();
export type UseReportSaveBody = z.infer<typeof useReportSaveBody>;

export const useReportQueryBody = z
  .object({ reasons: z.array(z.string().trim().min(1).max(2000)).min(1).max(20) })
  .strict();
export type UseReportQueryBody = z.infer<typeof useReportQueryBody>;

export const useReportAcceptBody = z.object({ note: z.string().trim().min(1).max(2000).optional() }).strict();
export type UseReportAcceptBody = z.infer<typeof useReportAcceptBody>;

/** 财政绩效评价 ratings (优、良、中、差): the regulation names none; finance records the evaluation's own. */
export const evaluationRatingSchema = z.enum(['excellent', 'good', 'fair', 'poor']);
export type EvaluationRating = z.infer<typeof evaluationRatingSchema>;

export const performanceEvaluationBody = z
  .object({
    rating: evaluationRatingSchema,
    /** The evaluation's score, where it gives one (0–100). */
    score: z.int().min(0).max(100).optional(),
    conclusion: z.string().trim().min(1).max(5000),
    /** Who evaluated (the office, finance, a third party commissioned). */
    evaluator: z.string().trim().min(1).max(200),
    evaluatedOn: isoDateSchema,
    /** The evaluation report or notice (评价报告文号). */
    document: z.string().trim().min(1).max(200),
  })
  .strict();
export type PerformanceEvaluationBody = z.infer<typeof performanceEvaluationBody>;

const localized = z.object({ zh: z.string(), en: z.string() });

export const useReportViewSchema = z.object({
  entitlement: z.object({
    id: z.uuid(),
    cycleNumber: z.int(),
    budgetYear: budgetYearSchema,
    applicantId: z.uuid(),
    applicantName: z.string(),
    tier: z.string(),
    /**
     * `amount_undecided`: the regulation leaves the amount to a decision not yet recorded (a cap, "不超过N万元", or no
     * amount stated); listed to its recipient only (`applicantId`), never on the list of uses.
     */
    status: z.enum(['obligated', 'amount_undecided']),
    /** Null while the amount awaits its decision. */
    amountFen: z.int().nullable(),
    /** The cap where the regulation gives one and leaves the amount to a decision; else null. */
    capFen: z.int().nullable(),
    /** The article the amount or the cap comes from, e.g. `第二十条`. */
    basis: z.string().nullable(),
    /** The decision that set an amount the regulation left open: the deciding body, its document, why, and when. */
    amountDecision: entitlementSchema.shape.amountDecision
      .unwrap()
      .pick({ amountFen: true, decidedBy: true, document: true, reason: true, recordedAt: true })
      .nullable(),
    /** Confirmed by the treasury: what a report may account for. */
    paidFen: z.int(),
  }),
  /** What the policy says about the money's use; null where the text is silent (no report owed). */
  rules: z
    .object({
      purposes: z.array(z.object({ key: z.string(), name: localized })),
      restricted: z.boolean(),
      otherAllowed: z.boolean(),
      performanceEvaluation: z.boolean(),
      basis: z.string(),
    })
    .nullable(),
  report: z
    .object({
      id: z.uuid(),
      status: useReportStatusSchema,
      lines: z.array(
        z.object({ purpose: z.string(), purposeName: localized, amountFen: z.int(), description: z.string() }),
      ),
      totalFen: z.int(),
      /** Finance's last questions (when queried). */
      queryReasons: z.array(z.string()),
      submittedAt: z.string().nullable(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string().nullable(),
      history: z.array(
        z.object({
          action: z.string(),
          from: useReportStatusSchema.nullable(),
          to: useReportStatusSchema,
          note: z.string().nullable(),
          actor: z.string().nullable(),
          at: z.string(),
        }),
      ),
    })
    .nullable(),
  evaluation: z
    .object({
      id: z.uuid(),
      rating: evaluationRatingSchema,
      score: z.int().nullable(),
      conclusion: z.string(),
      evaluator: z.string(),
      evaluatedOn: isoDateSchema,
      document: z.string(),
      basis: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    })
    .nullable(),
});
export type UseReportView = z.infer<typeof useReportViewSchema>;

export const useReportListQuery = z
  .object({ status: useReportStatusSchema.optional(), applicantId: z.uuid().optional() })
  .strict();
export type UseReportListQuery = z.infer<typeof useReportListQuery>;

/**
 * The use of each obligated entitlement (with its report and evaluation, if any): staff see the tenant's; an applicant
 * account only its own applicant's (`applicantId` required). With `applicantId`, that recipient's award money whose
 * amount awaits a decision too (`amount_undecided`, with its cap), so the winner sees it before it is decided.
 */
export const useReportList = defineQuery('funds.use-report.list', {
  request: useReportListQuery,
  response: z.object({ items: z.array(useReportViewSchema) }),
});
export const useReportGet = defineQuery('funds.use-report.get', {
  request: z.object({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});
/** The winner writes (or corrects, when queried) its report's lines. */
export const useReportSave = defineCommand('funds.use-report.save', {
  request: useReportSaveBody.extend({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});
/** The winner submits the report (a draft) or resubmits it (queried). */
export const useReportSubmit = defineCommand('funds.use-report.submit', {
  request: z.object({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});
export const useReportAccept = defineCommand('funds.use-report.accept', {
  request: useReportAcceptBody.extend({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});
export const useReportQuery = defineCommand('funds.use-report.query', {
  request: useReportQueryBody.extend({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});
export const performanceEvaluationRecord = defineCommand('funds.performance-evaluation.record', {
  request: performanceEvaluationBody.extend({ entitlementId: z.uuid() }).strict(),
  response: useReportViewSchema,
});

const useReportPayload = z.object({
  reportId: z.uuid(),
  entitlementId: z.uuid(),
  applicantId: z.uuid(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  totalFen: z.int(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type UseReportPayload = z.infer<typeof useReportPayload>;
export const useReportChanged = defineEvent('funds.use-report.changed.v1', useReportPayload);

const performanceEvaluationPayload = z.object({
  evaluationId: z.uuid(),
  entitlementId: z.uuid(),
  cycleNumber: z.int(),
  applicantId: z.uuid(),
  tier: z.string(),
  rating: evaluationRatingSchema,
  conclusion: z.string(),
  evaluator: z.string(),
  evaluatedOn: isoDateSchema,
  document: z.string(),
  /** The article that asks for the evaluation (inner-mongolia 第十九条). */
  basis: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type PerformanceEvaluationPayload = z.infer<typeof performanceEvaluationPayload>;
/** The grant's performance evaluation recorded by finance: the awards service marks the winner's duty fulfilled. */
export const performanceEvaluationRecorded = defineEvent(
  'funds.performance-evaluation.recorded.v1',
  performanceEvaluationPayload,
);
