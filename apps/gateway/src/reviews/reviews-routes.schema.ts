import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

export const expertIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type ExpertIdPath = z.infer<typeof expertIdPath>;

export const conflictIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type ConflictIdPath = z.infer<typeof conflictIdPath>;

export const memberUnitIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type MemberUnitIdPath = z.infer<typeof memberUnitIdPath>;

export const ownApplicationPath = z.object({ tenantKey: tenantKeyParam, applicationId: z.uuid() }).strict();
export type OwnApplicationPath = z.infer<typeof ownApplicationPath>;

/** Where a rule of 回避 comes from, for route summaries. */
export const RECUSAL_RULE =
  '回避: whoever reviews withdraws where they have an interest in the applicant (ili 第三十一条, linxia 第四十条, ' +
  'inner-mongolia 第二十条, xinzhou-city 第二十九条)';

export const voteIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type VoteIdPath = z.infer<typeof voteIdPath>;

export const cycleNumberPath = z
  .object({ tenantKey: tenantKeyParam, cycleNumber: z.coerce.number().int().positive().max(2_147_483_647) })
  .strict();
export type CycleNumberPath = z.infer<typeof cycleNumberPath>;

export const cycleQuery = z
  .object({ cycle: z.coerce.number().int().positive().max(2_147_483_647).optional() })
  .strict();
export type CycleQuery = z.infer<typeof cycleQuery>;

/** Where the member units' vote comes from, for route summaries. */
export const VOTE_RULE =
  '领导小组成员单位投票产生候选获奖名单 (ili 第十六条); quorum and majority as the office records them (the text names none)';

/** Where the office's candidate proposal comes from, for route summaries. */
export const PROPOSAL_RULE =
  '办公室根据评审结果提出候选名单 (inner-mongolia 第十五条, xinzhou-city 第十八条): from the cycle’s ranking; the ' +
  'office’s own list with a reason is the exception';

/** Where deliberations come from, for route summaries. */
export const DELIBERATION_RULE =
  '审议: the leading group (ili 第十七条, xinzhou-city 第十九条, inner-mongolia 第十六条) or the committee (linxia 第二十一条)';
const cycleParam = z.coerce.number().int().positive().max(2_147_483_647);

export const cyclePath = z.object({ tenantKey: tenantKeyParam, cycle: cycleParam }).strict();
export type CyclePath = z.infer<typeof cyclePath>;

export const cycleStagePath = z
  .object({
    tenantKey: tenantKeyParam,
    cycle: cycleParam,
    stageKey: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/)
      .max(64),
  })
  .strict();
export type CycleStagePath = z.infer<typeof cycleStagePath>;

export const stageIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type StageIdPath = z.infer<typeof stageIdPath>;

export const assignmentIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type AssignmentIdPath = z.infer<typeof assignmentIdPath>;

export const ownMaterialPath = z
  .object({ tenantKey: tenantKeyParam, applicationId: z.uuid(), materialId: z.uuid() })
  .strict();
export type OwnMaterialPath = z.infer<typeof ownMaterialPath>;

/** Where the review stages come from, for route summaries. */
export const STAGES_RULE =
  'the stages and their order are the cycle’s pinned policy version’s `procedure.stages`; who enters is its `entry` ' +
  'rule with the article (e.g. linxia 第十九条: individuals go straight to on-site review), else the office’s record';
