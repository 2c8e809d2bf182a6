import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import {
  isoDateSchema,
  localisedTextSchema,
  noticeFormSchema,
  noticeScopeSchema,
  periodUnitSchema,
  tierKeySchema,
} from './awards-common.schema';

export const cycleNoticeSchema = z.object({
  scope: noticeScopeSchema,
  form: noticeFormSchema,
  /** null with unit null: the regulation gives no period; the office sets it. */
  count: z.number().int().positive().nullable(),
  unit: periodUnitSchema.nullable(),
  minimum: z.boolean().nullable(),
  basis: z.string(),
});

/** A stage of the cycle's schedule, in the order of the pinned policy's procedure. */
export const cycleStageSchema = z.object({
  key: z.string(),
  kind: z.string(),
  order: z.number().int().positive(),
  name: localisedTextSchema,
  actor: localisedTextSchema.nullable(),
  scored: z.boolean(),
  basis: z.string(),
  notices: z.array(cycleNoticeSchema),
});

/** A tier's quota in the cycle and what `checkQuota` (@laurel/policy) says of the count used so far. */
export const cycleQuotaSchema = z.object({
  tier: tierKeySchema,
  name: localisedTextSchema,
  quota: z.number().int().nonnegative(),
  binding: z.enum(['hard', 'in_principle']),
  vacanciesAllowed: z.boolean(),
  used: z.number().int().nonnegative(),
  basis: z.string(),
  check: z.object({
    outcome: z.enum(['ok', 'exceeds_hard_limit', 'exceeds_in_principle', 'tier_not_offered']),
    allowed: z.boolean(),
    requiresRecordedReason: z.boolean(),
    reason: localisedTextSchema,
  }),
});

/** Allowed, but the office should know: a cycle later than the policy's cycle length, a window past expiry. */
export const cycleWarningSchema = z.object({
  code: z.enum(['cycle_later_than_policy', 'regulation_expires_during_window']),
  detail: localisedTextSchema,
  basis: z.string().nullable(),
});

export const cycleSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  number: z.number().int().positive(),
  year: z.number().int(),
  opensOn: isoDateSchema,
  closesOn: isoDateSchema,
  status: z.enum(['open', 'closed']),
  /** The policy version the cycle opened with and keeps. */
  policyVersion: z.number().int().positive(),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  schedule: z.array(cycleStageSchema),
  quotas: z.array(cycleQuotaSchema),
  warnings: z.array(cycleWarningSchema),
});
export type CycleView = z.infer<typeof cycleSchema>;

/** A cycle as an applicant reads it: who opened it (a staff user's id) is left out. */
export const applicantCycleSchema = cycleSchema.omit({ openedBy: true });
export type ApplicantCycleView = z.infer<typeof applicantCycleSchema>;

/** The cycles as the gateway answers them: `openedBy` for staff and the operator only, absent for applicants. */
export const cycleListResponse = z.object({ cycles: z.array(cycleSchema.partial({ openedBy: true })) });

/** The serialiser of a cycle for an applicant: the fields of `applicantCycleSchema` only. */
export function cycleForApplicant(cycle: CycleView): ApplicantCycleView {
  return applicantCycleSchema.parse(cycle);
}

export const openCycleRequest = z
  .object({
    /** Defaults to the last cycle's number plus one (1 for the first). */
    number: z.number().int().positive().max(1000).optional(),
    year: z.number().int().min(2000).max(2199),
    /** The application window, both days included. */
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
  })
  .strict()
  .refine((body) => body.closesOn >= body.opensOn, {
    path: ['closesOn'],
    message: '不得早于 opensOn / must not be before opensOn',
  });
export type OpenCycleRequest = z.infer<typeof openCycleRequest>;

/**
 * Opens a cycle (届) under the latest policy version, which it pins. Refused while another cycle is open,
 * before the regulation is in force or after it expired (409, with the article), when the number does not
 * increase (409), or when the year comes sooner than the policy's cycle length after the previous cycle (422).
 */
export const openCycle = defineCommand('awards.cycle.open', { request: openCycleRequest, response: cycleSchema });

const numberRequest = z.object({ number: z.number().int().positive() }).strict();

/** Closes the open cycle, so that the next one may open. */
export const closeCycle = defineCommand('awards.cycle.close', { request: numberRequest, response: cycleSchema });

export const listCycles = defineQuery('awards.cycle.list', {
  request: z.object({}).strict(),
  response: z.object({ cycles: z.array(cycleSchema) }),
});

export const getCycle = defineQuery('awards.cycle.get', { request: numberRequest, response: cycleSchema });

export const cycleOpened = defineEvent(
  'awards.cycle.opened.v1',
  z.object({
    cycleId: z.uuid(),
    programmeId: z.uuid(),
    number: z.number().int().positive(),
    year: z.number().int(),
    opensOn: isoDateSchema,
    closesOn: isoDateSchema,
    policyVersion: z.number().int().positive(),
  }),
);

export const cycleClosed = defineEvent(
  'awards.cycle.closed.v1',
  z.object({ cycleId: z.uuid(), programmeId: z.uuid(), number: z.number().int().positive() }),
);
