import { shanghaiDateOf } from '@laurel/calendar';
import type { NoticeView, PublicNoticeView } from '@laurel/contracts';
import { cite, type TenantRules } from '../rules/rules.service';
import type { NoticeRow, NoticeWithEntries } from './notice.repository';

export type NoticeStatus = NoticeView['status'];
type Unit = 'working_days' | 'calendar_days';

/** Scheduled before its publication date, open until 24:00 of its last day, closed from then (the clock decides). */
export function noticeStatus(
  row: Pick<NoticeRow, 'publishedOn' | 'closesAt' | 'closedAt' | 'withdrawnAt'>,
  now: Date,
): NoticeStatus {
  if (row.withdrawnAt) return 'withdrawn';
  if (row.closedAt || now.getTime() >= row.closesAt.getTime()) return 'closed';
  if (row.publishedOn > shanghaiDateOf(now)) return 'scheduled';
  return 'open';
}

const deadlineOf = (row: NoticeRow) => ({
  start: row.publishedOn,
  count: row.periodCount,
  unit: row.periodUnit as Unit,
  lastDay: row.lastDay,
  closesAt: row.closesAt.toISOString(),
  provisional: row.provisional,
  basis: row.deadlineBasis,
  rule: row.rule,
  calendar: row.calendar,
});

/** An entry's subject as events name it, for the service that owns the applicant. */
export const entrySubjectOf = (entry: { subjectKind: string; subjectId: string; subjectName: string }) => ({
  kind: entry.subjectKind as 'organisation' | 'individual',
  id: entry.subjectId,
  name: entry.subjectName,
});

/**
 * The caller's reference of a notice, also once withdrawn (its column is then freed for a new notice): events about
 * its objections must still reach the service that opened it.
 */
export const referenceOf = (row: Pick<NoticeRow, 'reference' | 'withdrawnReference'>): string | null =>
  row.reference ?? row.withdrawnReference;

export function toNoticeSummary(row: NoticeRow, now: Date): Omit<NoticeView, 'entries'> {
  return {
    id: row.id,
    reference: referenceOf(row),
    cycleNumber: row.cycleNumber,
    policyVersion: row.policyVersion,
    stage: row.stage,
    title: row.title,
    publishedOn: row.publishedOn,
    status: noticeStatus(row, now),
    deadline: deadlineOf(row),
    closedAt: row.closedAt?.toISOString() ?? null,
    withdrawal: row.withdrawnAt ? { ...withdrawalOf(row, row.withdrawnAt), by: row.withdrawnBy } : null,
    openedBy: row.openedBy,
  };
}

export function toNoticeView(row: NoticeWithEntries, now: Date): NoticeView {
  return {
    ...toNoticeSummary(row, now),
    entries: row.entries.map((entry) => ({
      id: entry.id,
      subjectKind: entry.subjectKind as 'organisation' | 'individual',
      subjectId: entry.subjectId,
      subjectName: entry.subjectName,
      proposal: entry.proposal,
      applicationId: entry.applicationId,
      recommender: entry.recommenderName ? { id: entry.recommenderId, name: entry.recommenderName } : null,
      outcome: entry.outcome as 'passed' | 'objections_pending' | null,
      objections: entry._count.objections,
    })),
  };
}

export function toPublicSummary(
  row: NoticeRow,
  now: Date,
): Omit<PublicNoticeView, 'entries' | 'howToObject' | 'channel'> {
  return {
    id: row.id,
    stage: row.stage,
    title: row.title,
    publishedOn: row.publishedOn,
    status: noticeStatus(row, now),
    period: { count: row.periodCount, unit: row.periodUnit as Unit, basis: row.periodBasis },
    deadline: { lastDay: row.lastDay, closesAt: row.closesAt.toISOString(), provisional: row.provisional },
    withdrawal: row.withdrawnAt ? withdrawalOf(row, row.withdrawnAt) : null,
  };
}

const withdrawalOf = (row: Pick<NoticeRow, 'withdrawalReason'>, at: Date) => ({
  at: at.toISOString(),
  reason: row.withdrawalReason ?? '',
});

/** Only what the public may see: who, what is proposed, until when, and how to object. */
export function toPublicNoticeView(row: NoticeWithEntries, rules: TenantRules | null, now: Date): PublicNoticeView {
  const summary = toPublicSummary(row, now);
  const objections = rules?.objections;
  const rule = rules?.notices.find((n) => n.stage === row.stage && n.scope === 'public');
  return {
    ...summary,
    channel: rules && rule?.channel ? { ...rule.channel, basis: cite(rules, rule.basis) ?? rule.basis } : null,
    entries: row.entries.map((entry) => ({ id: entry.id, subjectName: entry.subjectName, proposal: entry.proposal })),
    howToObject: {
      open: summary.status === 'open',
      receiver: objections?.receiver ?? null,
      inWriting: objections?.inWriting ?? null,
      evidenceRequired: objections?.evidenceRequired ?? null,
      identity:
        rules && objections?.identity
          ? {
              person: [...objections.identity.person, 'id_number'],
              organisation: ['name', 'credit_code', ...objections.identity.organisation],
              basis: cite(rules, objections.identity.basis) ?? '',
            }
          : null,
      examination:
        rules && objections?.examination
          ? {
              count: objections.examination.period.count,
              unit: objections.examination.period.unit,
              basis: cite(rules, objections.examination.basis) ?? '',
            }
          : null,
      basis: rules ? cite(rules, objections?.basis) : null,
    },
  };
}
