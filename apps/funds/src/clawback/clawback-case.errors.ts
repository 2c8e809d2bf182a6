import { type ClawbackCaseStatus, DomainError } from '@laurel/contracts';
import { formatFen } from '@laurel/policy';

export const clawbackCaseNotFound = () => DomainError.notFound({ zh: '追缴案件不存在', en: 'clawback case not found' });

/** The step is not allowed in the case's state: 409 naming the state. */
export const clawbackWrongStatus = (status: ClawbackCaseStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `追缴案件当前状态（${status}）不允许此操作（${action}）`,
      en: `a ${status} clawback case does not allow ${action}`,
    },
    { currentStatus: status },
  );

const field = (name: string, zh: string, en: string) =>
  DomainError.validation([{ field: name, reason: { zh, en } }], { zh, en });

/** More than is outstanding: 422 naming the amount. */
export const exceedsOutstandingClaim = (outstanding: bigint, asked: number) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `超过尚未追回的金额：尚欠 ${formatFen(Number(outstanding))} 元，本次 ${formatFen(asked)} 元`,
      en: `more than is outstanding: ${formatFen(Number(outstanding))} yuan owed, ${formatFen(asked)} asked`,
    },
    fields: [
      {
        field: 'body.amountFen',
        reason: {
          zh: '不得超过尚欠金额',
          en: 'may not exceed what is outstanding',
        },
      },
    ],
  });

export const exceedsRecovered = (recovered: bigint, asked: number) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `上缴金额超过已追回未上缴的金额（${formatFen(Number(recovered))} 元）`,
      en: `more than recovered and not yet returned (${formatFen(Number(recovered))} yuan), ${formatFen(asked)} asked`,
    },
    fields: [
      {
        field: 'body.amountFen',
        reason: {
          zh: '不得超过已追回未上缴金额',
          en: 'may not exceed what is held',
        },
      },
    ],
  });

export const instalmentsDoNotAddUp = (outstanding: bigint, total: number) =>
  field(
    'body.instalments',
    `分期金额合计（${formatFen(total)} 元）须等于尚欠金额（${formatFen(Number(outstanding))} 元）`,
    `the instalments add up to ${formatFen(total)} yuan, not the ${formatFen(Number(outstanding))} yuan outstanding`,
  );

export const instalmentsOutOfOrder = () =>
  field(
    'body.instalments',
    '各期还款日期须逐期在后，且不早于今天',
    'each instalment falls due after the previous one, from today on',
  );

export const dueDateInPast = () => field('body.dueOn', '还款期限不得早于今天', 'the due date may not be before today');
