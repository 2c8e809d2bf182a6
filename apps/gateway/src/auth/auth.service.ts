import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DomainError } from '@laurel/contracts';
import { type Clock, Database, WALL_CLOCK } from '@laurel/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import type { GatewayTx, PrismaClient } from '../gateway-prisma';
import { UserRepository } from '../user/user.repository';
import { AccessTokenService } from './access-token.service';
import type { Tokens } from './auth.schema';
import { DUMMY_HASH, verifyPassword } from './password.util';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionRevocations } from './session-revocations.service';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const invalid = () =>
  new DomainError({ code: 'unauthenticated', detail: { zh: '用户名或密码错误', en: 'Wrong username or password' } });
const invalidRefresh = () =>
  new DomainError({
    code: 'unauthenticated',
    detail: { zh: '登录已失效，请重新登录', en: 'The session has ended; sign in again' },
  });

/** Sign-in, token refresh with rotation (a reused token revokes its family), and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly tokens: AccessTokenService,
    // Tokens live in real time, even on a rehearsal platform whose clock the operator moves days ahead.
    @Inject(WALL_CLOCK) private readonly clock: Clock,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly sessions: SessionRevocations,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async login(username: string, password: string): Promise<Tokens> {
    const user = await this.system((tx) => this.users.findByUsername(tx, username));
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabled) throw invalid();
    return this.system((tx) => this.issue(tx, user.id, randomUUID()));
  }

  async refresh(refreshToken: string): Promise<Tokens> {
    const outcome = await this.system(async (tx) => {
      const row = await this.refreshTokens.findByHash(tx, sha256(refreshToken));
      if (!row || row.expiresAt <= this.clock.now()) return { kind: 'invalid', sessionId: null } as const;
      const endSession = async () => {
        // A rotated token used again: someone else may hold it. End the whole session (committed, then refused).
        await this.refreshTokens.revokeFamily(tx, row.familyId, this.clock.now());
        return { kind: 'reused', sessionId: row.familyId } as const;
      };
      if (row.revokedAt) return endSession();
      // Conditional on still being unrevoked: of two refreshes with the same token at once, the second waits for the
      // first's row lock, then finds it revoked; that is a reuse too, not a second session.
      if (!(await this.refreshTokens.rotate(tx, row.id, this.clock.now()))) return endSession();
      return { kind: 'issued', tokens: await this.issue(tx, row.userId, row.familyId) } as const;
    });
    // The session's access tokens end with it, at once (not when they expire).
    if (outcome.kind === 'reused') await this.sessions.revoke(outcome.sessionId);
    if (outcome.kind !== 'issued') throw invalidRefresh();
    return outcome.tokens;
  }

  async logout(refreshToken: string): Promise<void> {
    const sessionId = await this.system(async (tx) => {
      const row = await this.refreshTokens.findByHash(tx, sha256(refreshToken));
      if (row) await this.refreshTokens.revokeFamily(tx, row.familyId, this.clock.now());
      return row?.familyId ?? null;
    });
    if (sessionId) await this.sessions.revoke(sessionId);
  }

  private async issue(tx: GatewayTx, userId: string, familyId: string): Promise<Tokens> {
    const user = await this.users.findWithMemberships(tx, userId);
    if (user.disabled) throw invalidRefresh();
    const ten: Record<string, string[]> = {};
    for (const m of user.memberships) ten[m.tenantId] = [...(ten[m.tenantId] ?? []), m.role];
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.create(tx, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(this.clock.now().getTime() + this.config.LAUREL_REFRESH_TOKEN_TTL_DAYS * 86400000),
    });
    const access = this.tokens.sign({ sub: user.id, username: user.username, op: user.operator, ten, sid: familyId });
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' };
  }

  /** Users and tokens are platform-level: reached through the system role. */
  private system<T>(fn: (tx: GatewayTx) => Promise<T>): Promise<T> {
    return this.database.acrossTenants(fn);
  }
}
