import { randomInt, randomUUID } from 'node:crypto';
import {
  DomainError,
  type PageRequest,
  type ParsedRequestOf,
  type reportFile,
  type reportReply,
} from '@laurel/contracts';
import { AuditTrail, Clock, Database } from '@laurel/platform';
import type { ActingRole } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { FileIntakeService } from '../files/file-intake.service';
import { toStoredFileView } from '../files/stored-file.mapper';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { callerHolds, reportReceiver, requireRole } from '../rules/acting-role.util';
import { cite, notSet, RulesService } from '../rules/rules.service';
import { hashSecretToken, newSecretToken } from '../secret-token.util';
import { ReportRepository, type ReportWithFiles } from './report.repository';

type Status = 'received' | 'handling' | 'closed';
type Reply = {
  message: string;
  status: Status;
  at: string;
};
type Reporter = NonNullable<ParsedRequestOf<typeof reportFile>['reporter']>;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newReportNumber = () => `JB-${Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
const notFound = () => DomainError.notFound({ zh: '未找到该举报', en: 'No such report' });

/**
 * Who reported is seen by the body that receives reports only (xinzhou-city: the supervision group, which keeps the
 * reporter confidential, 第二十七条; linxia: the committee office, 第二十四条); never by a log or an export.
 */
function toReportView(row: ReportWithFiles, identify: boolean) {
  return {
    id: row.id,
    reportNumber: row.reportNumber,
    anonymous: row.anonymous,
    reporter: identify && row.reporterIdentity ? (row.reporterIdentity as Reporter) : null,
    reporterHidden: !identify && !row.anonymous,
    concerning: row.concerning,
    details: row.details,
    files: row.files.map(toStoredFileView),
    status: row.status as Status,
    receivedAt: row.receivedAt.toISOString(),
    replies: row.replies as unknown as Reply[],
  };
}

/** Reports (举报) of misconduct in the process: by name, or anonymously where the policy allows. */
@Injectable()
export class ReportService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly reports: ReportRepository,
    private readonly rules: RulesService,
    private readonly files: FileIntakeService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async file(body: ParsedRequestOf<typeof reportFile>) {
    const rules = await this.database.inTenant((tx) => this.rules.current(tx));
    if (!rules) throw notSet();
    if (!body.reporter && rules.reports.anonymousAllowed !== true) {
      throw new DomainError({
        code: 'validation_failed',
        detail: {
          zh: '本辖区规定未允许匿名举报，请署名（举报人信息严格保密）',
          en: 'The regulation of this jurisdiction does not provide for anonymous reports; please give your name (it is kept confidential)',
        },
        fields: [{ field: 'body.reporter', reason: { zh: '必填', en: 'is required' } }],
        basis: cite(rules, rules.reports.basis) ?? undefined,
      });
    }
    const accepted = this.files.check(
      body.evidence.map((upload, i) => ({ kind: 'evidence' as const, field: `body.evidence[${i}]`, upload })),
    );
    const token = newSecretToken();
    const receivedAt = this.clock.now();
    const row = await this.files.saveWhile(accepted, (keys) =>
      this.database.inTenant(async (tx) => {
        const created = await this.reports.create(
          tx,
          {
            id: randomUUID(),
            reportNumber: newReportNumber(),
            tokenHash: hashSecretToken(token),
            anonymous: !body.reporter,
            ...(body.reporter ? { reporterIdentity: body.reporter } : {}),
            concerning: body.concerning,
            details: body.details,
            status: 'received',
            receivedAt,
            replies: [],
          },
          accepted,
          keys,
        );
        // Never the reporter's identity in the audit trail.
        await this.audit.record(tx, {
          action: 'report.file',
          targetType: 'report',
          targetId: created.id,
          basis: cite(rules, rules.reports.basis),
          after: { anonymous: !body.reporter, files: accepted.length },
        });
        return created;
      }),
    );
    return { reportNumber: row.reportNumber, token, receivedAt: receivedAt.toISOString(), anonymous: row.anonymous };
  }

  async track(token: string) {
    const row = await this.database.inTenant((tx) => this.reports.findByTokenHash(tx, hashSecretToken(token)));
    if (!row) throw notFound();
    return {
      reportNumber: row.reportNumber,
      status: row.status as Status,
      receivedAt: row.receivedAt.toISOString(),
      replies: row.replies as unknown as Reply[],
    };
  }

  /** The reports, for the body that receives them and the supervision group (which oversees the process). */
  async list(request: { status?: Status } & PageRequest) {
    const { status, ...page } = request;
    return this.database.inTenant(async (tx) => {
      const receiver = await this.access(tx, 'read');
      const { rows, next } = await this.reports.list(tx, status, page);
      return { reports: rows.map((row) => toReportView(row, callerHolds(receiver))), next };
    });
  }

  async get(id: string) {
    return this.database.inTenant(async (tx) => {
      const receiver = await this.access(tx, 'read');
      const row = await this.reports.find(tx, id);
      if (!row) throw notFound();
      return toReportView(row, callerHolds(receiver));
    });
  }

  /** Answers the reporter: the body that receives reports. */
  reply(request: ParsedRequestOf<typeof reportReply>) {
    return this.database.inTenant(async (tx) => {
      await this.access(tx, 'answer');
      const row = await this.reports.find(tx, request.id);
      if (!row) throw notFound();
      if (row.status === 'closed') throw DomainError.conflict({ zh: '该举报已办结', en: 'This report is closed' });
      const replies = [
        ...(row.replies as unknown as Reply[]),
        { message: request.message, status: request.status, at: this.clock.now().toISOString() },
      ];
      await this.reports.update(tx, row.id, { status: request.status, replies });
      await this.audit.record(tx, {
        action: 'report.reply',
        targetType: 'report',
        targetId: row.id,
        before: { status: row.status },
        after: { status: request.status },
      });
      return toReportView((await this.reports.find(tx, row.id)) as ReportWithFiles, true);
    });
  }

  /** Refuses a caller the rules give no part in reports; answers the receiving role. */
  private async access(tx: ObjectionsTx, purpose: 'read' | 'answer'): Promise<ActingRole> {
    const rules = await this.rules.current(tx);
    const receiver = reportReceiver(rules);
    requireRole(
      purpose === 'read' ? [receiver, 'supervisor'] : [receiver],
      rules ? cite(rules, rules.reports.basis) : null,
    );
    return receiver;
  }
}
