import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LaunchPolicyKey, launchPolicyKeys } from './launch-policy-keys.util';
import { parsePolicy } from './parse-policy.util';
import type { Policy } from './policy.schema';
import type { PolicyProblem } from './policy-problem.schema';

/** A policy file that is not JSON or not a valid policy; `problems` lists every problem. */
export class PolicyLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly PolicyProblem[],
  ) {
    super(`${file}: ${problems.map((problem) => `${problem.path}: ${problem.reason}`).join('; ')}`);
    this.name = 'PolicyLoadError';
  }
}

/**
 * The folder of the launch policies: `dist/policies` when running the build (the build copies
 * `policies/` there), `../policies` when running from `src/` (tests, ts tooling).
 */
export function launchPoliciesDirectory(): string {
  const candidates = [join(__dirname, 'policies'), join(__dirname, '..', 'policies')];
  const found = candidates.find((candidate) => existsSync(join(candidate, `${launchPolicyKeys[0]}.json`)));
  if (!found) throw new Error(`no policies folder next to ${__dirname} (looked in ${candidates.join(', ')})`);
  return found;
}

/** Reads and validates one policy file; throws PolicyLoadError listing every problem. */
export function loadPolicyFile(file: string): Policy {
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PolicyLoadError(file, [{ path: '(root)', reason: `cannot read JSON: ${reason}` }]);
  }
  const result = parsePolicy(document);
  if (!result.ok) throw new PolicyLoadError(file, result.problems);
  return result.policy;
}

export function loadLaunchPolicy(key: LaunchPolicyKey): Policy {
  const policy = loadPolicyFile(join(launchPoliciesDirectory(), `${key}.json`));
  if (policy.key !== key) {
    throw new PolicyLoadError(`${key}.json`, [
      { path: 'key', reason: `file ${key}.json holds policy "${policy.key}"` },
    ]);
  }
  return policy;
}

/** The five launch policies, validated, in `launchPolicyKeys` order. */
export function loadLaunchPolicies(): Policy[] {
  return launchPolicyKeys.map(loadLaunchPolicy);
}
