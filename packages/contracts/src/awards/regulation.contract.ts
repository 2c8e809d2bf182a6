import { z } from 'zod';
import { defineEvent } from '../messaging/event-contract';
import { isoDateSchema, localisedTextSchema } from './awards-common.schema';

const regulationRef = {
  programmeId: z.uuid(),
  /** The policy version whose regulation this is (the latest when the warning fell due). */
  policyVersion: z.number().int().positive(),
  title: localisedTextSchema,
  documentNumber: z.string().nullable(),
  /** The regulation's last day in force. */
  lastDayInForce: isoDateSchema,
  /** The article that sets the expiry, e.g. 第三十四条. */
  basis: z.string(),
};

/** The office is warned ahead of the regulation's expiry (30 and 7 days before its last day in force). */
export const regulationExpiring = defineEvent(
  'awards.regulation.expiring.v1',
  z.object({
    ...regulationRef,
    /** The warning's threshold: 30 or 7 days before the last day. */
    daysBefore: z.number().int().positive(),
    /** Days from today (Asia/Shanghai) to the last day in force when the warning went out. */
    daysLeft: z.number().int().nonnegative(),
  }),
);

/** The regulation has expired: no cycle opens under it any more. */
export const regulationExpired = defineEvent('awards.regulation.expired.v1', z.object(regulationRef));
