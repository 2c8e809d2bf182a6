import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';

export interface NewUser {
  username: string;
  passwordHash: string;
  displayName: string;
  /** Platform operator (absent for a tenant's staff). */
  operator?: boolean;
}

/** Users (platform-level) and their memberships (a role in a tenant). */
@Injectable()
export class UserRepository {
  findByUsername(tx: GatewayTx, username: string) {
    return tx.user.findUnique({ where: { username } });
  }

  /** The user with all its memberships; throws when there is no such user. */
  findWithMemberships(tx: GatewayTx, id: string) {
    return tx.user.findUniqueOrThrow({ where: { id }, include: { memberships: true } });
  }

  /** Whether any user already has the username (usernames are unique across the platform, not per tenant). */
  async isUsernameTaken(tx: GatewayTx, username: string): Promise<boolean> {
    const taken = await tx.$queryRawUnsafe<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM app_user WHERE username = $1',
      username,
    );
    return (taken[0]?.n ?? 0) > 0;
  }

  create(tx: GatewayTx, user: NewUser) {
    return tx.user.create({ data: { id: randomUUID(), ...user } });
  }

  /** Whether the user holds the role in the tenant in context (row-level security confines memberships to it). */
  async holdsRole(tx: GatewayTx, userId: string, role: string): Promise<boolean> {
    return (await tx.membership.count({ where: { userId, role } })) > 0;
  }

  /** Gives the user the roles in the tenant (one membership per role). */
  addMemberships(tx: GatewayTx, tenantId: string, userId: string, roles: readonly string[]) {
    return tx.membership.createMany({
      data: roles.map((role) => ({ id: randomUUID(), tenantId, userId, role })),
    });
  }

  /**
   * The memberships visible in the transaction, with their users, oldest first (in a tenant's transaction row-level
   * security confines them to that tenant).
   */
  membershipsWithUsers(tx: GatewayTx) {
    return tx.membership.findMany({ include: { user: true }, orderBy: { createdAt: 'asc' } });
  }
}
