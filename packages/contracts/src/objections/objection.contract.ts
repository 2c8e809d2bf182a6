import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageRequest } from '../messaging/page.schema';
import { fileUploadSchema, storedFileSchema } from './file-upload.schema';
import { objectorInput } from './identity.schema';

export const OBJECTION_STATUSES = ['received', 'admitted', 'refused', 'upheld', 'dismissed'] as const;
export const objectionStatusSchema = z.enum(OBJECTION_STATUSES);

/** A receipt number: unguessable, it is what the objector follows the case with. */
export const receiptNumberSchema = z
  .string()
  .regex(/^YY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'a receipt number');

export const objectionFileBody = z
  .object({
    entryId: z.uuid(),
    objector: objectorInput.optional(),
    /** What is objected to and why. */
    grounds: z.string().trim().min(10).max(5000),
    evidence: z.array(fileUploadSchema).max(3).default([]),
  })
  .strict();
export type ObjectionFileBody = z.input<typeof objectionFileBody>;

const examinationSchema = z.object({
  lastDay: z.string(),
  dueAt: z.string(),
  provisional: z.boolean(),
  basis: z.string(),
  remindAt: z.string(),
  remindedAt: z.string().nullable(),
  overdueAt: z.string().nullable(),
});

export const objectionFiledSchema = z.object({
  receiptNumber: z.string(),
  /**
   * Shown once, never stored: with it (and the receipt number) the objector answers the written result where the
   * regulation asks for a confirmation. Staff see the receipt number, never this.
   */
  token: z.string(),
  status: objectionStatusSchema,
  receivedAt: z.string(),
  /** By when the office examines it; null where the regulation sets no deadline. */
  examination: examinationSchema.pick({ lastDay: true, dueAt: true, provisional: true, basis: true }).nullable(),
  files: z.array(storedFileSchema.pick({ kind: true, filename: true, size: true, sha256: true })),
});

/** Filed by the public during the notice period. */
export const objectionFile = defineCommand('objections.objection.file', {
  request: z.object({ noticeId: z.uuid() }).extend(objectionFileBody.shape).strict(),
  response: objectionFiledSchema,
});

export const investigatorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.string().nullable(),
  assignedAt: z.string(),
});

export const findingSchema = z.object({
  id: z.uuid(),
  text: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});

/** The office's view: phone and ID numbers masked. */
/** Whether the result is sent to the objector for confirmation, and the objector's answer once given. */
export const confirmationSchema = z.object({
  requested: z.boolean(),
  response: z.enum(['confirmed', 'disputed']).nullable(),
  at: z.string().nullable(),
});

export const objectionSchema = z.object({
  id: z.uuid(),
  receiptNumber: z.string(),
  noticeId: z.uuid(),
  noticeTitle: z.string(),
  entry: z.object({ id: z.uuid(), subjectKind: z.string(), subjectId: z.string(), subjectName: z.string() }),
  objector: z.object({
    kind: z.enum(['person', 'organisation']).nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    idNumber: z.string().nullable(),
    creditCode: z.string().nullable(),
  }),
  grounds: z.string(),
  files: z.array(storedFileSchema),
  status: objectionStatusSchema,
  receivedAt: z.string(),
  examination: examinationSchema.nullable(),
  admittedAt: z.string().nullable(),
  refusal: z.object({ reasons: z.string(), refusedAt: z.string() }).nullable(),
  investigators: z.array(investigatorSchema),
  findings: z.array(findingSchema),
  outcome: z
    .object({
      outcome: z.enum(['upheld', 'dismissed']),
      prohibitedGround: z.boolean(),
      disqualify: z.boolean(),
      /** What the decision does to the subject under the policy (evaluateObjectionOutcome, with `basis`). */
      effect: z.enum(['continue', 'disqualify', 'decided_by_people']),
      reasons: z.string(),
      decidedAt: z.string(),
      basis: z.string().nullable(),
      confirmation: confirmationSchema.extend({ comment: z.string().nullable() }),
    })
    .nullable(),
});
export type ObjectionView = z.infer<typeof objectionSchema>;

const byId = z.object({ id: z.uuid() }).strict();

export const objectionGet = defineQuery('objections.objection.get', { request: byId, response: objectionSchema });

/**
 * The result of an objection as the recommender of its entry reads it, where the regulation sends the result to the
 * recommender (ili 第二十一条: "通报审核推荐单位"): who was objected to and what was decided, never who objected nor
 * their grounds or files.
 */
