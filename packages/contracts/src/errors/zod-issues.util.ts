import type { z } from 'zod';
import type { FieldError } from './domain-error';

const path = (prefix: string, parts: readonly PropertyKey[]): string =>
  parts.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    prefix,
  );

function reasonOf(issue: z.core.$ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { zh: '必填', en: 'is required' }
        : { zh: `类型应为 ${issue.expected}`, en: `must be ${issue.expected}` };
    case 'unrecognized_keys':
      return { zh: `不允许的字段: ${issue.keys.join(', ')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
    case 'too_big':
      return {
        zh: `过长或过大（上限 ${String(issue.maximum)}）`,
        en: `is too long or too large (max ${String(issue.maximum)})`,
      };
    case 'too_small':
      return {
        zh: `过短或过小（下限 ${String(issue.minimum)}）`,
        en: `is too short or too small (min ${String(issue.minimum)})`,
      };
    case 'invalid_format':
      return { zh: `格式应为 ${issue.format}`, en: `must be a valid ${issue.format}` };
    case 'invalid_value':
      return {
        zh: `取值应为 ${issue.values.map(String).join(' | ')}`,
        en: `must be one of ${issue.values.map(String).join(' | ')}`,
      };
    default:
      return { zh: issue.message, en: issue.message };
  }
}

/** Turns zod issues into field errors, paths prefixed (e.g. `body`), unknown keys reported per key. */
export function fieldErrorsFromZod(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          field: path(prefix, [...issue.path, key]),
          reason: { zh: '不允许的字段', en: 'is not a known field' },
        }))
      : [{ field: path(prefix, issue.path), reason: reasonOf(issue) }],
  );
}
