import { hkdfSync } from 'node:crypto';
import { FieldCipher } from '@laurel/platform';

/** An answer as stored for replay, sealed by the platform's `FieldCipher` (AES-256-GCM). */
export interface SealedAnswer {
  sealed: string;
}

const INFO = 'laurel/idempotency-answer/v1';

/** The cipher that seals stored answers, its key derived from `LAUREL_JWT_SECRET` (HKDF-SHA256), never stored. */
export function answerCipher(secret: string): FieldCipher {
  return new FieldCipher(Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), INFO, 32)), `${INFO}/lookup`);
}

/** Seals an answer for storage: a reader of the table learns nothing of it (tokens, receipt numbers). */
export function sealAnswer(answer: unknown, cipher: FieldCipher): SealedAnswer {
  return { sealed: cipher.encrypt(JSON.stringify(answer ?? null)) };
}

const isSealed = (stored: unknown): stored is SealedAnswer =>
  typeof stored === 'object' && stored !== null && typeof (stored as { sealed?: unknown }).sealed === 'string';

/** Opens a stored answer; one stored before answers were sealed comes back as it is. Throws if it cannot be opened. */
export function openAnswer(stored: unknown, cipher: FieldCipher): unknown {
  return isSealed(stored) ? JSON.parse(cipher.decrypt(stored.sealed)) : stored;
}
