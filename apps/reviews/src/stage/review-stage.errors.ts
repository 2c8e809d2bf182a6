import { DomainError, type ReviewStageStatus, reviewStageStatusLabels } from '@laurel/contracts';

/** Messages of the review stage steps, in zh-CN and English. */
export const reviewStageNotFound = () => DomainError.notFound({ zh: '未找到该评审环节', en: 'No such review stage' });

export const notAReviewStage = (stageKey: string) =>
  DomainError.validation([
    {
      field: 'path.stageKey',
      reason: {
        zh: `「${stageKey}」不是本届政策版本中的评审环节（材料评审、陈述答辩、现场评审）`,
        en: `${stageKey} is not a review stage (material review, defense, on-site review) of the cycle's policy version`,
      },
    },
  ]);

export const reviewStageWrongStatus = (status: ReviewStageStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `该评审环节${reviewStageStatusLabels[status]}，不能${action === 'open' ? '开启' : action === 'close' ? '结束' : '变更'}`,
      en: `This review stage is ${status}; it cannot be ${action === 'open' ? 'opened' : action === 'close' ? 'closed' : 'changed'} now`,
    },
    { currentStatus: status },
  );

export const previousStageOpen = (name: string) =>
  DomainError.conflict({
    zh: `上一评审环节「${name}」尚未结束，无法确定哪些申报通过`,
    en: `The previous review stage (${name}) is not closed: who went on is not known yet`,
  });

export const entrantRefused = (index: number, zh: string, en: string) =>
  DomainError.validation([{ field: `body.entrants[${index}].applicationId`, reason: { zh, en } }]);

export const noEntrants = () =>
  DomainError.validation([
    {
      field: 'body.entrants',
      reason: {
        zh: '没有申报进入该环节：办法未规定时，须由办公室列明进入的申报及理由',
        en: 'no application enters the stage: where the text is silent, list the entrants with a reason',
      },
    },
  ]);

export const wentOnNotEntrant = (index: number) =>
  DomainError.validation([
    {
      field: `body.wentOn[${index}]`,
      reason: { zh: '不是该评审环节的参评申报', en: 'is not an entrant of this stage' },
    },
  ]);

export const cutNotRecorded = (basis: string) =>
  DomainError.conflict({
    zh: `该环节之后按得分确定进入下一环节的申报（${basis}）：须先记录分数线，再以其名单结束本环节`,
    en: `The score decides who goes on after this stage (${basis}): record the cut first; the stage closes with its list`,
  });

export const wentOnDiffersFromCut = (basis: string) =>
  DomainError.validation([
    {
      field: 'body.wentOn',
      reason: {
        zh: `与已记录的分数线名单不一致（${basis}）：进入下一环节的名单只记录一次，省略本字段即按分数线结束`,
        en: `differs from the recorded cut's list (${basis}): who goes on is recorded once; omit it to close from the cut`,
      },
    },
  ]);

export const closeNeedsReason = () =>
  DomainError.validation([
    { field: 'body.reason', reason: { zh: '须说明理由', en: 'is required when the stage has no recorded cut' } },
  ]);

export const closeNeedsWentOn = () =>
  DomainError.validation([
    {
      field: 'body.wentOn',
      reason: {
        zh: '须列明进入下一环节的申报（可为空列表）',
        en: 'is required (it may be empty) when the stage has no cut',
      },
    },
  ]);
