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
