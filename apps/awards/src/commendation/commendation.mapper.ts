import type { CommendationDecisionView } from '@laurel/contracts';
import { checkQuota, type Policy, type TierKey } from '@laurel/policy';
import type { CycleRow } from '../cycle/cycle.repository';
import { dateColumn } from '../date-column.util';
import { toTitleView } from '../title/title.mapper';
import type { TitleRow } from '../title/title.reader';
import type { CommendationDecisionRow } from './commendation.repository';

type Exceedance = NonNullable<CommendationDecisionView['quotas'][number]['exceedance']>;

export function toDecisionView(
  row: CommendationDecisionRow,
  titles: TitleRow[],
  quotas: CycleRow['quotas'],
  policy: Policy,
): CommendationDecisionView {
  const exceedances = row.quotaExceedances as unknown as Exceedance[];
  const tierOrder = policy.tiers.map((t) => t.key as string);
  return {
    id: row.id,
    cycleNumber: row.cycleNumber,
    year: row.year,
    policyVersion: row.policyVersion,
    approvingBody: row.approvingBody,
    documentNumber: row.documentNumber,
    decidedOn: dateColumn.toIso(row.decidedOn),
    basis: row.basis,
    quotas: [...quotas]
      .sort((a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier))
      .map((quota) => {
        const check = checkQuota(policy, quota.tier as TierKey, quota.used);
        const exceedance = exceedances.find((e) => e.tier === quota.tier);
        return {
          tier: quota.tier as TierKey,
          outcome: check.outcome,
          max: quota.max,
          used: quota.used,
          vacancies: Math.max(0, quota.max - quota.used),
          vacanciesAllowed: quota.vacanciesAllowed,
          binding: quota.binding as 'hard' | 'in_principle',
          exceedance: exceedance
            ? { tier: exceedance.tier, decidedBy: exceedance.decidedBy, reason: exceedance.reason }
            : null,
          basis: quota.basis,
          reason: check.reason,
        };
      }),
    titles: titles.map(toTitleView),
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
  };
}
