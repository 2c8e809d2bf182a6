import { z } from 'zod';
import { defineCommand } from '../messaging/message-contract';

export const objectionContactRevealBody = z
  .object({
    /** Why the full details are needed (e.g. to deliver the written result); kept in the audit trail. */
    reason: z.string().trim().min(4).max(500),
  })
  .strict();

export const objectionContactSchema = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  idNumber: z.string().nullable(),
  creditCode: z.string().nullable(),
});
export type ObjectionContact = z.infer<typeof objectionContactSchema>;

/**
 * The objector's full contact details for the office or the supervision group, when they must reach the
 * objector; every reveal is an audit entry with who, when and why (but never the details themselves).
 */
export const objectionContactReveal = defineCommand('objections.objection.reveal-contact', {
  request: objectionContactRevealBody.extend({ id: z.uuid() }).strict(),
  response: objectionContactSchema,
});
