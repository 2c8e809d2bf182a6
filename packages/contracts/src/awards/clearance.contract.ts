import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { isoDateSchema } from './awards-common.schema';

/** A department of the tenant asked for background clearance (征求意见), with the accounts that answer for it. */
export const departmentSchema = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  name: z.string(),
  userIds: z.array(z.string()),
  createdAt: z.string(),
});
export type DepartmentView = z.infer<typeof departmentSchema>;

export const createDepartmentBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** The policy's department key when it is one the regulation names (e.g. `public_security`). */
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{1,63}$/)
      .optional(),
    /** Users with the role `department` who answer for it. */
    userIds: z.array(z.uuid()).max(50).default([]),
  })
  .strict();

export const departmentCreate = defineCommand('awards.department.create', {
  request: createDepartmentBody,
  response: departmentSchema,
});
export const departmentList = defineQuery('awards.department.list', {
  request: z.object({}).strict(),
  response: z.object({ items: z.array(departmentSchema) }),
});

export const clearanceStatusSchema = z.enum([
  'pending',
  'overdue',
  'cleared',
  'concern',
  'concern_dismissed',
  'concern_upheld',
]);
export type ClearanceStatus = z.infer<typeof clearanceStatusSchema>;

export const clearanceRequestSchema = z.object({
  id: z.uuid(),
  cycleNumber: z.number().int(),
  applicationId: z.uuid(),
  applicantId: z.uuid(),
  applicantName: z.string(),
  category: z.enum(['public_body', 'enterprise']),
  department: z.object({ id: z.uuid(), name: z.string(), key: z.string().nullable() }),
  basis: z.string(),
  dueOn: isoDateSchema,
  status: clearanceStatusSchema,
  remindedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedOn: isoDateSchema.nullable(),
  decisionRecordedBy: z.string().nullable(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
});
export type ClearanceRequestView = z.infer<typeof clearanceRequestSchema>;

/**
 * Opens background clearance for one candidate of the cycle's list: a request to each department the policy names
 * for the candidate's category (the tenant's department with that key), and to each other department the office
 * names with its reason where the policy allows it. Due at the end of `dueOn`.
 */
export const openClearanceBody = z
  .object({
    applicationId: z.uuid(),
    category: z.enum(['public_body', 'enterprise']),
    dueOn: isoDateSchema,
    others: z
      .array(z.object({ departmentId: z.uuid(), reason: z.string().trim().min(1).max(500) }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type OpenClearanceBody = z.infer<typeof openClearanceBody>;

export const clearanceOpen = defineCommand('awards.clearance.open', {
  request: openClearanceBody.extend({ cycleNumber: z.number().int().positive() }),
  response: z.object({ items: z.array(clearanceRequestSchema) }),
});

/** The office's view of a cycle, or a department account's own requests (every cycle). */
export const clearanceList = defineQuery('awards.clearance.list', {
  request: z.object({ cycleNumber: z.number().int().positive().optional() }).strict(),
  response: z.object({ items: z.array(clearanceRequestSchema) }),
});

/** The department's answer: clear, or a concern with its reasons. */
export const answerClearanceBody = z
  .object({
    outcome: z.enum(['clear', 'concern']),
    reasons: z.string().trim().min(1).max(4000).optional(),
  })
  .strict();
export type AnswerClearanceBody = z.infer<typeof answerClearanceBody>;

export const clearanceAnswer = defineCommand('awards.clearance.answer', {
  request: answerClearanceBody.extend({ requestId: z.uuid() }),
  response: clearanceRequestSchema,
});

/** The leading group's decision on a concern, as the office records it: dismissed (the candidate goes on) or upheld. */
export const decideClearanceBody = z
  .object({
    outcome: z.enum(['dismissed', 'upheld']),
    decidedOn: isoDateSchema,
    reason: z.string().trim().min(1).max(4000),
  })
  .strict();
export type DecideClearanceBody = z.infer<typeof decideClearanceBody>;

export const clearanceDecide = defineCommand('awards.clearance.decide', {
  request: decideClearanceBody.extend({ requestId: z.uuid() }),
  response: clearanceRequestSchema,
});
