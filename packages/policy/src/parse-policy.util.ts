import type { z } from 'zod';
import { type Policy, policySchema } from './policy.schema';
import { checkPolicyConsistency } from './policy-consistency.util';
import { formatProblemPath, type PolicyProblem } from './policy-problem.schema';

export type PolicyParseResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

function toProblems(issue: z.core.$ZodIssue): PolicyProblem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: formatProblemPath([...issue.path, key]), reason: 'unknown field' }));
  }
  const reason = issue.message.replace(/^Invalid input: expected (.+), received undefined$/, 'required ($1)');
  return [{ path: formatProblemPath(issue.path), reason }];
}

/**
 * Validates a policy document: its shape (zod) and the rules between fields (unique keys, stage
 * order, notices on existing stages, dates in order, money per admitted kind, ...). Returns the
 * policy, or every problem found, each with its path and reason.
 */
export function parsePolicy(document: unknown): PolicyParseResult {
  const shape = policySchema.safeParse(document);
  const problems: PolicyProblem[] = shape.success ? [] : shape.error.issues.flatMap(toProblems);
  const seen = new Set(problems.map((problem) => `${problem.path}\u0000${problem.reason}`));
  for (const problem of checkPolicyConsistency(document)) {
    const id = `${problem.path}\u0000${problem.reason}`;
    if (!seen.has(id)) {
      seen.add(id);
      problems.push(problem);
    }
  }
  if (shape.success && problems.length === 0) return { ok: true, policy: shape.data };
  return { ok: false, problems };
}
