import { z } from 'zod';

/** A text in both languages the platform speaks. */
export const localisedTextSchema = z.object({ zh: z.string(), en: z.string() });

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const isoDateSchema = z.iso.date();

/** A tenant key, as in `/api/v1/tenants/{key}`. */
export const tenantKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'lower-case letters, digits and -, starting with a letter, 2–40 characters');

/**
 * A jurisdiction's policy document as JSON. Its rules are checked by `parsePolicy` (@laurel/policy) in the
 * awards service (and first by the gateway), which lists every problem as `policy.<path>`.
 */
export const policyDocumentSchema = z.record(z.string(), z.unknown()).meta({
  description:
    'A jurisdiction’s policy document: its regulation as data (cycle, tiers and quotas, eligibility, procedure and ' +
    'notices, objections, reports, consequences), every rule with its article; checked by parsePolicy, every problem ' +
    'reported as policy.<path>. `npm run policy -- explain <file>` explains one.',
  /** The gateway's OpenAPI document gives its full schema under this name. */
  'x-laurel-schema': 'PolicyDocument',
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const tierKeySchema = z.enum(['award', 'nomination', 'excellence', 'special']);
export const periodUnitSchema = z.enum(['working_days', 'calendar_days']);
export const noticeScopeSchema = z.enum(['internal', 'public']);
export const noticeFormSchema = z.enum(['notice', 'consultation']);

/** Turns `parsePolicy` problems (`{path, reason}`) into field errors named `<prefix>.<path>`. */
export function policyProblemFields(
  problems: readonly { path: string; reason: string }[],
  prefix = 'policy',
): { field: string; reason: { zh: string; en: string } }[] {
  return problems.map((problem) => ({
    field:
      problem.path === '(root)'
        ? prefix
        : problem.path.startsWith('[')
          ? `${prefix}${problem.path}`
          : `${prefix}.${problem.path}`,
    reason: { zh: `政策文件不符合规范：${problem.reason}`, en: problem.reason },
  }));
}
