import {
  type DisbursementStatus,
  DomainError,
  disbursementStatusLabels,
  type EntitlementStatus,
  entitlementStatusLabels,
} from '@laurel/contracts';
import { formatFen } from '@laurel/policy';

export const disbursementNotFound = () => DomainError.notFound({ zh: '未找到该笔拨付', en: 'No such disbursement' });

export const disbursementWrongStatus = (status: DisbursementStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `该笔拨付${disbursementStatusLabels[status].zh}，不能再${action === 'confirm' ? '确认支付' : '登记支付失败'}`,
      en: `This disbursement is ${disbursementStatusLabels[status].en}; it cannot be ${action === 'confirm' ? 'confirmed' : 'failed'} now`,
    },
    { currentStatus: status },
  );

export const entitlementNotPayable = (status: EntitlementStatus) =>
  DomainError.conflict(
    {
      zh: `该奖补资金${entitlementStatusLabels[status].zh}，不能拨付`,
      en: `This entitlement is ${entitlementStatusLabels[status].en}; nothing can be disbursed`,
    },
    { currentStatus: status },
  );

export const exceedsOutstanding = (outstanding: bigint, asked: number) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `拨付金额超过尚未拨付的 ${formatFen(Number(outstanding))} 元`,
      en: `The amount exceeds the CNY ${formatFen(Number(outstanding))} not yet disbursed`,
    },
    fields: [
      {
        field: 'body.amountFen',
        reason: {
          zh: `不得超过尚未拨付的 ${formatFen(Number(outstanding))} 元（本次 ${formatFen(asked)} 元）`,
          en: `must not exceed the CNY ${formatFen(Number(outstanding))} not yet disbursed (CNY ${formatFen(asked)} asked)`,
        },
      },
    ],
    extensions: { outstandingFen: Number(outstanding) },
  });
