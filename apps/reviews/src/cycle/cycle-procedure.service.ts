import { RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { CyclePolicy } from '../stage/cycle-policy.service';

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

/** A cycle's stages and tiers, read from its pinned policy version (`CyclePolicy`), in the request's tenant. */
@Injectable()
export class CycleProcedure {
  constructor(private readonly policies: CyclePolicy) {}

  async of(cycleNumber: number): Promise<CyclePolicyView> {
    const { policy } = await this.policies.of(RequestContexts.requireTenant(), cycleNumber);
    return {
      stages: policy.procedure.stages.map((stage) => ({
        key: stage.key,
        kind: stage.kind,
        basis: `${policy.key} ${stage.basis}`,
        actor: stage.actor?.zh ?? null,
      })),
      tiers: policy.tiers.map((tier) => ({ key: tier.key, name: tier.name.zh })),
    };
  }
}

/** The cycle's stage of this kind (`vote`, `deliberation`), if its policy names one. */
export const stageOf = (policy: CyclePolicyView, kind: string): CycleStage | undefined =>
  policy.stages.find((stage) => stage.kind === kind);
