import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageRequest } from '../messaging/page.schema';
import { fileUploadSchema, storedFileSchema } from './file-upload.schema';
import { idNumberSchema, phoneSchema } from './identity.schema';

export const reporterInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: phoneSchema.optional(),
    idNumber: idNumberSchema.optional(),
    address: z.string().trim().min(1).max(300).optional(),
    organisation: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const reportFileBody = z
  .object({
    /** Omitted: an anonymous report (where the policy allows it). */
    reporter: reporterInput.optional(),
    /** Who or what the report is about, e.g. a stage, an expert, a member of staff. */
    concerning: z.string().trim().min(1).max(300),
    details: z.string().trim().min(10).max(10000),
    evidence: z.array(fileUploadSchema).max(3).default([]),
  })
  .strict();
export type ReportFileBody = z.input<typeof reportFileBody>;

export const REPORT_STATUSES = ['received', 'handling', 'closed'] as const;
export const reportStatusSchema = z.enum(REPORT_STATUSES);

/** Filed by anyone; the token is shown once and is how the reporter follows the case. */
export const reportFile = defineCommand('objections.report.file', {
  request: reportFileBody,
  response: z.object({ reportNumber: z.string(), token: z.string(), receivedAt: z.string(), anonymous: z.boolean() }),
});

const replySchema = z.object({ message: z.string(), status: reportStatusSchema, at: z.string() });

export const reportTrack = defineQuery('objections.report.track', {
  request: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a report token') }).strict(),
  response: z.object({
    reportNumber: z.string(),
    status: reportStatusSchema,
    receivedAt: z.string(),
    replies: z.array(replySchema),
  }),
});

/**
 * Who reported, as the body that receives reports sees it in the single read: the surname, and the phone and ID
 * number masked; the address left out. The full identity only by `reportRevealIdentity`, audited.
 */
export const maskedReporterSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  organisation: z.string().nullable(),
});

/**
 * Staff view. `reporter` is masked, and filled only in the single read by the body that receives reports (never in
 * lists); `reporterHidden` says a named report's reporter is withheld from this view.
 */
export const reportSchema = z.object({
  id: z.uuid(),
  reportNumber: z.string(),
  anonymous: z.boolean(),
  reporter: maskedReporterSchema.nullable(),
  reporterHidden: z.boolean(),
  concerning: z.string(),
  details: z.string(),
  files: z.array(storedFileSchema),
  status: reportStatusSchema,
  receivedAt: z.string(),
  replies: z.array(replySchema),
});

export const reportList = defineQuery('objections.report.list', {
  request: z.object({ status: reportStatusSchema.optional(), ...pageRequest }).strict(),
  response: z.object({ reports: z.array(reportSchema), ...pageNext }),
});

export const reportGet = defineQuery('objections.report.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: reportSchema,
});

export const reportReplyBody = z
  .object({ status: z.enum(['handling', 'closed']), message: z.string().trim().min(1).max(5000) })
  .strict();
export const reportReply = defineCommand('objections.report.reply', {
  request: z.object({ id: z.uuid() }).extend(reportReplyBody.shape).strict(),
  response: reportSchema,
});

export const reportRevealIdentityBody = z
  .object({
    /** Why the reporter's identity is needed (e.g. to hear them as a witness); kept in the audit trail. */
    reason: z.string().trim().min(4).max(500),
  })
  .strict();

/**
 * The reporter's full identity, for the body that receives reports only, when it must reach them; every reveal is an
 * audit entry with who, when and why (never the identity itself). An anonymous report has none (409).
 */
export const reportRevealIdentity = defineCommand('objections.report.reveal-identity', {
  request: reportRevealIdentityBody.extend({ id: z.uuid() }).strict(),
  response: z.object({
    name: z.string(),
    phone: z.string().nullable(),
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
});
