import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';

export interface NewRefreshToken {
  userId: string;
  /** The session: every token rotated from the same sign-in shares it. */
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** Refresh tokens, stored by hash; platform-level rows, reached through the system role. */
@Injectable()
export class RefreshTokenRepository {
  findByHash(tx: GatewayTx, tokenHash: string) {
    return tx.refreshToken.findUnique({ where: { tokenHash } });
  }

  create(tx: GatewayTx, token: NewRefreshToken) {
    return tx.refreshToken.create({ data: { id: randomUUID(), ...token } });
  }

  /** Revokes every still-unrevoked token of the session (sign-out, or a rotated token used again). */
  revokeFamily(tx: GatewayTx, familyId: string, at: Date) {
    return tx.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
  }

  /**
   * Revokes the token being exchanged, conditional on its still being unrevoked; false when it already was. A
   * concurrent rotation of the same token waits for the first's row lock, then finds it revoked and gets false.
   */
  async rotate(tx: GatewayTx, id: string, at: Date): Promise<boolean> {
    const rotated = await tx.refreshToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
    return rotated.count !== 0;
  }
}
