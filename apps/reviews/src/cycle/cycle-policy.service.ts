import { getCycle } from '@laurel/contracts';
import { ServiceClient } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { ConflictDetection } from '../conflict/conflict-detection.service';

export interface CycleStage {
  key: string;
  kind: string;
  /** The article with the tenant's key, e.g. `ili 第十六条`. */
  basis: string;
  actor: string | null;
}

/** What the votes, deliberations and candidate lists read of a cycle's pinned policy. */
export interface CyclePolicyView {
  stages: CycleStage[];
  /** The policy's tiers, highest first (its order). */
  tiers: { key: string; name: string }[];
}

/** A cycle's stages and tiers, as the awards service keeps them pinned to the cycle's policy version. */
@Injectable()
export class CyclePolicy {
  constructor(
    private readonly client: ServiceClient,
    private readonly detection: ConflictDetection,
  ) {}

  async of(cycleNumber: number): Promise<CyclePolicyView> {
    const [cycle, key] = await Promise.all([
      this.client.request(getCycle, { number: cycleNumber }),
      this.detection.policyKey(),
    ]);
    return {
      stages: cycle.schedule.map((stage) => ({
        key: stage.key,
        kind: stage.kind,
        basis: `${key} ${stage.basis}`,
        actor: stage.actor?.zh ?? null,
      })),
      tiers: cycle.quotas.map((quota) => ({ key: quota.tier, name: quota.name.zh })),
    };
  }
}

/** The cycle's stage of this kind (`vote`, `deliberation`), if its policy names one. */
export const stageOf = (policy: CyclePolicyView, kind: string): CycleStage | undefined =>
  policy.stages.find((stage) => stage.kind === kind);
