import { randomInt, randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import {
  DomainError,
  type FieldError,
  type ObjectorInput,
  type objectionFile,
  type RequestOf,
} from '@laurel/contracts';
import { AuditTrail, CalendarProvider, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { FileIntakeService, type IncomingFile } from '../files/file-intake.service';
import { noticeStatus } from '../notice/notice.mapper';
import { NoticeRepository } from '../notice/notice.repository';
import type { PrismaClient } from '../objections-prisma';
import { cite, notSet, RulesService, type TenantRules } from '../rules/rules.service';
import { hashSecretToken, newSecretToken } from '../secret-token.util';
import { examinationOf } from './examination-deadline.util';
import { closedNotice, identityRequired, withdrawnNotice } from './objection.errors';
import { ObjectionRepository } from './objection.repository';
import { ObjectionExaminationService } from './objection-examination.service';

type FileBody = RequestOf<typeof objectionFile> & {
  evidence: NonNullable<RequestOf<typeof objectionFile>['evidence']>;
};

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const group = () => Array.from({ length: 4 }, () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)]).join('');
/** 80 bits of randomness: the number is all the objector needs to follow the case, so it must be unguessable. */
const newReceiptNumber = () => `YY-${group()}-${group()}-${group()}-${group()}`;

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
 * Filing an objection (异议): by the public during the notice period, with the identity and evidence the regulation
 * requires (e.g. ili 第十八条); the files are checked and kept, the receipt number and the token given once, and the
 * examination deadline computed and scheduled.
 */
@Injectable()
export class ObjectionFilingService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly notices: NoticeRepository,
    private readonly rules: RulesService,
    private readonly files: FileIntakeService,
    private readonly examination: ObjectionExaminationService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly calendar: CalendarProvider,
  ) {}

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
    const examination = examinationOf(receivedAt, rules, this.calendar.calendar);
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
    if (examination) await this.examination.schedule(row.id, examination.remindAt, examination.deadline.endsAtDate);
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
      fields.push({ field: 'body.objector', reason: identityRequired });
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
        if (objector[field] === undefined) fields.push({ field: `body.objector.${field}`, reason: identityRequired });
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
}
