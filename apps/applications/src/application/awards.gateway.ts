import {
  type BanCheckIdentity,
  type BanCheckView,
  banCheck,
  type CrossTenantFlag,
  type CycleView,
  crossTenantFlags,
  getCycle,
  getPolicy,
} from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { type Policy, parsePolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';

/** What the applications service asks the awards service: a cycle, its pinned policy, the ban check, the register's flags. */
@Injectable()
export class AwardsGateway {
  constructor(private readonly client: ServiceClient) {}

  cycle(number: number): Promise<CycleView> {
    return this.client.request(getCycle, { number });
  }

  async policy(version: number): Promise<Policy> {
    const stored = await this.client.request(getPolicy, { version });
    const parsed = parsePolicy(stored.policy);
    if (!parsed.ok) throw new Error(`policy version ${version} no longer validates`);
    return parsed.policy;
  }

  /** The applicant goes with the identity: the awards service finds an individual's titles and bans by it. */
  banCheck(identity: BanCheckIdentity, cycleNumber: number, applicantId: string): Promise<BanCheckView> {
    return this.client.request(banCheck, { identity, cycleNumber, applicantId });
  }

  /** Other jurisdictions' revocations and bans of an organisation (the cross-tenant register). */
  async crossTenantFlags(creditCode: string): Promise<CrossTenantFlag[]> {
    return (await this.client.request(crossTenantFlags, { creditCode })).flags;
  }
}
