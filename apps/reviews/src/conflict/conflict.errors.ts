import { type ConflictStatus, conflictStatusLabels, DomainError } from '@laurel/contracts';

/** Messages of the conflict steps, in zh-CN and English. */
export const conflictNotFound = () => DomainError.notFound({ zh: '未找到该利害关系标记', en: 'No such conflict flag' });

export const conflictWrongStatus = (status: ConflictStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `该利害关系标记${conflictStatusLabels[status].zh}，不能再作此决定`,
      en: `This conflict flag is ${conflictStatusLabels[status].en}; it cannot be ${action === 'recuse' ? 'recused' : 'dismissed'} now`,
    },
    { currentStatus: status },
  );

export const dismissalNeedsReason = () =>
  DomainError.validation([
    {
      field: 'body.reason',
      reason: {
        zh: '不构成利害关系的决定须说明理由',
        en: 'is required to dismiss a flag: say why there is no interest',
      },
    },
  ]);

export const applicationNotFound = () => DomainError.notFound({ zh: '未找到该申报', en: 'No such application' });
