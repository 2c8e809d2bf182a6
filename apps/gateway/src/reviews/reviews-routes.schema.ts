import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

export const expertIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type ExpertIdPath = z.infer<typeof expertIdPath>;

export const conflictIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type ConflictIdPath = z.infer<typeof conflictIdPath>;

export const ownApplicationPath = z.object({ tenantKey: tenantKeyParam, applicationId: z.uuid() }).strict();
export type OwnApplicationPath = z.infer<typeof ownApplicationPath>;

/** Where a rule of 回避 comes from, for route summaries. */
export const RECUSAL_RULE =
  '回避: whoever reviews withdraws where they have an interest in the applicant (ili 第三十一条, linxia 第四十条, ' +
  'inner-mongolia 第二十条, xinzhou-city 第二十九条)';

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
