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

/** An office user barred by a conflict flag from deciding anything about the application (403, with the article). */
export const officeUserRecused = (flag: { id: string; basis: string; status: string }) =>
  new DomainError({
    code: 'forbidden',
    detail: {
      zh: `您与该申报存在利害关系（${flag.status === 'recused' ? '已决定回避' : '待办公室决定，决定前应回避'}，${flag.basis}），不能就其作出决定；请由其他工作人员办理`,
      en: `You have a conflict of interest with this application (${flag.status === 'recused' ? 'recused' : 'declared, awaiting the office’s decision; withdrawn until then'}, ${flag.basis}); another office user must decide it`,
    },
    basis: flag.basis,
    extensions: { conflictId: flag.id },
  });

export const notAPartyToDeclare = () =>
  DomainError.forbidden({
    zh: '只有办公室工作人员或领导小组成员单位可以申报利害关系',
    en: 'Only an office user or a member unit of the leading group declares an interest here',
  });
