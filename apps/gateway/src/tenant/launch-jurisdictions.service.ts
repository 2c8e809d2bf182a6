import { randomBytes } from 'node:crypto';
import { type RequestContext, RequestContexts } from '@laurel/platform';
import { type LaunchPolicyKey, launchDivisionCodes, loadLaunchPolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { UserService } from '../user/user.service';
import { TenantService } from './tenant.service';
import { TenantDirectory } from './tenant-directory.service';

export interface SeededJurisdiction {
  key: string;
  officeUsername: string;
  /** Generated, shown once. */
  officePassword: string;
}

/**
 * Creates each launch jurisdiction that does not exist yet, from its policy document — tenant, award programme
 * and an office user (`<key>-office`) — the way an operator would through the API. Existing ones are left alone.
 */
@Injectable()
export class LaunchJurisdictionsService {
  constructor(
    private readonly tenants: TenantService,
    private readonly directory: TenantDirectory,
    private readonly users: UserService,
  ) {}

  async seed(context: RequestContext): Promise<SeededJurisdiction[]> {
    const seeded: SeededJurisdiction[] = [];
    for (const key of Object.keys(launchDivisionCodes) as LaunchPolicyKey[]) {
      if (await this.directory.byKey(key)) continue;
      const policy = loadLaunchPolicy(key);
      const tenant = await this.tenants.create(context, {
        tenant: {
          key,
          nameZh: policy.name.zh,
          nameEn: policy.name.en,
          level: policy.level,
          divisionCode: launchDivisionCodes[key],
        },
        policy: policy as unknown as Record<string, unknown>,
      });
      this.directory.forget(key);
      const officeUsername = `${key}-office`;
      const officePassword = randomBytes(12).toString('base64url');
      await RequestContexts.run({ ...context, tenantId: tenant.id }, () =>
        this.users.createInTenant({
          username: officeUsername,
          password: officePassword,
          displayName: `${policy.name.zh} 办公室`,
          roles: ['office'],
        }),
      );
      seeded.push({ key, officeUsername, officePassword });
    }
    return seeded;
  }
}
