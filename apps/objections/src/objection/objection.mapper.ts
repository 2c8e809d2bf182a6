import type { ObjectionView } from '@laurel/contracts';
import { maskIdNumber, maskPhone } from '@laurel/platform';
import { toStoredFileView } from '../files/stored-file.mapper';
import { entrySubjectOf, referenceOf } from '../notice/notice.mapper';
import type { ObjectionWithDetails } from './objection.repository';

type Status = ObjectionView['status'];
type Outcome = 'upheld' | 'dismissed';

/** Enough to recognise, not to use. */
const masked = (value: string | null, mask: (v: string) => string) => (value ? mask(value) : null);

const iso = (date: Date | null) => date?.toISOString() ?? null;

const examinationOf = (row: ObjectionWithDetails) =>
  row.examLastDay && row.examDueAt && row.remindAt
    ? {
        lastDay: row.examLastDay,
        dueAt: row.examDueAt.toISOString(),
        provisional: row.examProvisional,
        basis: row.examBasis ?? '',
        remindAt: row.remindAt.toISOString(),
        remindedAt: iso(row.remindedAt),
        overdueAt: iso(row.overdueAt),
      }
    : null;

/** The office's view: phone and ID number masked. */
export function toObjectionView(row: ObjectionWithDetails): ObjectionView {
  return {
    id: row.id,
    receiptNumber: row.receiptNumber,
    noticeId: row.noticeId,
    noticeTitle: row.notice.title,
    entry: {
      id: row.entry.id,
      subjectKind: row.entry.subjectKind,
      subjectId: row.entry.subjectId,
      subjectName: row.entry.subjectName,
    },
    objector: {
      kind: row.objectorKind as 'person' | 'organisation' | null,
      name: row.objectorName,
      phone: masked(row.objectorPhone, maskPhone),
      address: row.objectorAddress,
      idNumber: masked(row.objectorIdNumber, maskIdNumber),
      creditCode: row.objectorCreditCode,
    },
    grounds: row.grounds,
    files: row.files.map(toStoredFileView),
    status: row.status as Status,
    receivedAt: row.receivedAt.toISOString(),
    examination: examinationOf(row),
    admittedAt: iso(row.admittedAt),
    refusal: row.refusedAt ? { reasons: row.refusalReasons ?? '', refusedAt: row.refusedAt.toISOString() } : null,
    investigators: row.investigators.map((i) => ({
      id: i.id,
      name: i.name,
      userId: i.userId,
      assignedAt: i.assignedAt.toISOString(),
    })),
    findings: row.findings.map((f) => ({
      id: f.id,
      text: f.text,
      recordedAt: f.recordedAt.toISOString(),
      recordedBy: f.recordedBy,
    })),
    outcome:
      row.outcome && row.decidedAt
        ? {
            outcome: row.outcome as Outcome,
            prohibitedGround: row.prohibitedGround,
            disqualify: row.outcomeEffect === 'disqualify',
            effect: (row.outcomeEffect ?? 'decided_by_people') as OutcomeEffect,
            reasons: row.outcomeReasons ?? '',
            decidedAt: row.decidedAt.toISOString(),
            basis: row.outcomeBasis,
            confirmation: { ...confirmationOf(row), comment: row.objectorComment },
          }
        : null,
  };
}

/** Whether the objector is asked to confirm the result, and the answer. */
const confirmationOf = (row: ObjectionWithDetails) => ({
  requested: row.confirmationRequested,
  response: row.objectorResponse as 'confirmed' | 'disputed' | null,
  at: row.objectorRespondedAt?.toISOString() ?? null,
});

const shanghai = (date: Date) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);

type OutcomeEffect = 'continue' | 'disqualify' | 'decided_by_people';

