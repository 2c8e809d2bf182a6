import { DomainError, getPolicy } from '@laurel/contracts';
import { RequestContexts, ServiceClient } from '@laurel/platform';
import { officeMayGrant, parsePolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';

/** Roles that are some body's on the platform; the policy says which bodies are independent of the office. */
const BODY_ROLES: ReadonlySet<string> = new Set(['supervisor', 'leading_group']);

/**
 * Whether the office may give these roles: not a body's the regulation sets up apart from the office (xinzhou-city
 * 第十七条、第二十七条: the supervision group oversees the office's work; 第六条: the leading group), whose accounts the
 * operator creates. The rule is the tenant's policy (its latest version), asked of the awards service; a tenant with
 * no policy has no such body.
 */
@Injectable()
export class OfficeGrantsService {
  constructor(private readonly client: ServiceClient) {}

  async refuseIndependentBodies(roles: readonly string[]): Promise<void> {
    const context = RequestContexts.current();
    if (!context?.actor || context.actor.operator) return;
    const bodyRoles = roles.filter((role) => BODY_ROLES.has(role));
    if (bodyRoles.length === 0) return;
    const policy = await this.policy();
    if (!policy) return;
    for (const role of bodyRoles) {
      const grant = officeMayGrant(policy, role);
      if (grant.allowed) continue;
      const { body } = grant;
      throw new DomainError({
        code: 'forbidden',
        detail: {
          zh: `${body.name.zh}独立于办公室，其账号由平台运维人员创建`,
          en: `${body.name.en} is independent of the office: the platform operator creates its accounts`,
        },
        fields: [
          {
            field: 'body.roles',
            reason: { zh: `办公室不能授予 ${role} 角色`, en: `the office cannot give the role ${role}` },
          },
        ],
        basis: `${policy.key} ${body.basis}`,
      });
    }
  }

  private async policy() {
    try {
      const stored = await this.client.request(getPolicy, {});
      const parsed = parsePolicy(stored.policy);
      if (!parsed.ok) throw new Error('the tenant’s latest policy version no longer validates');
      return parsed.policy;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return null;
      throw error;
    }
  }
}
