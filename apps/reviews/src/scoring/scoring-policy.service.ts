import { getPolicy, type RubricView } from '@laurel/contracts';
import { acting, Clock, RequestContexts, ServiceClient } from '@laurel/platform';
import {
  loadScoringPlans,
  type Policy,
  type Rubric,
  rubricOf,
  rubricRuleFor,
  type ScoringPlan,
  scoringPlanOf,
} from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ReviewsTx } from '../reviews-prisma';
import { rubricNotLoaded } from '../rubric/rubric.errors';
import { RubricCatalog } from '../rubric/rubric-catalog.service';
import { CyclePolicy } from '../stage/cycle-policy.service';
import { ScoreSheetRepository } from './score-sheet.repository';
import { noRubric, stageNotFound, stageNotScored } from './scoring.errors';
import { rubricMax } from './validate-scores.util';

export type PolicyStage = Policy['procedure']['stages'][number];

/**
 * The stage kinds experts score with sheets. A scored stage of another kind (inner-mongolia's 综合评分, 第十五条) is
 * the composite, computed from these, not scored anew.
 */
export const SHEET_STAGE_KINDS: readonly string[] = ['material_review', 'defense', 'onsite_review'];

/**
 * Whether experts score a stage with sheets: a stage of a sheet kind the policy marks `scored`, or one the scoring
 * plan scores by the policy's standard (xinzhou-city 第十三条、第十七条).
 */
export function isSheetScored(policy: Policy, stage: PolicyStage): boolean {
  if (!SHEET_STAGE_KINDS.includes(stage.kind)) return false;
  return stage.scored || (scoringPlanOf(policy.key).scoredStages?.stages.includes(stage.key) ?? false);
}

export interface StageRubric {
  readonly rubric: Rubric;
  readonly source: RubricView['source'];
}

/**
 * What the tenant's policy says about scoring: its stages (only a stage the policy scores takes score sheets), the
 * rubric of a stage (the office's recorded choice for the cycle, else the one encoding the standard the policy names
 * for the applicant kind), its scoring plan (composite, cuts) and the normalisation settings. The policy is the
 * cycle's pinned version (`CyclePolicy`).
 */
@Injectable()
export class ScoringPolicy {
  constructor(
    private readonly client: ServiceClient,
    private readonly cycles: CyclePolicy,
    private readonly sheets: ScoreSheetRepository,
    private readonly catalog: RubricCatalog,
    private readonly clock: Clock,
  ) {}

  /** The cycle's pinned policy version; the latest version where no cycle is in question (the stage list). */
  async policy(cycleNumber?: number): Promise<Policy> {
    if (cycleNumber !== undefined) {
      return (await this.cycles.of(RequestContexts.requireTenant(), cycleNumber)).policy;
    }
    const latest = await this.client.request(getPolicy, {});
    return latest.policy as unknown as Policy;
  }

  /** The stage of the policy with this key; 404 when there is none. */
  async stage(cycleNumber: number, stageKey: string): Promise<{ stage: PolicyStage; policy: Policy }> {
    const policy = await this.policy(cycleNumber);
    const stage = policy.procedure.stages.find((candidate) => candidate.key === stageKey);
    if (!stage) throw stageNotFound(stageKey);
    return { stage, policy };
  }

  /** The stages experts score with sheets, in order, each with its article and the cut after it, if any. */
  async scoredStages() {
    const policy = await this.policy();
    const plan = scoringPlanOf(policy.key);
    return policy.procedure.stages
      .filter((stage) => isSheetScored(policy, stage))
      .sort((a, b) => a.order - b.order)
      .map((stage) => {
        const cut = plan.cuts.find((rule) => rule.after === stage.key);
        return {
          key: stage.key,
          order: stage.order,
          name: stage.name,
          basis: `${policy.key} ${stage.basis}`,
          cut: cut ? { to: cut.to, basis: `${policy.key} ${cut.basis}` } : null,
        };
      });
  }

