import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data at rest (ID numbers, phone numbers, addresses, reporters' identities): AES-256-GCM sealed as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url), and a deterministic HMAC-SHA-256 for lookups, under a key derived
 * (HKDF, with the service's own `hmacInfo`) from the same configured 32-byte key.
 */
export class FieldCipher {
  private readonly hmacKey: Buffer;

  constructor(
    private readonly key: Buffer,
    hmacInfo: string,
  ) {
    if (key.length !== 32) throw new Error('the data key must be 32 bytes');
    this.hmacKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), hmacInfo, 32));
  }

  static fromBase64(key: string, hmacInfo: string): FieldCipher {
    return new FieldCipher(Buffer.from(key, 'base64'), hmacInfo);
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** `null` stays `null`: optional fields seal and open without special cases. */
  encryptOptional(plain: string | null | undefined): string | null {
    return plain === null || plain === undefined ? null : this.encrypt(plain);
  }

  decryptOptional(sealed: string | null | undefined): string | null {
    return sealed === null || sealed === undefined ? null : this.decrypt(sealed);
  }

  /** The lookup hash of a value in a namespace (e.g. `individual:<ID number>`). */
  hash(kind: string, value: string): string {
    return createHmac('sha256', this.hmacKey).update(`${kind}:${value}`).digest('hex');
  }
}
