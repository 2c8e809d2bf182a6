import { getPolicy } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { type Policy, parsePolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';

/** What the funds service asks the awards service: the policy version a decision was made under. */
@Injectable()
export class AwardsGateway {
  constructor(private readonly client: ServiceClient) {}

  async policy(version: number): Promise<Policy> {
    const stored = await this.client.request(getPolicy, { version });
    const parsed = parsePolicy(stored.policy);
    if (!parsed.ok) throw new Error(`policy version ${version} no longer validates`);
    return parsed.policy;
  }
}
