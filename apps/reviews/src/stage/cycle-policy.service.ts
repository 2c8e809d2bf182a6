import { getCycle, getPolicy } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { type Policy, parsePolicy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';

/** A cycle's pinned policy version, as the awards service holds it (asked once per cycle; versions never change). */
@Injectable()
export class CyclePolicy {
  private readonly versions = new Map<string, Promise<{ version: number; policy: Policy }>>();

  constructor(private readonly client: ServiceClient) {}

  async of(tenantId: string, cycleNumber: number): Promise<{ version: number; policy: Policy }> {
    const key = `${tenantId}:${cycleNumber}`;
    let found = this.versions.get(key);
    if (!found) {
      found = this.load(cycleNumber);
      this.versions.set(key, found);
      found.catch(() => this.versions.delete(key));
    }
    return found;
  }

  private async load(cycleNumber: number): Promise<{ version: number; policy: Policy }> {
    const cycle = await this.client.request(getCycle, { number: cycleNumber });
    const stored = await this.client.request(getPolicy, { version: cycle.policyVersion });
    const parsed = parsePolicy(stored.policy);
    if (!parsed.ok) throw new Error(`policy version ${cycle.policyVersion} no longer validates`);
    return { version: cycle.policyVersion, policy: parsed.policy };
  }
}
