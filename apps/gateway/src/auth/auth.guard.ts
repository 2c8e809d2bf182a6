import { DomainError } from '@laurel/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '../http/authenticated-request';
import { TenantDirectory } from '../tenant/tenant-directory.service';
import { AccessTokenService } from './access-token.service';
import { Access, PUBLIC_ROUTE, ROUTE_ACCESS, type RouteAccess } from './auth.decorators';
import { SessionRevocations } from './session-revocations.service';

const notFound = () => DomainError.notFound({ zh: '未找到该辖区', en: 'No such jurisdiction' });

/**
 * Every route but the public ones needs a valid access token. Routes under `/tenants/{tenantKey}` resolve
 * the tenant; a user with no role in it gets 404 (its existence is not revealed), one with the wrong role 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly tenants: TenantDirectory,
    private readonly sessions: SessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const tenantKey = (request.params as Record<string, string> | undefined)?.tenantKey;
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      if (tenantKey) {
        const tenant = await this.tenants.byKey(tenantKey);
        if (tenant?.status !== 'active') throw notFound();
        request.tenant = tenant;
      }
      return true;
    }
    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? this.tokens.verify(header.slice(7).trim()) : null;
    // A token of a session that was ended (sign-out, refresh reuse) is refused at once, not when it expires.
    if (!claims || (claims.sid !== undefined && this.sessions.isRevoked(claims.sid))) {
      throw new DomainError({ code: 'unauthenticated', detail: { zh: '请先登录', en: 'Sign in first' } });
    }
    request.principal = {
      actor: { userId: claims.sub, username: claims.username, roles: [], operator: claims.op },
      memberships: claims.ten,
    };
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, targets) ?? {};
    if (!tenantKey) {
      if (access.operator && !claims.op) throw DomainError.forbidden();
      return true;
    }
    const tenant = await this.tenants.byKey(tenantKey);
    const roles = tenant ? (claims.ten[tenant.id] ?? []) : [];
    if (!tenant || (roles.length === 0 && !claims.op)) throw notFound();
    const allowed = (access.operator && claims.op) || (access.roles ?? []).some((role) => roles.includes(role));
    if (!allowed) throw DomainError.forbidden();
    if (tenant.status === 'suspended' && !access.whileSuspended && !claims.op) {
      throw new DomainError({
        code: 'tenant_suspended',
        detail: { zh: '该辖区已暂停', en: 'This jurisdiction is suspended' },
      });
    }
    request.tenant = tenant;
    request.principal.actor = { ...request.principal.actor, roles };
    return true;
  }
}

export { Access };
