import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { cycleNumberSchema } from './notice.contract';

/**
 * The notice's cycle by its number (null: a notice not opened for a cycle). Events published before it was a number
 * carried `cycle` (a string) instead, which no consumer read: they still parse, with `cycleNumber` null.
 */
const eventCycleNumber = cycleNumberSchema.nullable().default(null);

/** The entry's subject: the applicant the service that owns it acts on. */
export const entrySubjectSchema = z.object({
  kind: z.enum(['organisation', 'individual']),
  id: z.string(),
  name: z.string(),
});

const entryClosed = z.object({
  noticeId: z.uuid(),
  reference: z.string().nullable(),
  cycleNumber: eventCycleNumber,
  stage: z.string(),
  entryId: z.uuid(),
  subject: entrySubjectSchema,
  applicationId: z.string().nullable(),
  closedAt: z.string(),
  /** Objections not refused or decided at close. */
  objectionsPending: z.number().int(),
});

/** A notice withdrawn before its close, with its entries: the service that owns them takes its step back. */
export const noticeWithdrawn = defineEvent(
  'objections.notice.withdrawn.v1',
  z.object({
    noticeId: z.uuid(),
    reference: z.string().nullable(),
    cycleNumber: eventCycleNumber,
    stage: z.string(),
    reason: z.string(),
    withdrawnAt: z.string(),
    entries: z.array(
      z.object({ entryId: z.uuid(), subject: entrySubjectSchema, applicationId: z.string().nullable() }),
    ),
  }),
);

/** At the close of its notice: the entry passed without objection (or every objection was refused or dismissed). */
export const noticeEntryPassed = defineEvent('objections.notice-entry.passed.v1', entryClosed);

/** At the close of its notice: the entry has objections still to be examined or decided. */
export const noticeEntryObjectionsPending = defineEvent('objections.notice-entry.objections-pending.v1', entryClosed);

const decided = z.object({
  objectionId: z.uuid(),
  receiptNumber: z.string(),
  noticeId: z.uuid(),
  reference: z.string().nullable(),
  cycleNumber: eventCycleNumber,
  stage: z.string(),
  entryId: z.uuid(),
  subject: entrySubjectSchema,
  applicationId: z.string().nullable(),
  /** The recommender told of the result (ili 第二十一条). */
  recommender: z.object({ id: z.string().nullable(), name: z.string() }).nullable(),
  reasons: z.string(),
  decidedAt: z.string(),
  basis: z.string().nullable(),
});

/** Founded; `disqualify` when it rests on a prohibited condition: the subject is to be disqualified. */
export const objectionUpheld = defineEvent(
  'objections.objection.upheld.v1',
  decided.extend({ prohibitedGround: z.boolean(), disqualify: z.boolean() }),
);

/** Unfounded: the entry goes on. */
export const objectionDismissed = defineEvent('objections.objection.dismissed.v1', decided);

/**
 * Refused on examination (inadmissible: late, without identity or evidence, ...). Emitted whenever the office
 * refuses, before or after the notice closed: an entry held at close by this objection may then go on.
 * `reasons` are the refusal's, `decidedAt` the time of refusal.
 */
export const objectionRefused = defineEvent('objections.objection.refused.v1', decided);
