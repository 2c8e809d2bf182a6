import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';
import { creditCodeSchema } from '../objections/identity.schema';

/** A member unit of the leading group (领导小组成员单位): the office records it; it votes through one account. */
export const memberUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The unit, e.g. 州市场监督管理局'),
    /** The user account (role `leading_group`) the unit votes through; one unit per account. */
    userId: z.uuid(),
    /** The unit's own 统一社会信用代码: an applicant that is the unit itself raises a flag (回避) for the office. */
    creditCode: creditCodeSchema.nullable().optional(),
    /** The units under it (下属单位) by credit code: an applicant among them raises a flag for the office. */
    subordinateCreditCodes: z.array(creditCodeSchema).max(200).optional(),
  })
  .strict();
export type MemberUnitBody = z.infer<typeof memberUnitBody>;

export const memberUnitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.string(),
  creditCode: z.string().nullable(),
  subordinateCreditCodes: z.array(z.string()),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type MemberUnitView = z.infer<typeof memberUnitSchema>;

export const memberUnitAdd = defineCommand('reviews.member-unit.add', {
  request: memberUnitBody,
  response: memberUnitSchema,
});

/** The office changes a member unit's credit codes (its own, the units under it), with a reason; detection reruns. */
export const memberUnitCodesBody = z
  .object({
    creditCode: creditCodeSchema.nullable(),
    subordinateCreditCodes: z.array(creditCodeSchema).max(200),
    reason: z.string().trim().min(1).max(2000),
  })
  .strict();
export type MemberUnitCodesBody = z.infer<typeof memberUnitCodesBody>;

export const memberUnitSetCodes = defineCommand('reviews.member-unit.set-codes', {
  request: memberUnitCodesBody.extend({ id: z.uuid() }).strict(),
  response: memberUnitSchema,
});

export const memberUnitList = defineQuery('reviews.member-unit.list', {
  request: z.object({}).strict(),
  response: z.object({ memberUnits: z.array(memberUnitSchema) }),
});
