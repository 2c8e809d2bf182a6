import { openCycleRequest, policyDocumentSchema } from '@laurel/contracts';
import { z } from 'zod';
import { tenantKeyParam } from '../http/tenant-path.schema';

/** PUT /tenants/{key}/policy: the new version's document. */
export const putPolicyBody = z.object({ policy: policyDocumentSchema }).strict();
export type PutPolicyBody = z.infer<typeof putPolicyBody>;

/** `?version=N`: one version; the latest without it. */
export const versionQuery = z
  .object({ version: z.coerce.number().int().positive().max(2_147_483_647).optional() })
  .strict();
export type VersionQuery = z.infer<typeof versionQuery>;

/** POST /tenants/{key}/cycles. */
export const openCycleBody = openCycleRequest;

export const cyclePath = z
  .object({
    tenantKey: tenantKeyParam,
    number: z.coerce.number().int().positive().max(2_147_483_647).describe('The cycle’s number (第N届)'),
  })
  .strict();
export type CyclePath = z.infer<typeof cyclePath>;

/** Staff who read the policy summary and the cycles (everyone of the jurisdiction but applicants). */
export const STAFF_ROLES = ['office', 'recommender', 'expert', 'leading_group', 'supervisor', 'finance'];
