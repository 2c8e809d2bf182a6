import type { z } from 'zod';
import type { FieldError } from './domain-error';

const path = (prefix: string, parts: readonly PropertyKey[]): string =>
  parts.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    prefix,
  );

/** zod's names of types and formats, as zh text names them. */
const ZH_NAMES: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  date: '日期',
  null: '空值',
  undefined: '未定义',
  record: '对象',
  tuple: '数组',
  map: '对象',
  set: '数组',
  file: '文件',
  nan: '数字',
  never: '不允许的值',
  email: '电子邮箱地址',
  url: '网址',
  uuid: 'UUID',
  guid: 'UUID',
  datetime: 'ISO 8601 日期时间',
  iso_date: 'ISO 8601 日期（YYYY-MM-DD）',
  iso_time: 'ISO 8601 时间',
  iso_datetime: 'ISO 8601 日期时间',
  regex: '规定的格式',
  base64: 'Base64 编码',
  base64url: 'Base64URL 编码',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  starts_with: '规定的开头',
  ends_with: '规定的结尾',
  includes: '规定的内容',
};
const zhName = (name: string) => ZH_NAMES[name] ?? '规定的类型或格式';

/** Origins of a bound on a number rather than a length or a count. */
const NUMERIC = new Set(['number', 'int', 'bigint']);

function reasonOf(issue: z.core.$ZodIssue): { zh: string; en: string } {
  switch (issue.code) {
    case 'invalid_type':
      // zod keeps the input out of its issues (unless asked to): its message says what it received.
      return issue.input === undefined && /received undefined$/.test(issue.message)
        ? { zh: '必填', en: 'is required' }
        : { zh: `类型应为${zhName(String(issue.expected))}`, en: `must be ${issue.expected}` };
    case 'unrecognized_keys':
      return { zh: `不允许的字段: ${issue.keys.join(', ')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
    case 'too_big':
      if (NUMERIC.has(issue.origin))
        return issue.inclusive === false
          ? { zh: `须小于 ${String(issue.maximum)}`, en: `must be less than ${String(issue.maximum)}` }
          : { zh: `不得大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
      return {
        zh: `过长或过大（上限 ${String(issue.maximum)}）`,
        en: `is too long or too large (max ${String(issue.maximum)})`,
      };
    case 'too_small':
      if (NUMERIC.has(issue.origin))
        return issue.inclusive === false
          ? { zh: `须大于 ${String(issue.minimum)}`, en: `must be greater than ${String(issue.minimum)}` }
          : { zh: `不得小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
      // A text that is trimmed first: blank is empty.
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { zh: '不能为空', en: 'must not be empty' };
      return {
        zh: `过短或过小（下限 ${String(issue.minimum)}）`,
        en: `is too short or too small (min ${String(issue.minimum)})`,
      };
    case 'invalid_format':
      return issue.format === 'regex'
        ? { zh: '不符合规定的格式', en: 'does not match the required pattern' }
        : { zh: `格式应为${zhName(String(issue.format))}`, en: `must be a valid ${issue.format}` };
    case 'invalid_value':
      return {
        zh: `取值应为 ${issue.values.map(String).join(' | ')}`,
        en: `must be one of ${issue.values.map(String).join(' | ')}`,
      };
    case 'not_multiple_of':
      return { zh: `须为 ${String(issue.divisor)} 的倍数`, en: `must be a multiple of ${String(issue.divisor)}` };
    case 'custom':
      return customReason(issue);
    case 'invalid_union': {
      // One value or several (e.g. `?status=a&status=b`): the reason of the branch that came closest says what fits.
      const inner = issue.errors.flat().find((i) => i.code === 'invalid_value') ?? issue.errors.flat()[0];
      return inner ? reasonOf(inner) : { zh: '不符合要求', en: issue.message };
    }
    default:
      // zod's own message is English: the zh text says what is wrong without mixing it in.
      return { zh: '不符合要求', en: issue.message };
  }
}

/**
 * A custom check (\`refine\`) names its zh text in \`params.zh\`, or writes its message as \`zh / en\`; otherwise its
 * message is English and the zh text only says the value does not meet the requirement.
 */
function customReason(issue: z.core.$ZodIssue): { zh: string; en: string } {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof zh === 'string') return { zh, en: issue.message };
  const [first, second] = issue.message.split(' / ');
  if (first && second) return { zh: first, en: second };
  return { zh: '不符合要求', en: issue.message };
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
