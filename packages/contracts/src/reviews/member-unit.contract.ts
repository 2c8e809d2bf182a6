import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/** A member unit of the leading group (领导小组成员单位): the office records it; it votes through one account. */
export const memberUnitBody = z
  .object({
    name: z.string().trim().min(1).max(200).describe('The unit, e.g. 州市场监督管理局'),
    /** The user account (role `leading_group`) the unit votes through; one unit per account. */
    userId: z.uuid(),
  })
  .strict();
export type MemberUnitBody = z.infer<typeof memberUnitBody>;

export const memberUnitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type MemberUnitView = z.infer<typeof memberUnitSchema>;

export const memberUnitAdd = defineCommand('reviews.member-unit.add', {
  request: memberUnitBody,
  response: memberUnitSchema,
});

export const memberUnitList = defineQuery('reviews.member-unit.list', {
  request: z.object({}).strict(),
  response: z.object({ memberUnits: z.array(memberUnitSchema) }),
});
