import { type FieldError, policyProblemFields } from '@laurel/contracts';
import { type Policy, parsePolicy } from '@laurel/policy';

/**
 * The gateway's first look at a policy document, so that a bad one is refused with every problem listed
 * before anything is created: `parsePolicy`'s problems and a `key` other than the tenant's, named
 * `<prefix>.<path>` (e.g. `body.policy.tiers[0].quota.max`). The awards service checks it again.
 */
export function checkPolicyDocument(
  document: unknown,
  options: { tenantKey?: string; prefix: string },
): { policy: Policy | null; fields: FieldError[] } {
  const result = parsePolicy(document);
  const fields = result.ok ? [] : policyProblemFields(result.problems, options.prefix);
  const key = (document as { key?: unknown } | null)?.key;
  if (options.tenantKey !== undefined && typeof key === 'string' && key !== options.tenantKey) {
    fields.push({
      field: `${options.prefix}.key`,
      reason: {
        zh: `须与辖区标识 ${options.tenantKey} 一致`,
        en: `must be the tenant key "${options.tenantKey}" (got "${key}")`,
      },
    });
  }
  return { policy: result.ok ? result.policy : null, fields };
}
