import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

const cycle = z.coerce.number().int().positive().max(2_147_483_647).describe('The cycle’s number (届)');
const stageKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/)
  .max(40)
  .describe('A stage key of the cycle’s policy, e.g. `material`');

export const cyclePath = z.object({ tenantKey: tenantKeyParam, cycle }).strict();
export type CyclePath = z.infer<typeof cyclePath>;

export const stagePath = z.object({ tenantKey: tenantKeyParam, cycle, stageKey }).strict();
export type StagePath = z.infer<typeof stagePath>;

export const sheetPath = z.object({ tenantKey: tenantKeyParam, cycle, stageKey, applicationId: z.uuid() }).strict();
export type SheetPath = z.infer<typeof sheetPath>;

export const assessmentPath = z
  .object({ tenantKey: tenantKeyParam, cycle, applicationId: z.uuid().describe('The application assessed') })
  .strict();
export type AssessmentPath = z.infer<typeof assessmentPath>;

export const sheetIdPath = z.object({ tenantKey: tenantKeyParam, id: z.uuid() }).strict();
export type SheetIdPath = z.infer<typeof sheetIdPath>;

export const rubricQuery = z.object({ applicantKind: z.enum(['organisation', 'individual']) }).strict();
export type RubricQuery = z.infer<typeof rubricQuery>;

/** Where scoring's rules come from, for route summaries. */
export const SCORING_RULE =
  'scores by the rubric of the standard the policy names (e.g. inner-mongolia 第六条: GB/T 19580); a stage is scored ' +
  'only where the policy scores it; an expert never scores an application it has a conflict with (回避)';
