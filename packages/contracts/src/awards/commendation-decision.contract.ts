import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { isoDateSchema, localisedTextSchema, tierKeySchema } from './awards-common.schema';
import { titleSchema } from './title.contract';

const quotaExceedanceSchema = z
  .object({
    tier: tierKeySchema,
    /** The applicant kind whose own in-principle quota (quota.byKind) is exceeded; omitted: the tier's quota. */
    applicantKind: z.enum(['organisation', 'individual']).optional(),
    /** The body that decided to exceed the in-principle quota (原则上), as its record names it. */
    decidedBy: z.string().trim().min(1).max(200),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();

/**
 * The government's approval (审定) as the office records it from the act: the approving body, the document number
 * (文号), the day, and the winners the act names with their tiers (each on the cycle's candidate list). Never
 * automated. Quotas are checked (hard: refused; in principle: only with `quotaExceedances`).
 */
export const recordCommendationDecisionBody = z
  .object({
    approvingBody: z.string().trim().min(1).max(200),
    documentNumber: z.string().trim().min(1).max(100),
    decidedOn: isoDateSchema,
    winners: z
      .array(z.object({ applicationId: z.uuid(), tier: tierKeySchema }).strict())
      .min(1)
      .max(500),
    quotaExceedances: z.array(quotaExceedanceSchema).max(10).default([]),
  })
  .strict();
export type RecordCommendationDecisionBody = z.infer<typeof recordCommendationDecisionBody>;

export const tierQuotaSchema = z.object({
  tier: tierKeySchema,
  outcome: z.enum(['ok', 'exceeds_hard_limit', 'exceeds_in_principle', 'tier_not_offered']),
  max: z.number().int().nullable(),
  used: z.number().int(),
  vacancies: z.number().int(),
  vacanciesAllowed: z.boolean(),
  binding: z.enum(['hard', 'in_principle']).nullable(),
  exceedance: quotaExceedanceSchema.nullable(),
  basis: z.string(),
  reason: localisedTextSchema,
});

export const commendationDecisionSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  year: z.number().int(),
  policyVersion: z.number().int(),
  approvingBody: z.string(),
  documentNumber: z.string(),
  decidedOn: isoDateSchema,
  basis: z.string(),
  quotas: z.array(tierQuotaSchema),
  titles: z.array(titleSchema),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type CommendationDecisionView = z.infer<typeof commendationDecisionSchema>;

export const commendationDecisionRecord = defineCommand('awards.commendation-decision.record', {
  request: recordCommendationDecisionBody.extend({ cycleNumber: z.number().int().positive() }),
  response: commendationDecisionSchema,
});

export const commendationDecisionGet = defineQuery('awards.commendation-decision.get', {
  request: z.object({ cycleNumber: z.number().int().positive() }).strict(),
  response: commendationDecisionSchema,
});
