import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { cycleNumberSchema, noticeSchema } from '../objections/notice.contract';
import { isoDateSchema, localisedTextSchema, periodUnitSchema } from './awards-common.schema';

const stageKey = z.string().regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'a stage key, e.g. "candidates"');

/** The office opens a notice of the cycle's recorded candidate list: the candidate or the proposed-winners notice. */
export const openCandidateNoticeBody = z
  .object({
    /** The policy's `procedure.notices[].stage` (e.g. `candidates`, `proposed_winners`). */
    stage: stageKey,
    /** The first day of publication; omitted: today (Asia/Shanghai). */
    publishedOn: isoDateSchema.optional(),
    /** Where the regulation gives no period, the office sets it (as for the acceptance list); refused where it does. */
    period: z
      .object({ count: z.number().int().min(1).max(365), unit: periodUnitSchema })
      .strict()
      .optional(),
  })
  .strict();
export type OpenCandidateNoticeBody = z.infer<typeof openCandidateNoticeBody>;

/** A candidate held or removed by an objection on one of the awards service's notices. */
export const candidateStandingSchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  noticeId: z.uuid(),
  status: z.enum(['held', 'removed', 'released']),
  objectionId: z.string().nullable(),
  receiptNumber: z.string().nullable(),
  reasons: z.string().nullable(),
  basis: z.string(),
  recordedAt: z.string(),
});
export type CandidateStandingView = z.infer<typeof candidateStandingSchema>;

/** A notice of the candidate list, with the rules the policy gives for its stage (period, unit, channel, article). */
export const candidateNoticeSchema = z.object({
  cycleNumber: cycleNumberSchema,
  stage: z.string(),
  channel: localisedTextSchema.nullable(),
  period: z.object({ count: z.number().int(), unit: periodUnitSchema }),
  basis: z.string(),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  notice: noticeSchema,
});
export type CandidateNoticeView = z.infer<typeof candidateNoticeSchema>;

export const candidateNoticeOpen = defineCommand('awards.candidate-notice.open', {
  request: openCandidateNoticeBody.extend({ cycleNumber: cycleNumberSchema }).strict(),
  response: candidateNoticeSchema,
});

/** The cycle's candidate notices and the candidates their objections held or removed. */
export const candidateNoticeList = defineQuery('awards.candidate-notice.list', {
  request: z.object({ cycleNumber: cycleNumberSchema }).strict(),
  response: z.object({
    notices: z.array(candidateNoticeSchema.omit({ notice: true }).extend({ noticeId: z.uuid(), lastDay: z.string() })),
    standings: z.array(candidateStandingSchema),
  }),
});

/** The stages whose notices are of the cycle's candidate list, which the awards service owns. */
export const CANDIDATE_LIST_NOTICE_STAGES: readonly string[] = ['candidates', 'candidate_list', 'proposed_winners'];

/**
 * Whether the entries of a notice the office opens by hand at a candidate-list stage are candidates of the recorded
 * list at that stage (not removed by an objection): refused (422, naming `body.entries[i]`) when not.
 * `checked` is false when no list is recorded for the cycle yet.
 */
export const candidateNoticeEntriesCheck = defineQuery('awards.candidate-notice.check-entries', {
  request: z
    .object({
      cycleNumber: cycleNumberSchema.optional(),
      stage: stageKey,
      entries: z.array(
        z.object({
          subjectId: z.string(),
          applicationId: z.string().optional(),
        }),
      ),
    })
    .strict(),
  response: z.object({ checked: z.boolean() }),
});
