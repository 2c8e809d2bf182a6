import { type Policy, scoringPlanOf } from '@laurel/policy';
import { isSheetScored, SHEET_STAGE_KINDS } from './scoring-policy.service';

type PolicyStage = Policy['procedure']['stages'][number];

/** A composite evaluation stage the office forms without scores, and the review stages whose results it draws on. */
export interface AssessedCompositeRule {
  readonly stage: PolicyStage;
  /** The panel stages before it, in order (ili: defense, on-site; xinzhou-district: on-site verification). */
  readonly feeding: readonly PolicyStage[];
  /** e.g. `ili 第十六条`. */
  readonly basis: string;
}

/**
 * The policy's composite evaluation where nothing is scored (ili 第十六条 根据评审结果形成综合评审报告, xinzhou-district
 * 第十三条 对各申报组织形成综合考核报告): a `composite_evaluation` stage, no composite in the scoring plan and no stage
 * scored with sheets. null otherwise (a scored composite, or none). Pure.
 */
export function assessedCompositeOf(policy: Policy): AssessedCompositeRule | null {
  if (scoringPlanOf(policy.key).composite) return null;
  const stages = [...policy.procedure.stages].sort((a, b) => a.order - b.order);
  const stage = stages.find((s) => s.kind === 'composite_evaluation');
  if (!stage || stages.some((s) => isSheetScored(policy, s))) return null;
  const feeding = stages.filter((s) => s.order < stage.order && SHEET_STAGE_KINDS.includes(s.kind));
  return { stage, feeding, basis: `${policy.key} ${stage.basis}` };
}
