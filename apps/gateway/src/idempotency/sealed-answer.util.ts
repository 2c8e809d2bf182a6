import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** An answer as stored for replay: AES-256-GCM under a key derived from the gateway's secret. */
export interface SealedAnswer {
  sealed: string;
}

const INFO = 'laurel/idempotency-answer/v1';

/** The key that seals stored answers, derived from `LAUREL_JWT_SECRET` (HKDF-SHA256): never stored itself. */
export function answerKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32));
}

/** Seals an answer for storage: a reader of the table learns nothing of it (tokens, receipt numbers). */
export function sealAnswer(answer: unknown, key: Buffer): SealedAnswer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(answer ?? null), 'utf8'), cipher.final()]);
  return { sealed: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
}

const isSealed = (stored: unknown): stored is SealedAnswer =>
  typeof stored === 'object' && stored !== null && typeof (stored as { sealed?: unknown }).sealed === 'string';

/** Opens a stored answer; one stored before answers were sealed comes back as it is. Throws if it cannot be opened. */
export function openAnswer(stored: unknown, key: Buffer): unknown {
  if (!isSealed(stored)) return stored;
  const raw = Buffer.from(stored.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
}
