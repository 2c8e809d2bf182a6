import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * ID and phone numbers at rest: AES-256-GCM (`v1.<iv>.<tag>.<ciphertext>`, base64url), and a deterministic
 * HMAC-SHA-256 of identities for uniqueness lookups, under a key derived (HKDF) from the same configured key.
 */
export class IdentityCipher {
  private readonly hmacKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the data key must be 32 bytes');
    this.hmacKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'laurel-applications-identity-hmac', 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The lookup hash of an identity (`organisation:<credit code>` or `individual:<ID number>`). */
  hash(kind: string, number: string): string {
    return createHmac('sha256', this.hmacKey).update(`${kind}:${number}`).digest('hex');
  }
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  return phone.length <= 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** `11010519491231002X` → `110105********002X`. */
export function maskIdNumber(idNumber: string): string {
  return `${idNumber.slice(0, 6)}${'*'.repeat(Math.max(0, idNumber.length - 10))}${idNumber.slice(-4)}`;
}
