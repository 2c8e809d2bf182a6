import { DomainError } from '@laurel/contracts';
import { AuditTrail, Database, type RequestContext, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { hashPassword } from '../auth/password.util';
import type { PrismaClient } from '../gateway-prisma';
import { OfficeGrantsService } from './office-grants.service';
import { UserRepository } from './user.repository';
import type { CreateUserBody, UserView } from './user.schema';

/** Users and their roles in tenants; operators are platform users. */
@Injectable()
export class UserService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly audit: AuditTrail,
    private readonly users: UserRepository,
    private readonly grants: OfficeGrantsService,
  ) {}

  /** Creates a tenant's staff user with its roles (the tenant is the one in context). */
  async createInTenant(body: CreateUserBody): Promise<UserView> {
    const tenantId = RequestContexts.requireTenant();
    await this.grants.refuseIndependentBodies(body.roles);
    const passwordHash = await hashPassword(body.password);
    return this.database.inTenant(async (tx) => {
      if (await this.users.isUsernameTaken(tx, body.username)) {
        throw DomainError.conflict(
          { zh: `用户名 ${body.username} 已被使用`, en: `The username ${body.username} is taken` },
          { field: 'username' },
        );
      }
      const user = await this.users.create(tx, {
        username: body.username,
        passwordHash,
        displayName: body.displayName,
      });
      await this.users.addMemberships(tx, tenantId, user.id, [...new Set(body.roles)]);
      const view = {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: [...new Set(body.roles)],
        createdAt: user.createdAt.toISOString(),
      };
      await this.audit.record(tx, { action: 'user.create', targetType: 'user', targetId: user.id, after: view });
      return view;
    });
  }

  /** Whether the user holds `role` in the tenant in context. */
  holdsRole(userId: string, role: string): Promise<boolean> {
    return this.database.inTenant((tx) => this.users.holdsRole(tx, userId, role));
  }

  /** The tenant's users and their roles there (row-level security confines memberships to the tenant). */
  async listInTenant(): Promise<UserView[]> {
    const memberships = await this.database.inTenant((tx) => this.users.membershipsWithUsers(tx));
    const users = new Map<string, UserView>();
    for (const m of memberships) {
      const user = users.get(m.userId) ?? {
        id: m.user.id,
        username: m.user.username,
        displayName: m.user.displayName,
        roles: [],
        createdAt: m.user.createdAt.toISOString(),
      };
      user.roles.push(m.role);
      users.set(m.userId, user);
    }
    return [...users.values()];
  }

  /** Creates the operator account if missing (start-up seeding); false when it already existed. */
  async ensureOperator(context: RequestContext, username: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password);
    return RequestContexts.run(context, () =>
      this.database.asSystem(async (tx) => {
        if (await this.users.findByUsername(tx, username)) return false;
        await this.users.create(tx, { username, passwordHash, displayName: 'Platform operator', operator: true });
        return true;
      }),
    );
  }
}