  /** A stage the policy scores (`scored: true`); 422 with the stage's article otherwise. */
  async scoredStage(
    cycleNumber: number,
    stageKey: string,
  ): Promise<{ stage: PolicyStage; policy: Policy; plan: ScoringPlan }> {
    const found = await this.stage(cycleNumber, stageKey);
    if (!isSheetScored(found.policy, found.stage)) {
      throw stageNotScored(stageKey, `${found.policy.key} ${found.stage.basis}`);
    }
    return { ...found, plan: scoringPlanOf(found.policy.key) };
  }

  /** The rubric a stage is scored by for an applicant kind; 409 when neither the policy nor the office gives one. */
  async rubricFor(
    tx: ReviewsTx,
    policy: Policy,
    cycleNumber: number,
    stageKey: string,
    applicantKind: string,
  ): Promise<StageRubric> {
    const recorded = await this.sheets.stageRubric(tx, cycleNumber, stageKey, applicantKind);
    if (recorded) {
      const rubric = await this.catalog.of(tx, recorded.rubricKey, recorded.rubricVersion);
      if (rubric) return { rubric, source: { kind: 'office_decision', basis: null } };
    }
    const entry = rubricRuleFor(policy, applicantKind as 'organisation' | 'individual');
    const rubric = entry?.standard ? await this.catalog.forStandard(tx, entry.standard) : undefined;
    if (!entry || !rubric) throw noRubric(stageKey, applicantKind);
    return { rubric, source: { kind: 'policy', basis: `${policy.key} ${entry.basis}` } };
  }

  /**
   * Before a scored stage opens: the rubric of every applicant kind entering it. Where the policy's standard is not
   * encoded and the office has not loaded it, 422 naming the standard and its article (xinzhou-city 第十三条); a rubric
   * the office loaded is pinned to the stage as it opens (a later version does not change a stage under way).
   */
  async assertRubricsForOpening(
    tx: ReviewsTx,
    policy: Policy,
    cycleNumber: number,
    stage: PolicyStage,
    applicantKinds: readonly string[],
  ): Promise<void> {
    if (!isSheetScored(policy, stage)) return;
    for (const kind of [...new Set(applicantKinds)].sort()) {
      const entry = rubricRuleFor(policy, kind as 'organisation' | 'individual');
      const recorded = await this.sheets.stageRubric(tx, cycleNumber, stage.key, kind);
      if (recorded || !entry?.standard) continue;
      const rubric = await this.catalog.forStandard(tx, entry.standard);
      const basis = `${policy.key} ${entry.basis}`;
      if (!rubric) {
        const title = policy.scoring.standards.find((standard) => standard.code === entry.standard)?.title.zh ?? '';
        throw rubricNotLoaded(stage.name.zh, entry.standard, title, kind, basis);
      }
      if (!rubricOf(rubric.key, rubric.version)) {
        await this.sheets.putStageRubric(tx, {
          cycleNumber,
          stageKey: stage.key,
          applicantKind: kind,
          rubricKey: rubric.key,
          rubricVersion: rubric.version,
          reason: `开启环节时采用办公室载入的评分标准 ${rubric.standard} 第 ${rubric.version} 版（${basis}）`,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        });
      }
    }
  }

  settings() {
    const plans = loadScoringPlans();
    return {
      minimumSheetsForNormalisation: plans.minimumSheetsForNormalisation,
      shrinkage: plans.shrinkage,
      robustZ: plans.outliers.robustZ,
      gapShare: plans.outliers.gapShare,
    };
  }
}

export function toRubricView({ rubric, source }: StageRubric): RubricView {
  return {
    key: rubric.key,
    version: rubric.version,
    standard: rubric.standard,
    title: rubric.title,
    step: rubric.step,
    max: rubricMax(rubric),
    note: rubric.note ?? null,
    source,
    categories: rubric.categories.map((category) => ({
      key: category.key,
      clause: category.clause,
      name: category.name,
      points: category.points,
      pointsSource: category.pointsSource,
      items: category.items.map((item) => ({ ...item })),
    })),
  };
}
