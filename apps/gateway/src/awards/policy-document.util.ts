import { type FieldError, policyProblemFields } from '@laurel/contracts';
import { type Policy, parsePolicy, problemHint } from '@laurel/policy';

/**
 * The gateway's first look at a policy document, so that a bad one is refused with every problem listed
 * before anything is created: `parsePolicy`'s problems and a `key` other than the tenant's, named
 * `<prefix>.<path>` (e.g. `body.policy.tiers[0].quota.max`), each with the expected form where one helps (fen, ISO
 * dates, what null means there, the ways to cite: `problemHint`, as the CLI prints it). The awards service checks it
 * again.
 */
export function checkPolicyDocument(
  document: unknown,
  options: { tenantKey?: string; prefix: string },
): { policy: Policy | null; fields: FieldError[] } {
  const result = parsePolicy(document);
  const problems = result.ok
    ? []
    : result.problems.map((problem) => {
        const hint = problemHint(problem.path, problem.reason);
        return hint ? { ...problem, reason: `${problem.reason} — expected: ${hint}` } : problem;
      });
  const fields = policyProblemFields(problems, options.prefix);
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
