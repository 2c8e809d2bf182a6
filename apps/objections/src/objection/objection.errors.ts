import { DomainError, type LocalisedText } from '@laurel/contracts';

/** Messages of the objection's steps, in zh-CN and English. */
export const identityRequired: LocalisedText = {
  zh: '必填（异议须署明真实身份）',
  en: 'is required (an objection must identify the objector)',
};

export const objectionNotFound = () => DomainError.notFound({ zh: '未找到该异议', en: 'No such objection' });

export const closedNotice = (extensions: Record<string, string>) =>
  DomainError.conflict(
    { zh: '公示期已结束，不再受理异议', en: 'The notice period has ended; objections are no longer received' },
    extensions,
  );

export const withdrawnNotice = (at: Date) =>
  DomainError.conflict(
    { zh: '该公示已撤回，不再受理异议', en: 'This notice was withdrawn; objections are no longer received' },
    { withdrawnAt: at.toISOString() },
  );

export const alreadyExamined = (currentStatus: string) =>
  DomainError.conflict({ zh: '该异议已审查完毕', en: 'This objection has already been examined' }, { currentStatus });
