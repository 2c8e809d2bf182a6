import { DomainError, type objectionConfirm, type PageRequest, type RequestOf } from '@laurel/contracts';
import { AuditTrail, Clock, Database } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../objections-prisma';
import { requireReader } from '../rules/acting-role.util';
import { cite, RulesService } from '../rules/rules.service';
import { secretTokenMatches } from '../secret-token.util';
import { objectionNotFound } from './objection.errors';
import { receiptDocument, toObjectionView, toTrackView } from './objection.mapper';
import { ObjectionRepository } from './objection.repository';

/**
 * Reading objections — the bodies that handle or oversee them read them in full; the objector follows its case by the
 * receipt number (track, the written receipt) and answers the result with the token given once, where the regulation
 * asks it to confirm (linxia 第二十三条).
 */
@Injectable()
export class ObjectionService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly rules: RulesService,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(id: string) {
    const row = await this.database.inTenant(async (tx) => {
      const row = await this.objections.find(tx, id);
      if (row) requireReader(await this.rules.ofNotice(tx, row.notice));
      return row;
    });
    if (!row) throw objectionNotFound();
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
      if (!row || !secretTokenMatches(request.token, row.objectorTokenHash)) throw objectionNotFound();
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
    if (!row) throw objectionNotFound();
    return toTrackView(row);
  }

  async track(receiptNumber: string) {
    const row = await this.database.inTenant((tx) => this.objections.findByReceipt(tx, receiptNumber));
    if (!row) throw objectionNotFound();
    return toTrackView(row);
  }

  async receipt(receiptNumber: string) {
    const { row, rules } = await this.database.inTenant(async (tx) => {
      const row = await this.objections.findByReceipt(tx, receiptNumber);
      return { row, rules: row ? await this.rules.ofNotice(tx, row.notice) : null };
    });
    if (!row) throw objectionNotFound();
    if (!row.admittedAt) {
      throw DomainError.conflict(
        { zh: '该异议尚未受理，暂无书面凭证', en: 'This objection has not been admitted; there is no receipt' },
        { currentStatus: row.status },
      );
    }
    return receiptDocument(row, rules ? cite(rules, rules.objections.examination?.basis) : null);
  }
}
