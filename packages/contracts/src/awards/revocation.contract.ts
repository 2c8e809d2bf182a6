import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { creditCodeSchema } from '../objections/identity.schema';
import { isoDateSchema, localisedTextSchema, tierKeySchema } from './awards-common.schema';
import { recordedIdentitySchema } from './ban.contract';

/** The grounds a policy can list for a revocation (its consequence rules' event kinds, @laurel/policy). */
export const revocationGroundSchema = z.enum([
  'false_materials',
  'fraud_or_bribery',
  'accident',
  'major_accident',
  'serious_violation',
  'discredit_record',
  'regulation_breach',
  'major_quality_problem',
  'verified_major_complaint',
  'severe_operating_loss',
  'failed_spot_check',
  'export_quality_notice',
  'title_misuse',
  'refusing_duties',
  'failed_periodic_evaluation',
  'other_serious_violation',
]);

export const revocationStatusSchema = z.enum(['opened', 'approved', 'applied', 'dismissed']);
export type RevocationStatus = z.infer<typeof revocationStatusSchema>;

export const revocationStepKindSchema = z.enum([
  'revoke',
  'recover_certificate_and_plaque',
  'ban',
  'clawback',
  'credit_record',
  'publish',
  /** 停止使用称号: the revoked winner's duty, recorded with the decision */
  'stop_using_title',
  /** 约谈 and 责令整改: consequences short of revocation (e.g. after a periodic evaluation) */
  'summons',
  'rectification_order',
]);

const evidenceSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    reference: z.string().trim().min(1).max(500),
  })
  .strict();

/**
 * An organisation's credit code, given by the office when the title lacks it. An individual is identified by the
 * title's applicant (registered once per ID number by the applications service): no ID number is given or kept here.
 */
const givenIdentitySchema = z.object({ kind: z.literal('organisation'), creditCode: creditCodeSchema }).strict();

/**
 * The office opens a case against a title (称号): the ground with its date, and the evidence. The title gives the
 * applicant, tier, cycle and award date (and an organisation's credit code, which the office gives where it lacks).
 */
export const openRevocationRequest = z
  .object({
    titleId: z.uuid(),
    identity: givenIdentitySchema.optional(),
    ground: revocationGroundSchema,
    eventOn: isoDateSchema,
    /** The accident's grade, where the ground is an accident. */
    severity: z.enum(['general', 'larger', 'major', 'especially_major']).optional(),
    description: z.string().trim().min(1).max(4000),
    evidence: z.array(evidenceSchema).min(1).max(50),
  })
  .strict();
export type OpenRevocationRequest = z.infer<typeof openRevocationRequest>;

/**
 * The office opens a case from an overdue post-award duty where the policy lists refusing duties as a ground
 * (xinzhou-city 第二十八条 拒绝履行相关责任义务): the ground, its date (the first overdue day) and the duty as the first
 * item of evidence come from the duty; the office gives the description and any further evidence.
 */
export const openRevocationFromDutyBody = z
  .object({
    identity: givenIdentitySchema.optional(),
    description: z.string().trim().min(1).max(4000),
    evidence: z.array(evidenceSchema).max(49).default([]),
  })
  .strict();
export type OpenRevocationFromDutyBody = z.infer<typeof openRevocationFromDutyBody>;
export const openRevocationFromDutyRequest = openRevocationFromDutyBody.extend({ dutyId: z.uuid() }).strict();

/** The approving body's act (ili 第二十九条: the prefecture government): recorded as given, never automated. */
export const approveRevocationRequest = z
  .object({
    id: z.uuid(),
    body: z.string().trim().min(1).max(200),
    documentNumber: z.string().trim().min(1).max(100),
    approvedOn: isoDateSchema,
  })
  .strict();
export type ApproveRevocationRequest = z.infer<typeof approveRevocationRequest>;

export const dismissRevocationRequest = z.object({ id: z.uuid(), reason: z.string().trim().min(1).max(2000) }).strict();

const ruleFindingSchema = z.object({
  ruleId: z.string(),
  basis: z.string(),
  applies: z.boolean(),
  reason: localisedTextSchema,
});

