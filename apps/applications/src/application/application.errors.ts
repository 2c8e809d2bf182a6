import { type ApplicationStatus, applicationStatusLabels, DomainError, type LocalisedText } from '@laurel/contracts';
import type { ApplicationAction } from './application.lifecycle';

/** What each action is called in a message: "不能{zh}" / "it cannot {en}". */
const ACTION_TEXT: Readonly<Record<ApplicationAction, LocalisedText>> = {
  create: { zh: '创建', en: 'be created' },
  'update-facts': { zh: '修改申报信息', en: 'be changed' },
  decide: { zh: '记录认定', en: 'take a decision' },
  'start-publicity': { zh: '开始内部公示', en: 'start internal publicity' },
  submit: { zh: '提交', en: 'be submitted' },
  return: { zh: '退回', en: 'be returned' },
  refuse: { zh: '不予推荐', en: 'be refused' },
  recommend: { zh: '推荐', en: 'be recommended' },
  'recommend-for-notice': { zh: '推荐并公示', en: 'be recommended and put on notice' },
  'recommendation-notice-passed': { zh: '结束推荐公示', en: 'pass its recommendation notice' },
  'not-accept': { zh: '不予受理', en: 'be not accepted' },
  'formal-review': { zh: '形式审查', en: 'be formally reviewed' },
  'formal-review-accept': { zh: '形式审查', en: 'be formally reviewed' },
  'acceptance-list': { zh: '列入受理名单', en: 'be put on the acceptance list' },
  'acceptance-notice-passed': { zh: '结束受理公示', en: 'pass its acceptance notice' },
  held: { zh: '暂缓', en: 'be held' },
  'notice-withdrawn': { zh: '撤回公示', en: 'have its notice withdrawn' },
  disqualify: { zh: '取消资格', en: 'be disqualified' },
};

export const applicationNotFound = () => DomainError.notFound({ zh: '未找到该申报', en: 'No such application' });

export const notAllowed = () =>
  DomainError.forbidden({ zh: '无权对该申报执行此操作', en: 'You may not do this to this application' });

/** 409: the table does not allow `action` in the application's state (named in Chinese in the zh text). */
export function wrongStatus(status: string, action: ApplicationAction): DomainError {
  const label = applicationStatusLabels[status as ApplicationStatus] ?? { zh: status, en: status };
  const text = ACTION_TEXT[action];
  return DomainError.conflict(
    { zh: `申报当前状态为“${label.zh}”，不能${text.zh}`, en: `The application is ${label.en}: it cannot ${text.en}` },
    { currentStatus: status },
  );
}

export const ruleViolation = (detail: LocalisedText, basis?: string, extensions?: Record<string, unknown>) =>
  new DomainError({ code: 'rule_violation', detail, basis, extensions });

export const duplicateApplication = (firstId: string | null, cycleNumber: number) =>
  new DomainError({
    code: 'conflict',
    detail: {
      zh: `该申报者已有第${cycleNumber}届的申报${firstId ? `（${firstId}）` : ''}，每届只能申报一次`,
      en: `The applicant already has an application in cycle ${cycleNumber}${firstId ? ` (${firstId})` : ''}: one per cycle`,
    },
    extensions: { existingApplicationId: firstId },
  });

export const cycleClosed = (cycleNumber: number) =>
  DomainError.conflict({ zh: `第${cycleNumber}届评选已结束`, en: `Cycle ${cycleNumber} is closed` });

export function outsideWindow(cycle: { number: number; opensOn: string; closesOn: string }, today: string) {
  const early = today < cycle.opensOn;
  return DomainError.conflict(
    early
      ? {
          zh: `第${cycle.number}届申报自${cycle.opensOn}开始`,
          en: `Applications to cycle ${cycle.number} open on ${cycle.opensOn}`,
        }
      : {
          zh: `第${cycle.number}届申报已于${cycle.closesOn}截止`,
          en: `Applications to cycle ${cycle.number} closed on ${cycle.closesOn}`,
        },
    { opensOn: cycle.opensOn, closesOn: cycle.closesOn, today },
  );
}

export const noInternalPublicity = () =>
  ruleViolation({ zh: '本办法未规定申报单位内部公示', en: 'This regulation has no internal publicity' });

export const publicityFirst = (basis: string) =>
  ruleViolation(
    {
      zh: '须先在申报单位内部公示',
      en: 'The application must first be shown inside the applicant (internal publicity)',
    },
    basis,
  );

export const publicityRunning = (publicity: { lastDay: string; endsAt: string; basis: string }) =>
  ruleViolation(
    {
      zh: `内部公示期至${publicity.lastDay}止，期满后方可提交`,
      en: `Internal publicity runs until ${publicity.lastDay}: the application can be submitted after it ends`,
    },
    publicity.basis,
    { lastDay: publicity.lastDay, endsAt: publicity.endsAt },
  );

export const dateOutOfRange = (field: string) =>
  DomainError.validation([{ field, reason: { zh: '日期超出可计算范围', en: 'is outside the calendar’s range' } }]);

export const notARecommender = () =>
  DomainError.validation([
    {
      field: 'body.recommenderId',
      reason: { zh: '不是本辖区的推荐单位', en: 'is not a recommender of this jurisdiction' },
    },
  ]);

