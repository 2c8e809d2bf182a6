import type { PlanStep } from '@laurel/contracts';
import type { Policy } from '@laurel/policy';

const UP_TO_ACCEPTANCE = new Set<string>([
  'internal_publicity',
  'submission',
  'recommendation',
  'formal_review',
  'acceptance',
]);

/**
 * The steps of the policy's procedure up to acceptance, in its order, each with its notice: the first stages
 * whose kind belongs before the reviews (internal publicity, submission, recommendation, formal review,
 * acceptance). A step the policy does not have does not exist for the application.
 */
export function planOf(policy: Policy): PlanStep[] {
  const stages = [...policy.procedure.stages].sort((a, b) => a.order - b.order);
  const plan: PlanStep[] = [];
  for (const stage of stages) {
    if (!UP_TO_ACCEPTANCE.has(stage.kind)) break;
    const notice = policy.procedure.notices.find((n) => n.stage === stage.key && n.form === 'notice') ?? null;
    plan.push({
      stage: stage.key,
      kind: stage.kind as PlanStep['kind'],
      basis: `${policy.key} ${stage.basis}`,
      notice: notice
        ? {
            scope: notice.scope,
            count: notice.period?.count ?? null,
            unit: notice.period?.unit ?? null,
            minimum: notice.period?.minimum ?? null,
            basis: notice.basis,
          }
        : null,
    });
  }
  return plan;
}

export const stepOf = (plan: readonly PlanStep[], kind: PlanStep['kind']): PlanStep | undefined =>
  plan.find((step) => step.kind === kind);

/** Where the office's check happens: the formal review stage, else the acceptance stage. */
export const officeStepOf = (plan: readonly PlanStep[]): PlanStep | undefined =>
  stepOf(plan, 'formal_review') ?? stepOf(plan, 'acceptance');
