import { RequestContexts } from '@laurel/platform';
import { scoringPlanOf } from '@laurel/policy';
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
  /**
   * The stage whose decision the deliberation records: the `deliberation` stage, or the `candidate_list` stage the
   * leading group's deliberation decides itself (xinzhou-district 第十四条 领导小组审议确定候选名单). undefined: none.
   */
  deliberation: CycleStage | undefined;
  /**
   * The `candidate_list` stage where the office proposes candidates from the results (inner-mongolia 第十五条,
   * xinzhou-city 第十八条): the deliberation after it decides among the proposal only. undefined: none.
   */
  proposal: CycleStage | undefined;
}

/** A cycle's stages and tiers, read from its pinned policy version (`CyclePolicy`), in the request's tenant. */
@Injectable()
export class CycleProcedure {
  constructor(private readonly policies: CyclePolicy) {}

  async of(cycleNumber: number): Promise<CyclePolicyView> {
    const { policy } = await this.policies.of(RequestContexts.requireTenant(), cycleNumber);
    const stages = policy.procedure.stages.map((stage) => ({
      key: stage.key,
      kind: stage.kind,
      basis: `${policy.key} ${stage.basis}`,
      actor: stage.actor?.zh ?? null,
    }));
    const rule = scoringPlanOf(policy.key).candidateList;
    const listStage = rule ? stages.find((stage) => stage.key === rule.stage) : undefined;
    const byDeliberation = rule?.decidedBy === 'deliberation' ? listStage : undefined;
    return {
      stages,
      tiers: policy.tiers.map((tier) => ({ key: tier.key, name: tier.name.zh })),
      deliberation: stages.find((stage) => stage.kind === 'deliberation') ?? byDeliberation,
      proposal: rule?.decidedBy === 'office_from_results' ? listStage : undefined,
    };
  }
}

/** The cycle's stage of this kind (`vote`, `deliberation`), if its policy names one. */
export const stageOf = (policy: CyclePolicyView, kind: string): CycleStage | undefined =>
  policy.stages.find((stage) => stage.kind === kind);