/** 400: the plan has a recommendation step (its article), so the application goes to a recommender it names. */
export const recommenderRequired = (basis: string) =>
  DomainError.validation([
    {
      field: 'body.recommenderId',
      reason: {
        zh: `必填：申报经推荐单位推荐（${basis}）`,
        en: `is required: applications go through a recommender (${basis})`,
      },
    },
  ]);

/** 400: the plan has no recommendation step, so the application goes to the office and names no recommender. */
export const noRecommender = (policyKey: string) =>
  DomainError.validation([
    {
      field: 'body.recommenderId',
      reason: {
        zh: `不适用：${policyKey} 未规定推荐环节，申报直接报送质量奖办公室形式审查`,
        en: `does not apply: ${policyKey} has no recommendation step, the application goes straight to the office's formal review`,
      },
    },
  ]);

export const stateSecretStatementMissing = (basis: string) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: '提交前须声明申报材料不涉及国家秘密',
      en: 'Before submission, the applicant must state that its materials contain no state secret',
    },
    basis,
    fields: [{ field: 'stateSecretStatement', reason: { zh: '尚未声明', en: 'has not been made' } }],
  });

const notToBeDecided = { zh: '不是待人工认定的条件', en: 'is not a condition to be decided' };

export const notLeftToPeople = (basis: string | undefined) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: '只有办法交由人工认定的条件才能记录认定',
      en: 'Only a condition the regulation leaves to people can be decided by a person',
    },
    basis,
    fields: [{ field: 'body.ruleId', reason: notToBeDecided }],
  });

export const noReapplicationCheckOpen = () =>
  new DomainError({
    code: 'rule_violation',
    detail: { zh: '没有待人工认定的再次申报检查', en: 'No re-application check awaits a person’s decision' },
    fields: [{ field: 'body.ruleId', reason: notToBeDecided }],
  });

/** 403 with the article: the policy names another body to decide this rule (xinzhou-city 第十条: the leading group). */
export const deciderRequired = (role: string, basis: string) =>
  new DomainError({
    code: 'forbidden',
    detail: {
      zh: `该条件须由${role === 'leading_group' ? '领导小组' : role === 'office' ? '办公室' : role}认定`,
      en: `This condition is decided by the ${role.replace('_', ' ')}`,
    },
    basis,
  });

export const noticeWithdrawnMeanwhile = (notice: { noticeId: string; reason: string; withdrawnAt: Date }) =>
  DomainError.conflict(
    { zh: `该公示已撤回：${notice.reason}`, en: `The notice was withdrawn meanwhile: ${notice.reason}` },
    { noticeId: notice.noticeId, withdrawnAt: notice.withdrawnAt.toISOString() },
  );

export const noAcceptanceNotice = () =>
  ruleViolation({ zh: '本办法无受理名单公示', en: 'This regulation has no acceptance list notice' });

export const acceptancePeriodRequired = () =>
  DomainError.validation([
    {
      field: 'body.period',
      reason: {
        zh: '规定未给出受理名单的公示期，须由办公室设定',
        en: 'the regulation gives no period for the acceptance list: the office must set it',
      },
    },
  ]);

export const notOnAcceptanceList = (
  cycleNumber: number,
  missing: { index: number }[],
  wrong: { index: number; status: string }[],
) =>
  DomainError.validation([
    ...missing.map(({ index }) => ({
      field: `body.applicationIds[${index}]`,
      reason: { zh: `不是第${cycleNumber}届的申报`, en: `is not an application of cycle ${cycleNumber}` },
    })),
    ...wrong.map(({ index, status }) => {
      const label = applicationStatusLabels[status as ApplicationStatus] ?? { zh: status, en: status };
      return {
        field: `body.applicationIds[${index}]`,
        reason: { zh: `状态为“${label.zh}”，未通过形式审查`, en: `is ${label.en}, not past formal review` },
      };
    }),
  ]);

interface Finding {
  ruleId: string;
  outcome: string;
  basis: string;
  reason: LocalisedText;
}

/** Failing or missing conditions stop the application with their articles. */
export const notEligible = (shown: readonly Finding[]) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `不符合申报条件：${shown.map((f) => f.reason.zh).join('；')}`,
      en: `Not eligible: ${shown.map((f) => f.reason.en).join('; ')}`,
    },
    basis: shown.map((f) => f.basis).join('; '),
    extensions: { findings: shown },
  });

export const conditionsOpen = (policyKey: string, open: readonly Finding[]) =>
  new DomainError({
    code: 'rule_violation',
    detail: {
      zh: `尚有条件未通过或未认定：${open.map((f) => f.ruleId).join('、')}`,
      en: `Conditions not passed or not decided: ${open.map((f) => f.ruleId).join(', ')}`,
    },
    basis: open.map((f) => `${policyKey} ${f.basis}`).join('; '),
    extensions: { findings: open },
  });

export const notAdmitted = (policyKey: string, finding: Finding) =>
  new DomainError({
    code: 'rule_violation',
    detail: finding.reason,
    basis: `${policyKey} ${finding.basis}`,
    fields: [{ field: 'body.applicantId', reason: finding.reason }],
  });

export const banned = (findings: readonly { reason: LocalisedText; basis?: string | null }[], allowedFrom: unknown) =>
  new DomainError({
    code: 'rule_violation',
    detail: { zh: findings.map((f) => f.reason.zh).join('；'), en: findings.map((f) => f.reason.en).join('; ') },
    basis: findings
      .map((f) => f.basis)
      .filter(Boolean)
      .join('; '),
    extensions: { allowedFrom },
  });
