import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A secret the public keeps to act on what it filed (a reporter following a report, an objector answering a result):
 * 43 characters, shown once; only its SHA-256 is stored.
 */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

export const hashSecretToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Whether the token is the one whose hash was stored (in constant time). */
export function secretTokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashSecretToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
