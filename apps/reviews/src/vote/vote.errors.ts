import {
  type BallotStatus,
  ballotStatusLabels,
  DomainError,
  type VoteStatus,
  voteStatusLabels,
} from '@laurel/contracts';

/** Messages of the vote and ballot steps, in zh-CN and English. */
export const voteNotFound = () => DomainError.notFound({ zh: '未找到该投票', en: 'No such vote' });
export const ballotNotFound = () =>
  DomainError.notFound({ zh: '未找到本单位的选票', en: 'No ballot of yours in this vote' });

export const voteWrongStatus = (status: VoteStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `该投票${voteStatusLabels[status]}，不能${actionLabel[action] ?? action}`,
      en: `This vote is ${status}; it cannot ${action} now`,
    },
    { currentStatus: status },
  );
const actionLabel: Record<string, string> = {
  configure: '再修改规则或候选名单',
  open: '开始投票',
  close: '结束投票',
  save: '保存选票',
  cast: '投票',
};

export const ballotWrongStatus = (status: BallotStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `本单位的选票${ballotStatusLabels[status]}，不能再${action === 'cast' ? '投出' : '修改'}`,
      en: `Your ballot is ${status}; it cannot be ${action === 'cast' ? 'cast' : 'changed'} again`,
    },
    { currentStatus: status },
  );

export const voteExists = (cycleNumber: number) =>
  DomainError.conflict({ zh: `第 ${cycleNumber} 届已有投票`, en: `Cycle ${cycleNumber} has a vote already` });

export const noVoteStage = () =>
  DomainError.conflict({
    zh: '本届适用的政策未规定成员单位投票环节',
    en: 'The cycle’s policy names no vote of the member units',
  });

export const notReadyToOpen = (missing: string[]) =>
  DomainError.conflict(
    {
      zh: `开始投票前须先记录：${missing.map((m) => (m === 'rules' ? '法定人数与多数规则' : m === 'slate' ? '候选名单' : '成员单位')).join('、')}`,
      en: `Record ${missing.join(', ')} before the vote opens`,
    },
    { missing },
  );

export const invalidField = (field: string, zh: string, en: string) =>
  DomainError.validation([{ field, reason: { zh, en } }]);
