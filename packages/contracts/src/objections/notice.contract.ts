import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { pageNext, pageRequest } from '../messaging/page.schema';

const isoDate = z.iso.date();

/** A cycle (届) of an award, by its number: 1, 2, … */
export const cycleNumberSchema = z.number().int().min(1).max(100000);
const periodUnit = z.enum(['working_days', 'calendar_days']);

/** One line of a notice: who (the entry's subject) and what is proposed; only what the public may see. */
export const noticeEntryInput = z
  .object({
    subjectKind: z.enum(['organisation', 'individual']),
    /** The applicant's id in the service that owns it. */
    subjectId: z.string().trim().min(1).max(100),
    subjectName: z.string().trim().min(1).max(200),
    /** What is proposed, e.g. "拟推荐为质量奖候选" or "拟授予质量奖". */
    proposal: z.string().trim().min(1).max(500),
    applicationId: z.string().trim().min(1).max(100).optional(),
    /** The recommender (推荐单位) told of the result of an objection. */
    recommender: z
      .object({ id: z.string().trim().min(1).max(100).optional(), name: z.string().trim().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict();

export const noticeOpenBody = z
  .object({
    /** The caller's key for this notice (e.g. `applications:acceptance:<cycle>`): opening twice opens one. */
    reference: z.string().trim().min(1).max(200).optional(),
    /** The cycle (届) whose list is noticed, by its number; its pinned policy version governs the notice. */
    cycleNumber: cycleNumberSchema.optional(),
    /**
     * The policy version the cycle pinned: its objection rules govern the notice and its objections to the end,
     * whatever version is published meanwhile. Omitted: the version of the cycle `cycleNumber`, else the newest version
     * recorded when the notice opens.
     */
    policyVersion: z.number().int().positive().optional(),
    /** The stage whose list is noticed (the policy's `procedure.notices[].stage`). */
    stage: z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'a stage key, e.g. "proposed_winners"'),
    title: z.string().trim().min(1).max(200),
    publishedOn: isoDate,
    /** The notice period; omitted: the policy's period for the stage. */
    period: z
      .object({ count: z.number().int().min(1).max(365), unit: periodUnit })
      .strict()
      .optional(),
    /** The article the period comes from, e.g. `第十七条`; omitted: the policy's. */
    basis: z.string().trim().min(1).max(100).optional(),
    entries: z.array(noticeEntryInput).min(1).max(200),
  })
  .strict();
export type NoticeOpenBody = z.infer<typeof noticeOpenBody>;

export const noticeDeadlineSchema = z.object({
  start: z.string(),
  count: z.number().int(),
  unit: periodUnit,
  lastDay: z.string(),
  /** 24:00 Asia/Shanghai of the last day. */
  closesAt: z.string(),
  provisional: z.boolean(),
  basis: z.string(),
  rule: z.string(),
  calendar: z.string(),
});

export const noticeStatusSchema = z.enum(['scheduled', 'open', 'closed', 'withdrawn']);

/** A notice withdrawn before its close: when, and why (shown to the public too). */
export const noticeWithdrawalSchema = z.object({ at: z.string(), reason: z.string() });

export const noticeEntrySchema = z.object({
  id: z.uuid(),
  subjectKind: z.enum(['organisation', 'individual']),
  subjectId: z.string(),
  subjectName: z.string(),
  proposal: z.string(),
  applicationId: z.string().nullable(),
  recommender: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  /** At close: whether it passed without objection or has objections pending. */
  outcome: z.enum(['passed', 'objections_pending']).nullable(),
  objections: z.number().int(),
});

export const noticeSchema = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  cycleNumber: cycleNumberSchema.nullable(),
  /** The policy version whose objection rules govern the notice (null: opened before versions were pinned). */
  policyVersion: z.number().int().nullable(),
  stage: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  status: noticeStatusSchema,
  deadline: noticeDeadlineSchema,
  closedAt: z.string().nullable(),
  withdrawal: noticeWithdrawalSchema.extend({ by: z.string().nullable() }).nullable(),
  openedBy: z.string().nullable(),
  entries: z.array(noticeEntrySchema),
});
export type NoticeView = z.infer<typeof noticeSchema>;

/** Opens a notice: the office through the API, other services (applications, reviews, awards) directly. */
export const noticeOpen = defineCommand('objections.notice.open', {
  request: noticeOpenBody,
  response: noticeSchema,
});

export const noticeWithdrawBody = z
  .object({
    /** Why, for the record and for the public (e.g. "名单有误，更正后重新公示"). */
    reason: z.string().trim().min(1).max(1000),
  })
  .strict();

/**
 * Withdraws a notice before its close (the office, for a notice published in error; the service that opened it, when
 * the step it belongs to could not be recorded). It takes no more objections and never closes; objections already
 * filed stay to be examined. The service that owns the entries learns of it (`objections.notice.withdrawn.v1`).
 */
export const noticeWithdraw = defineCommand('objections.notice.withdraw', {
  request: z.object({ id: z.uuid() }).extend(noticeWithdrawBody.shape).strict(),
  response: noticeSchema,
});

export const noticeGet = defineQuery('objections.notice.get', {
  request: z.object({ id: z.uuid() }).strict(),
  response: noticeSchema,
});

export const noticeList = defineQuery('objections.notice.list', {
  request: z.object({ status: noticeStatusSchema.optional(), ...pageRequest }).strict(),
  response: z.object({ notices: z.array(noticeSchema.omit({ entries: true })), ...pageNext }),
});

/** What the public sees of a notice. */
export const publicNoticeSchema = z.object({
  id: z.uuid(),
  stage: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  status: noticeStatusSchema,
  period: z.object({ count: z.number().int(), unit: periodUnit, basis: z.string().nullable() }),
  deadline: z.object({ lastDay: z.string(), closesAt: z.string(), provisional: z.boolean() }),
  withdrawal: noticeWithdrawalSchema.nullable(),
  /**
   * Where the policy says the notice is published (xinzhou-district 第十四条: the district government's disclosure
   * platform; xinzhou-city 第十八条 locality or industry, 第十九条 city-wide), with its article; null: the text names none.
   */
  channel: z.object({ zh: z.string(), en: z.string(), basis: z.string() }).nullable(),
  entries: z.array(z.object({ id: z.uuid(), subjectName: z.string(), proposal: z.string() })),
  howToObject: z.object({
    open: z.boolean(),
    receiver: z.object({ zh: z.string(), en: z.string() }).nullable(),
    inWriting: z.boolean().nullable(),
    evidenceRequired: z.boolean().nullable(),
    /** What an objector must give, by kind of objector; null: the text requires none. */
    identity: z
      .object({ person: z.array(z.string()), organisation: z.array(z.string()), basis: z.string() })
      .nullable(),
    examination: z.object({ count: z.number().int(), unit: periodUnit, basis: z.string() }).nullable(),
    basis: z.string().nullable(),
  }),
});
export type PublicNoticeView = z.infer<typeof publicNoticeSchema>;

/** Open notices and those closed in the last 30 days. */
export const noticeListPublic = defineQuery('objections.notice.list-public', {
  request: z.object({}).strict(),
  response: z.object({
    notices: z.array(publicNoticeSchema.omit({ entries: true, howToObject: true, channel: true })),
  }),
});

export const noticeGetPublic = defineQuery('objections.notice.get-public', {
  request: z.object({ id: z.uuid() }).strict(),
  response: publicNoticeSchema,
});
