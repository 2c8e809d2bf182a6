import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { isoDateSchema, tierKeySchema } from './awards-common.schema';

const clawbackRequest = z.object({
  /** The revocation case that asks for the money back; one request per case (a replay asks for nothing twice). */
  revocationId: z.uuid(),
  titleId: z.uuid(),
  cycleNumber: z.int().positive(),
  policyVersion: z.int().positive(),
  applicantId: z.uuid(),
  applicantKind: z.enum(['organisation', 'individual']),
  applicantName: z.string().min(1),
  tier: tierKeySchema,
  /** The day the award was revoked (撤销决定), Asia/Shanghai. */
  revokedOn: isoDateSchema,
  /**
   * The day the ground occurred (the fraud found, the accident, the failed spot check): what a window counts
   * (xinzhou-district 第十七条: 获奖后的组织半年内如发生下列情形之一的).
   */
  eventOn: isoDateSchema,
  /** The day of the commendation decision the money was paid under: the policy's window runs from it. */
  awardedOn: isoDateSchema,
  /** What the policy says is recovered (e.g. 追回奖金, 收回资助资金), with its article (`xinzhou-district 第十七条`). */
  consequenceBasis: z.string().min(1),
  /**
   * The policy's window for a clawback, if it names one (xinzhou-district 第十七条: events within half a year of the
   * award), else null. Funds checks `eventOn` against it and records why it opens no case when it falls outside.
   */
  window: z.object({ months: z.int().positive(), from: z.enum(['award', 'payment']) }).nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type ClawbackRequestPayload = z.infer<typeof clawbackRequest>;

/**
 * A revoked award whose money the policy says is recovered (追缴): published by the awards service with the
 * revocation's consequences; the funds service opens a clawback case from it (amount from its own ledger: what was
 * paid to the recipient under the title).
 */
export const clawbackRequested = defineEvent('awards.clawback.requested.v1', clawbackRequest);
