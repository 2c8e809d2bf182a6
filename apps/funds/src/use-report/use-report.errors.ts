import { DomainError, type UseReportStatus, useReportStatusLabels } from '@laurel/contracts';
import type { UseReportProblem } from '@laurel/policy';

export const useNotFound = () => DomainError.notFound({ zh: '未找到该奖补资金', en: 'No such entitlement' });

const ACTION_ZH: Record<string, string> = {
  draft: '填写使用报告',
  edit: '修改使用报告',
  submit: '报送',
  resubmit: '重新报送',
  query: '质询',
  accept: '认可',
};

export const useReportWrongStatus = (status: UseReportStatus | null, action: string) =>
  DomainError.conflict(
    {
      zh: status
        ? `该使用报告${useReportStatusLabels[status].zh}，不能${ACTION_ZH[action] ?? action}`
        : `尚无使用报告，不能${ACTION_ZH[action] ?? action}`,
      en: status
        ? `The use report is ${useReportStatusLabels[status].en}; it cannot be ${action === 'query' ? 'queried' : `${action}ed`} now`
        : `There is no use report to ${action} yet`,
    },
    { field: 'status', reason: 'wrong_state', currentStatus: status },
  );

export const entitlementNotPaid = () =>
  DomainError.conflict(
    { zh: '该奖补资金尚未拨付，无须报告使用情况', en: 'Nothing of this entitlement was paid: no use to report' },
    { field: 'entitlementId', reason: 'nothing_paid' },
  );

export const noUseRules = () =>
  DomainError.conflict(
    {
      zh: '本办法未规定奖励资金的使用范围，无须报告资金使用情况',
      en: 'The regulation states no restricted use of the award money: no use report is owed',
    },
    { field: 'entitlementId', reason: 'no_restricted_use' },
  );

export const noEvaluationRequired = () =>
  DomainError.conflict(
    {
      zh: '本办法未规定对奖励资金开展绩效评价',
      en: 'The regulation asks for no performance evaluation of the award money',
    },
    { field: 'entitlementId', reason: 'no_performance_evaluation' },
  );

export const evaluationAlreadyRecorded = () =>
  DomainError.conflict(
    { zh: '该奖补资金的绩效评价已记录', en: 'The performance evaluation of this entitlement was already recorded' },
    { field: 'entitlementId', reason: 'already_recorded' },
  );

/** The policy's refusal of a report (unknown purpose, total over what was paid …) with each field and its reason. */
export const useReportRefused = (problems: readonly UseReportProblem[]) => {
  const basis = problems.find((problem) => problem.basis)?.basis ?? undefined;
  const overPaid = problems.some((problem) => problem.line === null && problem.basis);
  return new DomainError({
    code: overPaid || problems.some((problem) => problem.field === 'purpose') ? 'rule_violation' : 'validation_failed',
    detail: {
      zh: `资金使用报告不符合规定：${problems.map((problem) => problem.reason.zh).join('；')}`,
      en: `The use report breaks the rules: ${problems.map((problem) => problem.reason.en).join('; ')}`,
    },
    fields: problems.map((problem) => ({
      field: problem.line === null ? 'body.lines' : `body.lines[${problem.line}].${problem.field}`,
      reason: problem.reason,
    })),
    basis,
  });
};
