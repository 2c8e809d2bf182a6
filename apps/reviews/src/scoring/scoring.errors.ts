import { DomainError, type ScoreSheetStatus, scoreSheetStatusLabels } from '@laurel/contracts';

/** Messages of scoring, in zh-CN and English. */
export const stageNotFound = (stageKey: string) =>
  DomainError.notFound({
    zh: `本周期的政策中没有环节“${stageKey}”`,
    en: `The cycle's policy has no stage "${stageKey}"`,
  });

export const stageNotScored = (stageKey: string, basis: string) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `依政策，环节“${stageKey}”不由专家填写评分表（不评分，或为综合评分）`,
      en: `Experts do not fill score sheets in stage "${stageKey}" (the policy does not score it, or it is the composite)`,
    },
    basis,
  });

export const noRubric = (stageKey: string, applicantKind: string) =>
  DomainError.conflict(
    {
      zh: `环节“${stageKey}”尚无适用于${applicantKind === 'individual' ? '申报个人' : '申报组织'}的评分标准：须由办公室记录所采用的评分标准`,
      en: `Stage "${stageKey}" has no rubric for ${applicantKind} applicants: the office records which rubric applies`,
    },
    { stageKey, applicantKind },
  );

export const unknownRubric = (key: string, version: number) =>
  DomainError.validation([
    { field: 'body.rubricKey', reason: { zh: `没有评分标准 ${key} v${version}`, en: `no rubric ${key} v${version}` } },
  ]);

export const sheetNotFound = () => DomainError.notFound({ zh: '未找到该评分表', en: 'No such score sheet' });

export const sheetWrongStatus = (status: ScoreSheetStatus, action: string) =>
  DomainError.conflict(
    {
      zh: `该评分表${scoreSheetStatusLabels[status]}，${action === 'revise' ? '草稿不能修订，请直接保存' : '提交后只能通过修订更改（说明理由）'}`,
      en:
        action === 'revise'
          ? 'This score sheet is a draft: save it instead of revising it'
          : `This score sheet is ${status}: after submission it changes only by a revision with a reason`,
    },
    { currentStatus: status },
  );

export const sheetIncomplete = (missing: readonly string[]) =>
  DomainError.validation(
    [
      {
        field: 'items',
        reason: { zh: `尚有条目未评分：${missing.join('、')}`, en: `items not scored yet: ${missing.join(', ')}` },
      },
    ],
    { zh: '所有条目评分后方可提交', en: 'Every item must be scored before the sheet is submitted' },
  );

export const notThroughCut = (stageKey: string, from: string, basis: string) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `该申报未进入环节“${stageKey}”：“${from}”环节的分数决定进入名单，尚未记录或未入选`,
      en: `This application does not go on to "${stageKey}": the "${from}" score decides, and the cut has not kept it (or is not recorded yet)`,
    },
    basis,
  });

export const notFlagged = () =>
  DomainError.validation([
    {
      field: 'body.sheetId',
      reason: {
        zh: '该评分表未被标记为离群，无须合议',
        en: 'is not flagged as an outlier; there is nothing to settle',
      },
    },
  ]);

export const consensusAlreadyRecorded = () =>
  DomainError.conflict({ zh: '该评分表的合议结果已记录', en: 'The consensus on this sheet is already recorded' });

export const adjustNeedsTotal = (max: number) =>
  DomainError.validation([
    {
      field: 'body.adjustedTotal',
      reason: { zh: `调整须给出 0 至 ${max} 之间的总分`, en: `is required to adjust: a total between 0 and ${max}` },
    },
  ]);

export const cutNotInPolicy = (stageKey: string) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `政策未规定以“${stageKey}”环节的分数决定进入下一环节`,
      en: `The policy does not say that the "${stageKey}" score decides who goes on`,
    },
  });

export const cutNeedsOneRule = () =>
  DomainError.validation([
    {
      field: 'body.count',
      reason: {
        zh: '须给出进入人数或最低分数之一',
        en: 'give either the number who go on or the least score (one of them)',
      },
    },
  ]);

export const openFlags = (count: number) =>
  DomainError.conflict(
    {
      zh: `尚有 ${count} 个离群评分未经合议，不能据此确定名单`,
      en: `${count} flagged score(s) await consensus; no cut is taken before they are settled`,
    },
    { openFlags: count },
  );

export const cutSplitsTie = (rank: number, applicationIds: readonly string[]) =>
  DomainError.conflict(
    {
      zh: `该人数会拆开第 ${rank} 名的并列（${applicationIds.length} 个申报同分）：请调整人数或改用最低分数`,
      en: `This count splits the tie at rank ${rank} (${applicationIds.length} applications with equal scores): choose another count or a least score`,
    },
    { rank, applicationIds },
  );

export const cutAlreadyRecorded = () =>
  DomainError.conflict({ zh: '该环节的进入名单已记录', en: 'The cut after this stage is already recorded' });

export const noComposite = () =>
  new DomainError({
    code: 'rule_violation',
    detail: { zh: '本辖区政策未规定综合评分', en: "This jurisdiction's policy combines no stages" },
  });

export const weightsNotOfComposite = (stages: readonly string[]) =>
  DomainError.validation([
    {
      field: 'body.weights',
      reason: {
        zh: `须且仅须为以下环节给出权重：${stages.join('、')}`,
        en: `must give a weight to exactly these stages: ${stages.join(', ')}`,
      },
    },
  ]);

export const stageNotOpen = (stageKey: string, status: string) =>
  DomainError.conflict(
    {
      zh:
        status === 'closed'
          ? `环节“${stageKey}”已结束，评分不能再更改`
          : `环节“${stageKey}”尚未开始：办公室开启环节并分配评审组后方可评分`,
      en:
        status === 'closed'
          ? `Stage "${stageKey}" is closed: its scores no longer change`
          : `Stage "${stageKey}" is not open yet: the office opens it and assigns the panel first`,
    },
    { stageKey, stageStatus: status },
  );

export const kindSkipsNoStage = (kind: string, basis: string) =>
  DomainError.conflict({
    zh: `政策未规定${kind === 'individual' ? '个人' : '组织'}跳过综合评分的任一环节：按 ${basis} 综合`,
    en: `The policy has ${kind}s skip none of the composite's stages: they are combined as ${basis} says`,
  });

export const compositeIsScored = (basis: string) =>
  DomainError.conflict(
    {
      zh: `本辖区政策的综合评分由各环节分数合成（${basis}），不逐项记录综合意见`,
      en: `This policy's composite combines the stages' scores (${basis}): there is no per-application assessment`,
    },
    { basis },
  );

export const notBeforeComposite = (stageKey: string, basis: string) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `该申报未通过环节“${stageKey}”（或该环节尚未结束），不进入综合评审`,
      en: `This application did not go on from stage "${stageKey}" (or the stage is not closed): it is not in the composite`,
    },
    basis,
    fields: [
      {
        field: 'path.applicationId',
        reason: { zh: `未通过“${stageKey}”环节进入综合评审`, en: `did not go on from "${stageKey}" to the composite` },
      },
    ],
  });
