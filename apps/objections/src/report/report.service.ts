import { randomInt, randomUUID } from 'node:crypto';
import {
  DomainError,
  type PageRequest,
  type ParsedRequestOf,
  type reportFile,
  type reportReply,
} from '@laurel/contracts';
import { AuditTrail, Clock, Database } from '@laurel/platform';
import { type ActingRole, anonymousReportsTaken } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { FileIntakeService } from '../files/file-intake.service';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { callerHolds, reportReceiver, requireRole } from '../rules/acting-role.util';
import { cite, notSet, RulesService } from '../rules/rules.service';
import { hashSecretToken, newSecretToken } from '../secret-token.util';
import {
  fullReporter,
  type ReporterIdentity,
  type ReportReply,
  type ReportStatus,
  toReportView,
} from './report.mapper';
import { ReportRepository, type ReportWithFiles } from './report.repository';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const newReportNumber = () => `JB-${Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;
const notFound = () => DomainError.notFound({ zh: '未找到该举报', en: 'No such report' });

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
    // Refused only where the text refuses anonymous reports; a silent text (linxia 第二十四条) takes them.
    if (!body.reporter && !anonymousReportsTaken(rules.reports)) {
      throw new DomainError({
        code: 'validation_failed',
        detail: {
          zh: '本辖区规定不受理匿名举报，请署名（举报人信息严格保密）',
          en: 'The regulation of this jurisdiction does not take anonymous reports; please give your name (it is kept confidential)',
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
      status: row.status as ReportStatus,
      receivedAt: row.receivedAt.toISOString(),
      replies: row.replies as unknown as ReportReply[],
    };
  }

  /** The reports, for the body that receives them and the supervision group (which oversees the process). */
  async list(request: { status?: ReportStatus } & PageRequest) {
    const { status, ...page } = request;
    return this.database.inTenant(async (tx) => {
      await this.access(tx, 'read');
      const { rows, next } = await this.reports.list(tx, status, page);
      // Never the reporter in a list, not even for the receiver.
      return { reports: rows.map((row) => toReportView(row, false)), next };
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
        ...(row.replies as unknown as ReportReply[]),
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

  /**
   * The reporter's full identity for the body that receives reports, when it must reach them: an audit entry records
   * who asked, when and why, never the identity.
   */
  revealIdentity(request: { id: string; reason: string }) {
    return this.database.inTenant(async (tx) => {
      const rules = await this.rules.current(tx);
      await this.access(tx, 'answer');
      const row = await this.reports.find(tx, request.id);
      if (!row) throw notFound();
      if (row.anonymous || !row.reporterIdentity) {
        throw DomainError.conflict({
          zh: '匿名举报，无举报人信息',
          en: 'This report is anonymous: there is no reporter to reveal',
        });
      }
      await this.audit.record(tx, {
        action: 'report.identity.reveal',
        targetType: 'report',
        targetId: row.id,
        basis: rules ? cite(rules, rules.reports.basis) : null,
        after: { reason: request.reason },
      });
      return fullReporter(row.reporterIdentity as unknown as ReporterIdentity);
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
