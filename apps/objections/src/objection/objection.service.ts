import { randomInt, randomUUID } from 'node:crypto';
import {
  computeDeadline,
  type Deadline,
  type DeadlineUnit,
  shanghaiDateOf,
  shanghaiStartOfDay,
  type WorkingDayCalendar,
} from '@laurel/calendar';
import {
  DomainError,
  type FieldError,
  type MovedDeadline,
  type ObjectorInput,
  type objectionConfirm,
  type objectionFile,
  objectionRefused,
  type PageRequest,
  type RequestOf,
} from '@laurel/contracts';
import {
  AuditTrail,
  CalendarProvider,
  Clock,
  Database,
  JobScheduler,
  Outbox,
  recomputeStoredDeadlines,
} from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FileIntakeService, type IncomingFile } from '../files/file-intake.service';
import { noticeStatus } from '../notice/notice.mapper';
import { NoticeRepository } from '../notice/notice.repository';
import { examinationOverdue, examinationReminder } from '../objections.jobs';
import type { PrismaClient } from '../objections-prisma';
import { requireDuty, requireReader } from '../rules/acting-role.util';
import { cite, notSet, RulesService, type TenantRules } from '../rules/rules.service';
import { hashSecretToken, newSecretToken, secretTokenMatches } from '../secret-token.util';
import { objectionEventFields, receiptDocument, toObjectionView, toTrackView } from './objection.mapper';
import { ObjectionRepository } from './objection.repository';

