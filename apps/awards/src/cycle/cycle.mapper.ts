import type { CycleView } from '@laurel/contracts';
import { checkQuota, type TierKey } from '@laurel/policy';
import { dateColumn } from '../date-column.util';
import { storedPolicy } from '../policy/policy-document.util';
import type { CycleRow } from './cycle.repository';
import type { CycleWarning, StagePlan } from './cycle-rules.util';

/** A cycle as the API shows it: schedule in order, quotas in the policy's tier order with checkQuota's outcome. */
export function cycleView(row: CycleRow): CycleView {
  const policy = storedPolicy(row.policyVersion.document);
  const tierOrder = policy.tiers.map((tier) => tier.key as string);
  const quotas = [...row.quotas].sort((a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier));
  return {
    id: row.id,
    programmeId: row.programmeId,
    number: row.number,
    year: row.year,
    opensOn: dateColumn.toIso(row.opensOn),
    closesOn: dateColumn.toIso(row.closesOn),
    status: row.status,
    policyVersion: row.policyVersion.version,
    openedBy: row.openedBy,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    schedule: row.stages.map((stage) => ({
      key: stage.key,
      kind: stage.kind,
      order: stage.position,
      name: { zh: stage.nameZh, en: stage.nameEn },
      actor: stage.actorZh !== null && stage.actorEn !== null ? { zh: stage.actorZh, en: stage.actorEn } : null,
      scored: stage.scored,
      basis: stage.basis,
      notices: stage.notices as unknown as StagePlan['notices'],
    })),
    quotas: quotas.map((quota) => {
      const tier = quota.tier as TierKey;
      const check = checkQuota(policy, tier, quota.used);
      return {
        tier,
        name: policy.tiers.find((candidate) => candidate.key === tier)?.name ?? { zh: tier, en: tier },
        quota: quota.max,
        binding: quota.binding as 'hard' | 'in_principle',
        vacanciesAllowed: quota.vacanciesAllowed,
        used: quota.used,
        basis: quota.basis,
        check: {
          outcome: check.outcome,
          allowed: check.allowed,
          requiresRecordedReason: check.requiresRecordedReason,
          reason: check.reason,
        },
      };
    }),
    warnings: row.warnings as unknown as CycleWarning[],
  };
}