/** The conclusion the letter states, from the effect the policy's evaluator gave the decision. */
const LETTER_DECISIONS: Record<'upheld' | 'unfounded', Record<OutcomeEffect, string>> = {
  upheld: {
    disqualify: '经调查，异议成立；所涉情形属于禁止性条件，被异议对象将被取消资格。',
    continue: '经调查，异议成立；被异议对象继续参加评选。',
    decided_by_people: '经调查，异议成立；其对评选的影响由办公室依职责决定。',
  },
  unfounded: {
    disqualify: '经调查，异议不成立。',
    continue: '经调查，异议不成立，被异议对象继续参加评选。',
    decided_by_people: '经调查，异议不成立。',
  },
};

/** The written result (结果告知) to the objector. */
export function resultLetter(row: ObjectionWithDetails): string | null {
  if (!row.outcome || !row.decidedAt) return null;
  const decision =
    LETTER_DECISIONS[row.outcome === 'upheld' ? 'upheld' : 'unfounded'][
      (row.outcomeEffect ?? 'decided_by_people') as OutcomeEffect
    ];
  return [
    `异议处理结果告知（回执编号 ${row.receiptNumber}）`,
    `公示：${row.notice.title}`,
    `被异议对象：${row.entry.subjectName}`,
    `结论：${decision}`,
    `理由：${row.outcomeReasons ?? ''}`,
    `依据：${row.outcomeBasis ?? '—'}`,
    `日期：${shanghai(row.decidedAt)}`,
    ...(row.confirmationRequested ? ['请异议人凭回执编号对本处理结果进行确认。'] : []),
  ].join('\n');
}

/** What the objector sees with the receipt number: no personal data. */
export function toTrackView(row: ObjectionWithDetails) {
  const letter = resultLetter(row);
  return {
    receiptNumber: row.receiptNumber,
    status: row.status as Status,
    receivedAt: row.receivedAt.toISOString(),
    noticeTitle: row.notice.title,
    subjectName: row.entry.subjectName,
    examination:
      row.examLastDay && row.examDueAt
        ? { lastDay: row.examLastDay, dueAt: row.examDueAt.toISOString(), provisional: row.examProvisional }
        : null,
    receiptIssued: row.admittedAt !== null,
    refusalReasons: row.status === 'refused' ? row.refusalReasons : null,
    result:
      letter && row.decidedAt
        ? {
            outcome: row.outcome as Outcome,
            decidedAt: row.decidedAt.toISOString(),
            letter,
            confirmation: confirmationOf(row),
          }
        : null,
  };
}

/** The written receipt (书面凭证) of an admitted objection: a plain-text document, UTF-8. */
export function receiptDocument(row: ObjectionWithDetails, basis: string | null) {
  const content = [
    '异议受理书面凭证',
    '',
    `回执编号：${row.receiptNumber}`,
    `公示：${row.notice.title}`,
    `被异议对象：${row.entry.subjectName}`,
    `异议人：${row.objectorName ?? '—'}`,
    `收到时间：${shanghai(row.receivedAt)}`,
    `受理时间：${row.admittedAt ? shanghai(row.admittedAt) : '—'}`,
    `依据：${basis ?? '—'}`,
    '',
    '您的异议已受理，将依规定组织调查核实，处理结果将书面告知。凭回执编号可查询办理进度。',
    '',
  ].join('\n');
  return { filename: `receipt-${row.receiptNumber}.txt`, contentType: 'text/plain; charset=utf-8', content };
}

/** What every event about an objection's outcome says of it: the objection, its notice entry and who owns it. */
export const objectionEventFields = (row: ObjectionWithDetails) => ({
  objectionId: row.id,
  receiptNumber: row.receiptNumber,
  noticeId: row.noticeId,
  reference: referenceOf(row.notice),
  cycleNumber: row.notice.cycleNumber,
  stage: row.notice.stage,
  entryId: row.entryId,
  subject: entrySubjectOf(row.entry),
  applicationId: row.entry.applicationId,
  recommender: row.entry.recommenderName ? { id: row.entry.recommenderId, name: row.entry.recommenderName } : null,
});