type FileBody = RequestOf<typeof objectionFile> & {
  evidence: NonNullable<RequestOf<typeof objectionFile>['evidence']>;
};

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const group = () => Array.from({ length: 4 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
/** 80 bits of randomness: the number is all the objector needs to follow the case, so it must be unguessable. */
const newReceiptNumber = () => `YY-${group()}-${group()}-${group()}-${group()}`;

const required = { zh: '必填（异议须署明真实身份）', en: 'is required (an objection must identify the objector)' };
const notFound = () => DomainError.notFound({ zh: '未找到该异议', en: 'No such objection' });
const closedNotice = (extensions: Record<string, string>) =>
  DomainError.conflict(
    { zh: '公示期已结束，不再受理异议', en: 'The notice period has ended; objections are no longer received' },
    extensions,
  );
const withdrawnNotice = (at: Date) =>
  DomainError.conflict(
    { zh: '该公示已撤回，不再受理异议', en: 'This notice was withdrawn; objections are no longer received' },
    { withdrawnAt: at.toISOString() },
  );

/** Person fields of the policy → fields of the request. */
const PERSON_FIELDS: Record<string, (keyof ObjectorInput)[]> = {
  name: ['name'],
  signature: ['signature'],
  phone: ['phone'],
  address: ['address'],
  identity_proof: ['idNumber', 'identityProof'],
};
const ORGANISATION_FIELDS: Record<string, (keyof ObjectorInput)[]> = {
  address: ['address'],
  phone: ['phone'],
  official_seal: ['officialSeal'],
};

/**
 * Objections (异议): filed by the public during the notice period with the identity the regulation requires,
 * examined by the office within its deadline (reminded a working day before, recorded as overdue after),
 * admitted with a written receipt or refused with reasons.
 */
@Injectable()
export class ObjectionService implements OnModuleInit {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly notices: NoticeRepository,
    private readonly rules: RulesService,
    private readonly files: FileIntakeService,
    private readonly jobs: JobScheduler,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly calendar: CalendarProvider,
    private readonly outbox: Outbox,
  ) {}

  onModuleInit(): void {
    this.jobs.process(examinationReminder, (data) => this.remind(data.objectionId));
    this.jobs.process(examinationOverdue, (data) => this.markOverdue(data.objectionId));
    this.jobs.addDeadlineSource(async () => {
      const open = await this.database.asSystem((tx) => this.objections.awaitingExamination(tx));
      return open.flatMap((o) => [
        ...(o.remindAt && !o.remindedAt
          ? [{ job: examinationReminder, data: { objectionId: o.id }, runAt: o.remindAt, tenantId: o.tenantId }]
          : []),
        ...(o.examDueAt && !o.overdueAt
          ? [{ job: examinationOverdue, data: { objectionId: o.id }, runAt: o.examDueAt, tenantId: o.tenantId }]
          : []),
      ]);
    });
    this.calendar.addRecomputer((calendar) => this.recompute(calendar));
  }

  async file(body: FileBody) {
    const receivedAt = this.clock.now();
    const { rules, entry } = await this.database.inTenant(async (tx) => {
      const notice = await this.notices.find(tx, body.noticeId);
      if (!notice || notice.publishedOn > shanghaiDateOf(receivedAt)) {
        throw DomainError.notFound({ zh: '未找到该公示', en: 'No such notice' });
      }
      const rules = await this.rules.ofNotice(tx, notice);
      if (notice.withdrawnAt) throw withdrawnNotice(notice.withdrawnAt);
      if (noticeStatus(notice, receivedAt) === 'closed') {
        throw closedNotice({ closedAt: notice.closesAt.toISOString(), lastDay: notice.lastDay });
      }
      const entry = notice.entries.find((e) => e.id === body.entryId);
      if (!entry) {
        throw DomainError.validation([
          { field: 'body.entryId', reason: { zh: '不是该公示中的条目', en: 'is not an entry of this notice' } },
        ]);
      }
      return { rules, entry };
    });
    if (!rules) throw notSet();
    this.checkIdentity(body.objector, rules);
    if (rules.objections.evidenceRequired && body.evidence.length === 0) {
      throw new DomainError({
        code: 'validation_failed',
        detail: { zh: '异议须附相关证据', en: 'An objection must come with evidence' },
        fields: [{ field: 'body.evidence', reason: { zh: '须至少附一份证据', en: 'needs at least one file' } }],
        basis: cite(rules, rules.objections.basis) ?? undefined,
      });
    }
    const accepted = this.files.check(this.incomingFiles(body));
    const examination = this.examinationOf(receivedAt, rules);
    const objector = body.objector;
    const token = newSecretToken();
    const row = await this.files.saveWhile(accepted, (keys) =>
      this.database.inTenant(async (tx) => {
        const { closedAt, withdrawnAt } = await this.notices.holdOpen(tx, body.noticeId);
        if (withdrawnAt) throw withdrawnNotice(withdrawnAt);
        if (closedAt) {
          throw closedNotice({ closedAt: closedAt.toISOString() });
        }
        const created = await this.objections.create(
          tx,
          {
            id: randomUUID(),
            noticeId: body.noticeId,
            entryId: entry.id,
            receiptNumber: newReceiptNumber(),
            objectorKind: objector?.kind ?? null,
            objectorName: objector?.name ?? null,
            objectorPhone: objector?.phone ?? null,
            objectorAddress: objector?.address ?? null,
            objectorIdNumber: objector?.kind === 'person' ? (objector.idNumber ?? null) : null,
            objectorCreditCode: objector?.kind === 'organisation' ? (objector.creditCode ?? null) : null,
            grounds: body.grounds,
            status: 'received',
            receivedAt,
            objectorTokenHash: hashSecretToken(token),
            ...(examination
              ? {
                  examStart: examination.deadline.start,
                  examCount: examination.deadline.count,
                  examUnit: examination.deadline.unit,
                  examLastDay: examination.deadline.lastDay,
                  examDueAt: examination.deadline.endsAtDate,
                  examProvisional: examination.deadline.provisional,
                  examRuleBasis: examination.ruleBasis,
                  examBasis: examination.deadline.basis,
                  remindAt: examination.remindAt,
                }
              : {}),
          },
          accepted,
          keys,
        );
        // No personal data in the audit trail: it is exported.
        await this.audit.record(tx, {
          action: 'objection.file',
          targetType: 'objection',
          targetId: created.id,
          basis: examination?.deadline.basis ?? null,
          after: {
            noticeId: body.noticeId,
            entryId: entry.id,
            objectorKind: objector?.kind ?? null,
            files: accepted.length,
          },
        });
        return created;
      }),
    );
    if (examination) await this.scheduleExamination(row.id, examination.remindAt, examination.deadline.endsAtDate);
    return {
      receiptNumber: row.receiptNumber,
      token,
      status: 'received' as const,
      receivedAt: receivedAt.toISOString(),
      examination: examination
        ? {
            lastDay: examination.deadline.lastDay,
            dueAt: examination.deadline.endsAtDate.toISOString(),
            provisional: examination.deadline.provisional,
            basis: examination.deadline.basis,
          }
        : null,
      files: accepted.map((f) => ({ kind: f.kind, filename: f.filename, size: f.size, sha256: f.sha256 })),
    };
  }

  /** Anonymous objections are not admissible where the regulation asks for identity (e.g. ili 第十八条). */
  private checkIdentity(objector: ObjectorInput | undefined, rules: TenantRules): void {
    const identity = rules.objections.identity;
    if (!identity) return;
    const fields: FieldError[] = [];
    if (!objector) {
      fields.push({ field: 'body.objector', reason: required });
    } else {
      const wanted =
        objector.kind === 'person'
          ? identity.person.flatMap((f) => PERSON_FIELDS[f] ?? [])
          : [
              'name' as const,
              'creditCode' as const,
              ...identity.organisation.flatMap((f) => ORGANISATION_FIELDS[f] ?? []),
            ];
      for (const field of new Set(wanted)) {
        if (objector[field] === undefined) fields.push({ field: `body.objector.${field}`, reason: required });
      }
    }
    if (fields.length === 0) return;
    throw new DomainError({
      code: 'validation_failed',
      detail: {
        zh: '异议须以书面形式署明真实身份，匿名或身份不全的异议不予受理',
        en: 'An objection must identify the objector in full; anonymous or incomplete ones are not admissible',
      },
      fields,
      basis: cite(rules, identity.basis) ?? undefined,
    });
  }

  private incomingFiles(body: FileBody): IncomingFile[] {
    const files: IncomingFile[] = body.evidence.map((upload, i) => ({
      kind: 'evidence',
      field: `body.evidence[${i}]`,
      upload,
    }));
    const o = body.objector;
    if (o?.identityProof)
      files.push({ kind: 'identity_proof', field: 'body.objector.identityProof', upload: o.identityProof });
    if (o?.signature) files.push({ kind: 'signature', field: 'body.objector.signature', upload: o.signature });
    if (o?.officialSeal)
      files.push({ kind: 'official_seal', field: 'body.objector.officialSeal', upload: o.officialSeal });
    return files;
  }

  /** The examination deadline from receipt, and the reminder at the start of the working day before its last day. */
  private examinationOf(receivedAt: Date, rules: TenantRules) {
    const exam = rules.objections.examination;
    if (!exam) return null;
    const ruleBasis = cite(rules, exam.basis) as string;
    const deadline = computeDeadline(
      {
        start: shanghaiDateOf(receivedAt),
        count: exam.period.count,
        unit: exam.period.unit,
        policy: { basis: ruleBasis },
      },
      this.calendar.calendar,
    );
    return { deadline, ruleBasis, remindAt: this.reminderOf(deadline, receivedAt, this.calendar.calendar) };
  }

  private reminderOf(deadline: Deadline, notBefore: Date, calendar: WorkingDayCalendar): Date {
    const at = shanghaiStartOfDay(calendar.previousWorkingDay(deadline.lastDay));
    return at > notBefore ? at : notBefore;
  }

  private async scheduleExamination(objectionId: string, remindAt: Date, dueAt: Date, tenantId?: string) {
    await this.jobs.scheduleCommitted(examinationReminder, { objectionId }, remindAt, tenantId);
    await this.jobs.scheduleCommitted(examinationOverdue, { objectionId }, dueAt, tenantId);
  }

  async get(id: string) {
    const row = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, id);
      if (row) requireReader(await this.rules.ofNotice(tx, row.notice));
      return row;
    });
    if (!row) throw notFound();
    return toObjectionView(row);
  }

  /** The jurisdiction's objections, for the bodies its newest rules give them to. */
  async list(request: { status?: string; overdue?: boolean } & PageRequest) {
    const { status, overdue, ...page } = request;
    const { rows, next } = await this.database.inTenant(async (tx) => {
      requireReader(await this.rules.current(tx));
      return this.objections.list(tx, { status, overdue }, page);
    });
    return { objections: rows.map(toObjectionView), next };
  }

  /** Admissible: accepted, and the written receipt (书面凭证) can be downloaded. */
  admit(id: string, note: string | undefined) {
    return this.examine(id, 'admit', { status: 'admitted', admittedAt: this.clock.now(), admissionNote: note ?? null });
  }

  refuse(id: string, reasons: string) {
    return this.examine(id, 'refuse', { status: 'refused', refusedAt: this.clock.now(), refusalReasons: reasons });
  }

  private async examine(id: string, action: 'admit' | 'refuse', data: Parameters<ObjectionRepository['update']>[2]) {
    const view = await this.database.inTenant(async (tx) => {
      const row = await this.objections.findLocked(tx, id);
      if (!row) throw notFound();
      if (row.status !== 'received') {
        throw DomainError.conflict(
          { zh: '该异议已审查完毕', en: 'This objection has already been examined' },
          { currentStatus: row.status },
        );
      }
      const rules = await this.rules.ofNotice(tx, row.notice);
      requireDuty(rules, 'receive');
      await this.objections.update(tx, id, data);
      if (action === 'refuse') {
        // The service that owns the entry's subject learns of it: an entry held by this objection may go on.
        await this.outbox.add(tx, objectionRefused, {
          ...objectionEventFields(row),
          reasons: typeof data.refusalReasons === 'string' ? data.refusalReasons : '',
          decidedAt: this.clock.now().toISOString(),
          basis: rules ? cite(rules, rules.objections.examination?.basis) : null,
        });
      }
      await this.audit.record(tx, {
        action: `objection.${action}`,
        targetType: 'objection',
        targetId: id,
        basis: rules ? cite(rules, rules.objections.examination?.basis) : null,
        before: { status: row.status },
        after: { status: data.status, late: row.overdueAt !== null },
      });
      return toObjectionView((await this.objections.find(tx, id)) as NonNullable<typeof row>);
    });
    await this.jobs.cancelCommitted(examinationReminder, { objectionId: id });
    await this.jobs.cancelCommitted(examinationOverdue, { objectionId: id });
    return view;
  }

  /**
   * The objector's answer to the written result (linxia 第二十三条: 书面告知异议人进行确认), by the receipt number and
   * the token given at filing: once, after the decision, where the regulation asks for it. The same answer again is
   * answered as recorded.
   */
  async confirm(request: RequestOf<typeof objectionConfirm>) {
    const row = await this.database.inTenant(async (tx) => {
      const found = await this.objections.findByReceipt(tx, request.receiptNumber);
      const row = found ? await this.objections.findLocked(tx, found.id) : null;
      // The receipt number is known to staff too: only the objector's token answers for the objector.
      if (!row || !secretTokenMatches(request.token, row.objectorTokenHash)) throw notFound();
      if (!row.decidedAt) {
        throw DomainError.conflict(
          { zh: '该异议尚未作出处理结果', en: 'This objection has not been decided yet' },
          { currentStatus: row.status },
        );
      }
      if (!row.confirmationRequested) {
        throw DomainError.conflict({
          zh: '本辖区规定不要求异议人确认处理结果',
          en: 'This jurisdiction does not ask the objector to confirm the result',
        });
      }
      if (row.objectorResponse) {
        if (row.objectorResponse === request.response && row.objectorComment === (request.comment ?? null)) return row;
        throw DomainError.conflict(
          { zh: '已对处理结果作出确认，不能更改', en: 'The result has already been answered; the answer stands' },
          { response: row.objectorResponse, at: row.objectorRespondedAt?.toISOString() ?? null },
        );
      }
      if (request.response === 'disputed' && !request.comment) {
        throw DomainError.validation([
          {
            field: 'body.comment',
            reason: { zh: '不认可处理结果时须说明理由', en: 'is required to dispute the result' },
          },
        ]);
      }
      await this.objections.update(tx, row.id, {
        objectorResponse: request.response,
        objectorComment: request.comment ?? null,
        objectorRespondedAt: this.clock.now(),
      });
      const rules = await this.rules.ofNotice(tx, row.notice);
      await this.audit.record(tx, {
        action: 'objection.objector-response',
        targetType: 'objection',
        targetId: row.id,
        basis: rules ? cite(rules, rules.objections.result?.basis) : null,
        after: { response: request.response },
      });
      return this.objections.findByReceipt(tx, request.receiptNumber);
    });
    if (!row) throw notFound();
    return toTrackView(row);
  }

  async track(receiptNumber: string) {
    const row = await this.database.inTenant((tx) => this.objections.findByReceipt(tx, receiptNumber));
    if (!row) throw notFound();
    return toTrackView(row);
  }

  async receipt(receiptNumber: string) {
    const { row, rules } = await this.database.inTenant(async (tx) => {
      const row = await this.objections.findByReceipt(tx, receiptNumber);
      return { row, rules: row ? await this.rules.ofNotice(tx, row.notice) : null };
    });
    if (!row) throw notFound();
    if (!row.admittedAt) {
      throw DomainError.conflict(
        { zh: '该异议尚未受理，暂无书面凭证', en: 'This objection has not been admitted; there is no receipt' },
        { currentStatus: row.status },
      );
    }
    return receiptDocument(row, rules ? cite(rules, rules.objections.examination?.basis) : null);
  }

  /** The job re-reads the row: examined, already reminded or moved later → nothing (or re-scheduled). */
  private async remind(objectionId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, objectionId);
      if (row?.status !== 'received' || row.remindedAt || !row.remindAt) return null;
      if (row.remindAt > this.clock.now()) return row.remindAt;
      await this.objections.update(tx, objectionId, { remindedAt: this.clock.now() });
      await this.audit.record(tx, {
        action: 'objection.examination-remind',
        targetType: 'objection',
        targetId: objectionId,
        basis: row.examRuleBasis,
        after: { lastDay: row.examLastDay, dueAt: row.examDueAt?.toISOString() ?? null },
      });
      return null;
    });
    if (later) await this.jobs.schedule(examinationReminder, { objectionId }, later);
  }

  /** Past the deadline and still not examined: an overdue case, kept on the row and in the audit trail. */
  private async markOverdue(objectionId: string): Promise<void> {
    const later = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, objectionId);
      if (row?.status !== 'received' || row.overdueAt || !row.examDueAt) return null;
      if (row.examDueAt > this.clock.now()) return row.examDueAt;
      await this.objections.update(tx, objectionId, { overdueAt: this.clock.now() });
      await this.audit.record(tx, {
        action: 'objection.examination-overdue',
        targetType: 'objection',
        targetId: objectionId,
        basis: row.examRuleBasis,
        after: { lastDay: row.examLastDay, dueAt: row.examDueAt.toISOString() },
      });
      return null;
    });
    if (later) await this.jobs.schedule(examinationOverdue, { objectionId }, later);
  }

  /** On a new calendar: examination deadlines computed on a provisional year are recomputed. */
  private async recompute(calendar: WorkingDayCalendar): Promise<MovedDeadline[]> {
    const open = await this.database.acrossTenants((tx) =>
      this.objections.awaitingExamination(tx, { provisionalOnly: true }),
    );
    const received = new Map<string, Date>();
    const stored = open.flatMap((row) => {
      if (!row.examStart || row.examCount === null || !row.examUnit || !row.examLastDay) return [];
      received.set(row.id, shanghaiStartOfDay(row.examStart));
      return [
        {
          id: row.id,
          tenantId: row.tenantId,
          start: row.examStart,
          count: row.examCount,
          unit: row.examUnit as DeadlineUnit,
          ruleBasis: row.examRuleBasis,
          lastDay: row.examLastDay,
        },
      ];
    });
    const remindAtOf = (id: string, deadline: Deadline) =>
      this.reminderOf(deadline, received.get(id) as Date, calendar);
    return recomputeStoredDeadlines(
      calendar,
      stored,
      {
        service: 'objections',
        kind: 'objection-examination',
        action: 'objection.examination-recompute',
        targetType: 'objection',
        store: async (tx, id, deadline) => {
          await this.objections.update(tx, id, {
            examLastDay: deadline.lastDay,
            examDueAt: deadline.endsAtDate,
            examProvisional: deadline.provisional,
            examBasis: deadline.basis,
            remindAt: remindAtOf(id, deadline),
          });
        },
        reschedule: (id, deadline, tenantId) =>
          this.scheduleExamination(id, remindAtOf(id, deadline), deadline.endsAtDate, tenantId),
      },
      { database: this.database, audit: this.audit },
    );
  }
}
