import { z } from 'zod';
import { defineCommand, defineQuery } from '../messaging/message-contract';

/**
 * The objection rules of one tenant, as the objections service keeps them: the `objections`, `reports` and
 * `procedure.notices` sections of the tenant's policy document. The sections are checked by the service with
 * the schemas of @laurel/policy (the contracts stay free of it), so they travel here as opaque JSON.
 */
export const objectionRulesBody = z
  .object({
    /** The policy's key (the tenant key), cited in every basis, e.g. `ili 第十八条`. */
    policyKey: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'kebab-case, e.g. "xinzhou-city"'),
    policyVersion: z.number().int().positive(),
    objections: z
      .record(z.string(), z.unknown())
      .describe('The policy document’s `objections` section: who receives and decides, the form, deadlines, outcomes'),
    reports: z
      .record(z.string(), z.unknown())
      .describe('The policy document’s `reports` section: whether reports are taken, by whom, anonymously or not'),
    notices: z
      .array(
        z
          .record(z.string(), z.unknown())
          .describe('One of the policy document’s `procedure.notices`: the stage noticed, its period and article'),
      )
      .max(50),
  })
  .strict();
export type ObjectionRulesBody = z.infer<typeof objectionRulesBody>;

export const objectionRulesSchema = objectionRulesBody.extend({
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});

/**
 * Records one policy version's objection rules (the office or the operator, for a jurisdiction whose policy the
 * awards service does not hold yet; the awards service's policy events record them otherwise). A version's rules
 * never change: the same body again answers the recorded rules, another body for a recorded version is a conflict.
 */
export const objectionRulesPut = defineCommand('objections.rules.put', {
  request: objectionRulesBody,
  response: objectionRulesSchema,
});

export const objectionRulesQuery = z
  .object({
    /** A policy version; omitted: the newest recorded, which governs notices opened without a pinned version. */
    version: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type ObjectionRulesQuery = z.infer<typeof objectionRulesQuery>;

export const objectionRulesGet = defineQuery('objections.rules.get', {
  request: objectionRulesQuery,
  response: objectionRulesSchema,
});
