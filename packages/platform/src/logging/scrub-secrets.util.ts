import pino from 'pino';

export const REDACTED = '[redacted]';

/**
 * Key fragments that mark a secret or personal number, matched on the key lower-cased without separators, so that
 * `Authorization`, `objectorPhone`, `id_number`, `newPassword`, `secretAccessKey` and `set-cookie` all match.
 */
const SECRET_FRAGMENTS = [
  'password',
  'passwd',
  'token',
  'secret',
  'authorization',
  'cookie',
  'idnumber',
  'phone',
  'reporteridentity',
  'apikey',
  'accesskey',
  'privatekey',
];

const MAX_DEPTH = 12;

const normalised = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

export function isSecretKey(key: string): boolean {
  const plain = normalised(key);
  return SECRET_FRAGMENTS.some((fragment) => plain.includes(fragment));
}

/**
 * A copy of `value` with every secret-named field, at any depth and in any letter case, replaced by `[redacted]`.
 * Errors are first turned into what pino's error serializer writes (type, message, stack and their own fields), so a
 * client error's `config.headers.Authorization` is scrubbed too. Values are copied, never changed in place.
 */
export function scrubSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (value instanceof Error) return scrubSecrets(pino.stdSerializers.err(value), depth, seen);
    if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1, seen));
    if (value instanceof Date || Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) {
      copy[key] =
        isSecretKey(key) && field !== null && field !== undefined ? REDACTED : scrubSecrets(field, depth + 1, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
