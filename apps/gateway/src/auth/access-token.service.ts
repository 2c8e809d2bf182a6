import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { type Clock, WALL_CLOCK } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';

export interface AccessClaims {
  sub: string;
  username: string;
  op: boolean;
  /** tenant id → roles. */
  ten: Record<string, string[]>;
  /** The session (refresh-token family) the token was issued in: ending the session ends the token. */
  sid?: string;
  iat: number;
  exp: number;
  jti: string;
}

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/** Tokens whose signature was checked, kept so a client's next requests skip the HMAC (expiry is checked each time). */
const VERIFIED_CACHE_SIZE = 10000;

/** Signs and checks HS256 JWT access tokens. */
@Injectable()
export class AccessTokenService {
  /** token → its claims, for tokens whose signature held; oldest first, bounded. */
  private readonly verified = new Map<string, AccessClaims>();

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    // Tokens live in real time, even on a rehearsal platform whose clock the operator moves days ahead.
    @Inject(WALL_CLOCK) private readonly clock: Clock,
  ) {}

  sign(claims: Omit<AccessClaims, 'iat' | 'exp' | 'jti'>): { token: string; expiresIn: number } {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const expiresIn = this.config.LAUREL_ACCESS_TOKEN_TTL_SECONDS;
    const body: AccessClaims = { ...claims, iat, exp: iat + expiresIn, jti: randomUUID() };
    const unsigned = `${b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64(JSON.stringify(body))}`;
    return { token: `${unsigned}.${this.signature(unsigned)}`, expiresIn };
  }

  /** The claims of a valid, unexpired token, or null. */
  verify(token: string): AccessClaims | null {
    const known = this.verified.get(token);
    if (known) return this.unexpired(known);
    const claims = this.checkSignature(token);
    if (!claims) return null;
    if (this.verified.size >= VERIFIED_CACHE_SIZE) {
      this.verified.delete(this.verified.keys().next().value as string);
    }
    // Shared by every request that presents the token: frozen, so no request can change another's claims.
    for (const roles of Object.values(claims.ten ?? {})) Object.freeze(roles);
    Object.freeze(claims.ten);
    this.verified.set(token, Object.freeze(claims));
    return this.unexpired(claims);
  }

  private unexpired(claims: AccessClaims): AccessClaims | null {
    return claims.exp * 1000 <= this.clock.now().getTime() ? null : claims;
  }

  /** The claims of a well-formed token whose signature holds (expired or not), or null. */
  private checkSignature(token: string): AccessClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3 || token.length > 8192) return null;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.signature(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as AccessClaims;
      return typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }

  private signature(data: string): string {
    return createHmac('sha256', this.config.LAUREL_JWT_SECRET).update(data).digest('base64url');
  }
}
