import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageRequest } from '../messaging/page.schema';
import { isoDateSchema } from './awards-common.schema';

/** The kinds of post-award duty (packages/policy DUTY_KINDS); funds refers to `requested_evaluation`. */
export const dutyKindSchema = z.enum(['annual_report', 'event_notice', 'requested_evaluation']);
export const dutyStatusSchema = z.enum(['open', 'submitted', 'overdue']);
export type DutyStatus = z.infer<typeof dutyStatusSchema>;

/** A post-award duty of a title's holder, with its reminders. */
export const dutySchema = z.object({
  id: z.uuid(),
  titleId: z.uuid(),
  applicantId: z.uuid(),
  key: z.string(),
  sequence: z.number().int(),
  kind: dutyKindSchema,
  name: z.object({ zh: z.string(), en: z.string() }),
  recipient: z.string(),
  dueDate: isoDateSchema.nullable(),
  windowStart: isoDateSchema.nullable(),
  period: z.object({ start: isoDateSchema, end: isoDateSchema }).nullable(),
  basis: z.string(),
  status: dutyStatusSchema,
  submittedAt: z.string().nullable(),
  submission: z.string().nullable(),
  overdueAt: z.string().nullable(),
  /**
   * Where refusing duties is a revocation ground (xinzhou-city 第二十八条): the policy's rule and article. A revocation
   * case opened from an overdue duty cites the duty's id and this ground.
   */
  refusalGround: z.object({ ruleId: z.string(), event: z.literal('refusing_duties'), basis: z.string() }).nullable(),
  reminders: z.array(
    z.object({
      kind: z.enum(['reminder', 'overdue']),
      daysBefore: z.number().int(),
      dueAt: z.string(),
      firedAt: z.string().nullable(),
    }),
  ),
});
export type DutyView = z.infer<typeof dutySchema>;

/** Plans the title's duties from its policy (once; planning again adds nothing). */
export const dutyPlan = defineCommand('awards.duty.plan', {
  request: z.object({ titleId: z.uuid() }).strict(),
  response: z.object({ items: z.array(dutySchema) }),
});

/** The tenant's duties for the office, by state (overdue ones are the office's escalations). */
export const dutyList = defineQuery('awards.duty.list', {
  request: z
    .object({
      status: dutyStatusSchema.optional(),
      titleId: z.uuid().optional(),
      applicantId: z.uuid().optional(),
      ...pageRequest,
    })
    .strict(),
  response: z.object({ items: z.array(dutySchema), ...pageNext }),
});

export const dutyGet = defineQuery('awards.duty.get', {
  request: z.object({ dutyId: z.uuid() }).strict(),
  response: dutySchema,
});

/** The holder submits a duty (a report's text); late submissions are taken and stay marked as having been overdue. */
export const dutySubmit = defineCommand('awards.duty.submit', {
  request: z.object({ dutyId: z.uuid(), submission: z.string().trim().min(10).max(100_000) }).strict(),
  response: dutySchema,
});

/** The office sets a due date the regulation leaves to it (inner-mongolia 第二十七条 按时报送) or a request's date. */
export const dutySetDueDate = defineCommand('awards.duty.set-due-date', {
  request: z.object({ dutyId: z.uuid(), dueDate: isoDateSchema, reason: z.string().trim().min(2).max(2000) }).strict(),
  response: dutySchema,
});
