import { z } from 'zod';
import { crossTenantFlagSchema } from '../awards/ban.contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageQuery, pageRequest } from '../messaging/page.schema';

const isoDate = z.iso.date();
const localised = z.object({ zh: z.string(), en: z.string() });
const periodUnit = z.enum(['working_days', 'calendar_days']);

export const declaredIncidentKindSchema = z.enum([
  'accident',
  'major_accident',
  'liability_accident',
  'violation',
  'serious_violation',
  'discredit_record',
  'major_complaint',
  'export_quality_notice',
  'failed_spot_check',
]);

/** What the applicant declares for eligibility; what the applicant record already says is taken from it. */
export const declaredFactsSchema = z
  .object({
    registeredInJurisdiction: z.boolean().optional(),
    yearsOperating: z.number().int().min(0).max(500).optional(),
    qualitySystemYears: z.number().int().min(0).max(100).optional(),
    /**
     * Accidents, violations, complaints, ... on record (an empty list: none). An accident gives its grade (一般
     * general, 较大 larger, 重大 major, 特别重大 especially major) and area: each rule counts accidents from the grade
     * its article names.
     */
    incidents: z
      .array(
        z
          .object({
            kind: declaredIncidentKindSchema,
            date: isoDate,
            severity: z.enum(['general', 'larger', 'major', 'especially_major']).optional(),
            area: z
              .enum(['quality', 'safety', 'environment', 'public_health', 'food_safety', 'work_safety'])
              .optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    /**
     * An individual applicant's employer's accidents, violations, ... (所在组织; an empty list: none), for rules on the
     * employer's record ("所在组织近3年无重大事故"); the same shape as `incidents`.
     */
    employerIncidents: z
      .array(
        z
          .object({
            kind: declaredIncidentKindSchema,
            date: isoDate,
            severity: z.enum(['general', 'larger', 'major', 'especially_major']).optional(),
            area: z
              .enum(['quality', 'safety', 'environment', 'public_health', 'food_safety', 'work_safety'])
              .optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
    /** Financial years closed with a loss (an empty list: none). */
    lossYears: z.array(z.number().int().min(1900).max(2200)).max(50).optional(),
    spotChecksPassedConsecutiveYears: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type DeclaredFacts = z.infer<typeof declaredFactsSchema>;

/** The applicant's statements on the qualitative conditions, by the policy's rule id. */
export const attestationsSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9-_]*$/),
    z
      .object({
        statement: z
          .string()
          .trim()
          .min(1)
          .max(2000)
          .describe('What the applicant states about the condition, e.g. how its quality system runs'),
      })
      .strict(),
  )
  .describe(
    'The applicant’s statements on the qualitative conditions the policy leaves to people (supports the Party ' +
      'line, leading in its industry, good credit …), keyed by the policy’s eligibility rule id, e.g. ' +
      '`{"quality-system": {"statement": "…"}}`; the office checks them and records its decision',
  );

export const applicationCreateBody = z
  .object({
    /** The office names the applicant; an applicant account applies for its own (omit). */
    applicantId: z.uuid().optional(),
    cycleNumber: z.number().int().positive().max(2_147_483_647),
    facts: declaredFactsSchema.default({}),
    attestations: attestationsSchema.default({}),
  })
  .strict();

const recordedDecisionSchema = z.object({
  outcome: z.enum(['pass', 'fail']),
  decidedBy: z.string(),
  decidedAt: z.string(),
  reason: z.string(),
});

export const eligibilityFindingSchema = z.object({
  ruleId: z.string(),
  outcome: z.enum(['pass', 'fail', 'needs_decision', 'missing']),
  basis: z.string(),
  reason: localised,
  missingFacts: z.array(z.string()).optional(),
  decision: recordedDecisionSchema.optional(),
});

export const planStepSchema = z.object({
  stage: z.string(),
  kind: z.enum(['internal_publicity', 'submission', 'recommendation', 'formal_review', 'acceptance']),
  basis: z.string(),
  notice: z
    .object({
      scope: z.enum(['internal', 'public']),
      count: z.number().int().nullable(),
      unit: periodUnit.nullable(),
      minimum: z.boolean().nullable(),
      basis: z.string(),
    })
    .nullable(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const applicationStatusSchema = z.enum([
  'draft',
  'internal_publicity',
  'submitted',
  'returned',
  'refused',
  'recommendation_notice',
  'recommended',
  'formal_review_passed',
  'acceptance_notice',
  'accepted',
  'not_accepted',
  'disqualified',
]);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const applicationSchema = z.object({
  id: z.uuid(),
  applicant: z.object({ id: z.uuid(), kind: z.enum(['organisation', 'individual']), name: z.string() }),
  cycle: z.object({ number: z.number().int(), year: z.number().int() }),
  policy: z.object({ key: z.string(), version: z.number().int() }),
  /** The steps up to acceptance, exactly as the cycle's pinned policy has them, in order. */
  plan: z.array(planStepSchema),
  status: applicationStatusSchema,
  stage: z.string().nullable(),
  /** A notice closed with objections still pending: the application waits. */
  held: z.boolean(),
  objectionsPending: z.number().int(),
  facts: declaredFactsSchema,
  attestations: attestationsSchema,
  eligibility: z.object({
    outcome: z.enum(['pass', 'fail', 'needs_decision', 'missing']),
    asOf: z.string(),
    findings: z.array(eligibilityFindingSchema),
  }),
  /**
   * `awards.ban.check` at application and at acceptance. `needs_decision` stops the application until the office
   * records a person's decision (rule id `reapplication`): who, when, why.
   */
  banChecks: z.array(
    z.object({
      at: z.string(),
      step: z.string(),
      outcome: z.string(),
      basis: localised,
      reasons: localised.optional(),
      decision: recordedDecisionSchema.optional(),
      /** Other jurisdictions' revocations and bans of the organisation (the cross-tenant register), when there are any. */
      crossTenantFlags: z.array(crossTenantFlagSchema).optional(),
    }),
  ),
  recommender: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  publicity: z
    .object({
      startedOn: z.string(),
      evidence: z.string(),
      lastDay: z.string(),
      endsAt: z.string(),
      provisional: z.boolean(),
      basis: z.string(),
    })
    .nullable(),
  recommendation: z
    .object({
      decision: z.enum(['recommend', 'return', 'refuse']),
      text: z.string(),
      by: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  notices: z.array(
    z.object({
      stage: z.string(),
      noticeId: z.uuid(),
      lastDay: z.string(),
      closesAt: z.string(),
      outcome: z.string().nullable(),
    }),
  ),
  /** Not accepted, refused or disqualified: the written reasons the applicant reads. */
  outcome: z
    .object({
      status: z.string(),
      reasons: z.string(),
      basis: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    })
    .nullable(),
  history: z.array(
    z.object({
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      reason: z.string().nullable(),
      basis: z.string().nullable(),
      actor: z.string().nullable(),
      at: z.string(),
    }),
  ),
  createdAt: z.string(),
});
export type ApplicationView = z.infer<typeof applicationSchema>;

const byId = z.object({ id: z.uuid() }).strict();

/**
 * Starts an application in a cycle. Refused: a second one of the applicant in the cycle (409 naming the first), a
 * kind of applicant the pinned policy does not admit (422 with the article), a ban or waiting period (422).
 */
export const applicationCreate = defineCommand('applications.application.create', {
  request: applicationCreateBody,
  response: applicationSchema,
});

export const applicationGet = defineQuery('applications.application.get', {
  request: byId,
  response: applicationSchema,
});

/** A stage key of the procedure plan (the policy's `procedure` stages, e.g. `formal_review`). */
const stageKeySchema = z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'a stage key, e.g. "formal_review"');

/** A work queue: the applications in one or several statuses, at one stage of the procedure. */
export const applicationFilter = {
  status: z.array(applicationStatusSchema).min(1).max(12).optional(),
  stage: stageKeySchema.optional().describe('The stage of the procedure it is at (a key of its plan)'),
};

/**
 * `GET /tenants/{key}/applications?cycle=&status=&stage=&after=&limit=`: `status` once or repeated
 * (`?status=submitted&status=returned`).
 */
export const applicationListQuery = z
  .object({
    cycle: z.coerce.number().int().positive().optional().describe('The cycle’s number (第N届)'),
    status: z
      .union([applicationStatusSchema, z.array(applicationStatusSchema).min(1).max(12)])
      .transform((status) => (Array.isArray(status) ? status : [status]))
      .optional()
      .describe('One status, or several by repeating the parameter (`?status=submitted&status=returned`)'),
    stage: applicationFilter.stage,
    ...pageQuery,
  })
  .strict();
export type ApplicationListQuery = z.output<typeof applicationListQuery>;

/** The office: the tenant's; a recommender: what was submitted to it; an applicant: its own; filtered in the query. */
export const applicationList = defineQuery('applications.application.list', {
  request: z
    .object({
      cycleNumber: z.number().int().positive().max(2_147_483_647).optional(),
      ...applicationFilter,
      ...pageRequest,
    })
    .strict(),
  response: z.object({ applications: z.array(applicationSchema.omit({ history: true })), ...pageNext }),
});

export const applicationFactsBody = z
  .object({ facts: declaredFactsSchema.optional(), attestations: attestationsSchema.optional() })
  .strict();
/** Changes the declared facts and attestations while the application is a draft or returned. */
export const applicationUpdateFacts = defineCommand('applications.application.update-facts', {
  request: byId.extend(applicationFactsBody.shape),
  response: applicationSchema,
});

export const decisionBody = z
  .object({
    ruleId: z.string().min(1).max(100),
    outcome: z.enum(['pass', 'fail']),
    reason: z.string().trim().min(2).max(2000),
  })
  .strict();
/**
 * The office records a person's decision on a rule the policy leaves to people (who, when, why); rule id
 * `reapplication` decides a ban check that needs a person's decision.
 */
export const applicationDecide = defineCommand('applications.application.decide', {
  request: byId.extend(decisionBody.shape),
  response: applicationSchema,
});

export const publicityBody = z.object({ startedOn: isoDate, evidence: z.string().trim().min(2).max(2000) }).strict();
/** Internal publicity inside the applicant: its period is computed on the official calendar. */
export const applicationStartPublicity = defineCommand('applications.application.start-publicity', {
  request: byId.extend(publicityBody.shape),
  response: applicationSchema,
});

export const submitBody = z
  .object({
    /** The recommender it goes to: required where the policy has a recommendation step, refused where it has none. */
    recommenderId: z.uuid().optional(),
  })
  .strict();
/**
 * Submits to a recommender, or straight to the office's formal review where the policy has no recommendation step;
 * not before internal publicity ended, nor while ineligible or a ban check awaits a
 * person's decision, nor (the first time) outside the cycle's application window (409).
 */
export const applicationSubmit = defineCommand('applications.application.submit', {
  request: byId.extend(submitBody.shape),
  response: applicationSchema,
});

export const reviewBody = z
  .object({
    decision: z.enum(['recommend', 'return', 'refuse']),
    /** The audit opinion (recommend) or the reasons (return, refuse). */
    text: z.string().trim().min(2).max(5000),
    /** The recommender's notice: its publication date (default today). */
    publishedOn: isoDate.optional(),
  })
  .strict();
/** The recommender's review of what was submitted to it. */
export const applicationReview = defineCommand('applications.application.review', {
  request: byId.extend(reviewBody.shape),
  response: applicationSchema,
});

export const formalReviewBody = z
  .object({ decision: z.enum(['pass', 'not_accept']), reasons: z.string().trim().min(2).max(5000) })
  .strict();
/** The office's formal review: passes (eligibility settled, ban checked again) or not accepted with written reasons. */
export const applicationFormalReview = defineCommand('applications.application.formal-review', {
  request: byId.extend(formalReviewBody.shape),
  response: applicationSchema,
});

export const acceptanceListBody = z
  .object({
    applicationIds: z.array(z.uuid()).min(1).max(200),
    publishedOn: isoDate.optional(),
    /** Where the regulation gives no period, the office sets it. */
    period: z
      .object({ count: z.number().int().min(1).max(365), unit: periodUnit })
      .strict()
      .optional(),
  })
  .strict();
/** The office publishes the acceptance list (受理名单) through the objections service. */
export const acceptanceListPublish = defineCommand('applications.acceptance-list.publish', {
  request: z
    .object({ cycleNumber: z.number().int().positive().max(2_147_483_647) })
    .extend(acceptanceListBody.shape)
    .strict(),
  response: z.object({
    noticeId: z.uuid().nullable(),
    applications: z.array(applicationSchema.omit({ history: true })),
  }),
});
