import { DomainError, type FieldError, policyProblemFields } from '@laurel/contracts';
import { type Policy, parsePolicy } from '@laurel/policy';

/**
 * Checks a policy document sent for a programme: every problem `parsePolicy` finds, plus a `key` other than
 * the tenant's and (when given) a `version` other than the expected one, all listed at once as `policy.<path>`.
 */
export function validatePolicyDocument(document: unknown, expected: { key: string; version?: number }): Policy {
  const result = parsePolicy(document);
  const fields: FieldError[] = result.ok ? [] : policyProblemFields(result.problems);
  const given = typeof document === 'object' && document !== null ? (document as Record<string, unknown>) : {};
  if (typeof given.key === 'string' && given.key !== expected.key) {
    fields.push({
      field: 'policy.key',
      reason: {
        zh: `政策文件的 key（${given.key}）须与辖区标识 ${expected.key} 一致`,
        en: `must be the tenant key "${expected.key}" (got "${given.key}")`,
      },
    });
  }
  if (expected.version !== undefined && typeof given.version === 'number' && given.version !== expected.version) {
    fields.push({
      field: 'policy.version',
      reason: {
        zh: `新建奖项的政策版本须为 ${expected.version}`,
        en: `must be ${expected.version} (got ${given.version})`,
      },
    });
  }
  if (fields.length > 0 || !result.ok) {
    throw DomainError.validation(fields, {
      zh: `政策文件有 ${fields.length} 处问题`,
      en: `The policy document has ${fields.length} problem(s)`,
    });
  }
  return result.policy;
}

/** A stored policy version's document, validated again on the way out (it was valid when written). */
export function storedPolicy(document: unknown): Policy {
  const result = parsePolicy(document);
  if (!result.ok) {
    throw new Error(`a stored policy document no longer validates: ${result.problems.map((p) => p.path).join(', ')}`);
  }
  return result.policy;
}