/** What the policy says follows, as evaluated when the case opened. */
const plannedConsequenceSchema = z.object({
  kind: z.string(),
  ruleId: z.string(),
  basis: z.string(),
  by: localisedTextSchema.optional(),
  /** A rectification order's period, where the text gives one. */
  within: z.object({ unit: z.enum(['months', 'days']), count: z.int() }).optional(),
  /** A rectification order: the rule that applies when it is not complied with. */
  failing: z.string().optional(),
  ban: z
    .object({
      /** permanent: 不再受理 (count and allowedFromYear null). */
      unit: z.enum(['years', 'cycles', 'permanent']),
      count: z.int().nullable(),
      startYear: z.int(),
      allowedFromYear: z.int().nullable(),
    })
    .optional(),
});

export const revocationStepSchema = z.object({
  position: z.int(),
  kind: revocationStepKindSchema,
  basis: z.string(),
  detail: z.record(z.string(), z.unknown()),
  appliedAt: z.string(),
});

export const revocationCaseSchema = z.object({
  id: z.uuid(),
  status: revocationStatusSchema,
  subject: z.object({
    titleId: z.uuid(),
    applicantId: z.uuid(),
    applicantName: z.string(),
    identity: recordedIdentitySchema,
    tier: tierKeySchema,
    cycleNumber: z.int(),
    awardedOn: z.string(),
  }),
  policyVersion: z.int(),
  ground: revocationGroundSchema,
  eventOn: z.string(),
  severity: z.string().nullable(),
  description: z.string(),
  evidence: z.array(evidenceSchema),
  evaluation: z.object({
    outcome: z.enum(['consequences', 'none']),
    reason: localisedTextSchema,
    rules: z.array(ruleFindingSchema),
    consequences: z.array(plannedConsequenceSchema),
  }),
  approval: z
    .object({
      body: z.string(),
      documentNumber: z.string(),
      approvedOn: z.string(),
    })
    .nullable(),
  dismissalReason: z.string().nullable(),
  steps: z.array(revocationStepSchema),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The overdue duty the case was opened from (refusing duties), or null. */
  dutyId: z.uuid().nullable(),
});
export type RevocationCaseView = z.infer<typeof revocationCaseSchema>;

export const revocationListSchema = z.object({
  cases: z.array(revocationCaseSchema),
});

export const openRevocation = defineCommand('awards.revocation.open', {
  request: openRevocationRequest,
  response: revocationCaseSchema,
});
export const openRevocationFromDuty = defineCommand('awards.revocation.open-from-duty', {
  request: openRevocationFromDutyRequest,
  response: revocationCaseSchema,
});
export const approveRevocation = defineCommand('awards.revocation.approve', {
  request: approveRevocationRequest,
  response: revocationCaseSchema,
});
export const dismissRevocation = defineCommand('awards.revocation.dismiss', {
  request: dismissRevocationRequest,
  response: revocationCaseSchema,
});
export const getRevocation = defineQuery('awards.revocation.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: revocationCaseSchema,
});
export const listRevocations = defineQuery('awards.revocation.list', {
  request: z.object({}).strict(),
  response: revocationListSchema,
});

/** An application ban on record (禁止申报), with the case and article it comes from. */
export const applicationBanSchema = z.object({
  caseId: z.uuid(),
  applicantName: z.string(),
  identity: recordedIdentitySchema,
  /** permanent: 不再受理 (count and allowedFromYear null). */
  unit: z.enum(['years', 'cycles', 'permanent']),
  count: z.int().nullable(),
  startYear: z.int(),
  allowedFromYear: z.int().nullable(),
  basis: z.string(),
  createdAt: z.string(),
});
export const listApplicationBans = defineQuery('awards.ban.list', {
  request: z.object({}).strict(),
  response: z.object({ bans: z.array(applicationBanSchema) }),
});

/**
 * The credit record (ili 第二十八条): applied revocations the policy publishes or sends to the credit system, as the
 * public reads them — the organisation's credit code and name, the decision (body and 文号), the date and the basis. No evidence,
 * no individual's ID number.
 */
export const creditRecordEntrySchema = z.object({
  applicantName: z.string(),
  creditCode: z.string().nullable(),
  decision: z.string(),
  decidedOn: z.string(),
  basis: z.string(),
  /** The credit system the entry goes to (ili 第二十八条), or null when the policy only publishes the revocation. */
  system: z.string().nullable(),
});
export type CreditRecordEntry = z.infer<typeof creditRecordEntrySchema>;
export const getCreditRecord = defineQuery('awards.credit-record.list', {
  request: z.object({}).strict(),
  response: z.object({ entries: z.array(creditRecordEntrySchema) }),
});