export const objectionResultSchema = z.object({
  id: z.uuid(),
  receiptNumber: z.string(),
  noticeId: z.uuid(),
  noticeTitle: z.string(),
  entry: z.object({ id: z.uuid(), subjectKind: z.string(), subjectId: z.string(), subjectName: z.string() }),
  recommender: z.object({ id: z.string(), name: z.string() }),
  outcome: z.enum(['upheld', 'dismissed']),
  prohibitedGround: z.boolean(),
  disqualify: z.boolean(),
  reasons: z.string(),
  decidedAt: z.string(),
  basis: z.string().nullable(),
  /** The article that sends the result to the recommender. */
  notifiedBasis: z.string().nullable(),
});
export type ObjectionResultView = z.infer<typeof objectionResultSchema>;

/** For a user of the entry's recommender (role `recommender`), once decided; 409 before, 404 for anyone else's. */
export const objectionResult = defineQuery('objections.objection.result', {
  request: byId,
  response: objectionResultSchema,
});

export const objectionList = defineQuery('objections.objection.list', {
  request: z
    .object({ status: objectionStatusSchema.optional(), overdue: z.boolean().optional(), ...pageRequest })
    .strict(),
  response: z.object({ objections: z.array(objectionSchema), ...pageNext }),
});

export const objectionAdmitBody = z.object({ note: z.string().trim().min(1).max(2000).optional() }).strict();
export const objectionAdmit = defineCommand('objections.objection.admit', {
  request: byId.extend(objectionAdmitBody.shape),
  response: objectionSchema,
});

export const objectionRefuseBody = z.object({ reasons: z.string().trim().min(5).max(5000) }).strict();
export const objectionRefuse = defineCommand('objections.objection.refuse', {
  request: byId.extend(objectionRefuseBody.shape),
  response: objectionSchema,
});

export const investigatorAssignBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    userId: z.string().trim().min(1).max(64).optional(),
    /** The investigator's own declaration: any interest in the case (利害关系) refuses the assignment. */
    declaration: z.object({ hasInterest: z.boolean(), details: z.string().trim().max(1000).optional() }).strict(),
  })
  .strict();
export const investigatorAssign = defineCommand('objections.objection.assign-investigator', {
  request: byId.extend(investigatorAssignBody.shape),
  response: objectionSchema,
});

export const findingRecordBody = z.object({ text: z.string().trim().min(1).max(5000) }).strict();
export const findingRecord = defineCommand('objections.objection.record-finding', {
  request: byId.extend(findingRecordBody.shape),
  response: objectionSchema,
});

export const objectionDecideBody = z
  .object({
    outcome: z.enum(['upheld', 'dismissed']),
    /** Upheld on a condition that bars the subject (a prohibited condition): the subject is to be disqualified. */
    prohibitedGround: z.boolean().default(false),
    reasons: z.string().trim().min(5).max(5000),
  })
  .strict();
export const objectionDecide = defineCommand('objections.objection.decide', {
  request: byId.extend(objectionDecideBody.shape),
  response: objectionSchema,
});

/** What the objector sees with the receipt number: no personal data. */
export const objectionTrackSchema = z.object({
  receiptNumber: z.string(),
  status: objectionStatusSchema,
  receivedAt: z.string(),
  noticeTitle: z.string(),
  subjectName: z.string(),
  examination: examinationSchema.pick({ lastDay: true, dueAt: true, provisional: true }).nullable(),
  /** Whether the written receipt (书面凭证) can be downloaded. */
  receiptIssued: z.boolean(),
  refusalReasons: z.string().nullable(),
  /** The written result (结果告知), once decided, and whether the objector is asked to confirm it. */
  result: z
    .object({
      outcome: z.enum(['upheld', 'dismissed']),
      decidedAt: z.string(),
      letter: z.string(),
      confirmation: confirmationSchema,
    })
    .nullable(),
});

export const objectionConfirmBody = z
  .object({
    /** The token given when the objection was filed. */
    token: z.string().min(20).max(200),
    /** `confirmed`: the objector acknowledges the result; `disputed`: does not accept it (with a comment). */
    response: z.enum(['confirmed', 'disputed']),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

/**
 * The objector's answer to the written result, where the regulation sends it for confirmation (linxia 第二十三条):
 * once, by the receipt number, after the decision.
 */
export const objectionConfirm = defineCommand('objections.objection.confirm', {
  request: z.object({ receiptNumber: receiptNumberSchema }).extend(objectionConfirmBody.shape).strict(),
  response: objectionTrackSchema,
});

export const objectionTrack = defineQuery('objections.objection.track', {
  request: z.object({ receiptNumber: receiptNumberSchema }).strict(),
  response: objectionTrackSchema,
});

/** The written receipt (书面凭证) of an admitted objection, as a plain-text document. */
export const objectionReceipt = defineQuery('objections.objection.receipt', {
  request: z.object({ receiptNumber: receiptNumberSchema }).strict(),
  response: z.object({ filename: z.string(), contentType: z.string(), content: z.string() }),
});
