import { type AccountKind, accountKindLabels, DomainError } from '@laurel/contracts';
import { formatFen } from '@laurel/policy';
import type { PendingTransferStatus } from './pending-transfer.lifecycle';

const fenText = (fen: bigint) => formatFen(Number(fen));

/**
 * A transfer id used before for a different request: 409 naming the field that differs (`body.amountFen`), or
 * `body.transferId` when the ledger's own record differs (another account or reference).
 */
export const transferIdReused = (differs: string) => {
  const field = differs.startsWith('body.') ? differs : 'body.transferId';
  return new DomainError({
    code: 'conflict',
    detail: {
      zh: `该转账编号已用于另一笔内容不同的请求（${differs} 不同）：重复提交须与原请求完全相同，新的请求须用新编号`,
      en: `This transfer id was already used for a different request (${differs} differs): a replay must be identical, a new request needs a new id`,
    },
    fields: [
      {
        field,
        reason: {
          zh: '与该转账编号已记录的请求不同',
          en: 'differs from the request already recorded under this transfer id',
        },
      },
    ],
    extensions: { differs },
  });
};

/** What a flagged account still allows, said in Chinese and English. */
export const balanceRuleText = (kind: AccountKind, limit: bigint, amount: bigint) => ({
  zh: `${accountKindLabels[kind].zh}余额不足：尚可 ${fenText(limit < 0n ? 0n : limit)} 元，本次 ${fenText(amount)} 元`,
  en: `not enough ${accountKindLabels[kind].en}: ${fenText(limit < 0n ? 0n : limit)} yuan allowed, ${fenText(amount)} asked`,
});

/** A pending transfer already resolved: 409 naming its state. */
export const pendingAlreadyResolved = (status: PendingTransferStatus) =>
  DomainError.conflict(
    {
      zh: `该笔待支付转账已${status === 'posted' ? '确认支付' : '作废'}，不能再处理`,
      en: `This pending transfer is already ${status}`,
    },
    { currentStatus: status },
  );
