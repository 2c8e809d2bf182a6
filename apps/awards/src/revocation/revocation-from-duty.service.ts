import { shanghaiDateOf } from '@laurel/calendar';
import { DomainError, type OpenRevocationFromDutyBody, type RevocationCaseView } from '@laurel/contracts';
import { Database } from '@laurel/platform';
import { isoDate } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { dateColumn } from '../date-column.util';
import { DutyRepository } from '../duty/duty.repository';
import { revocationView } from './revocation.mapper';
import { RevocationRepository } from './revocation.repository';
import { RevocationService } from './revocation.service';

const dutyField = (zh: string, en: string) =>
  new DomainError({ code: 'rule_violation', detail: { zh, en }, fields: [{ field: 'dutyId', reason: { zh, en } }] });

/**
 * A revocation case opened from an overdue post-award duty where the title's policy lists refusing duties as a ground
 * (xinzhou-city 第二十八条 拒绝履行相关责任义务): the ground is the duty's refusal ground, the event day the first
 * overdue day, and the duty (its name, due date and article) the first item of evidence. Whether a missed date is a
 * refusal is the office's finding, written in the description; the approving body decides the case as any other.
 */
@Injectable()
export class RevocationFromDutyService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly duties: DutyRepository,
    private readonly cases: RevocationRepository,
    private readonly revocations: RevocationService,
  ) {}

  async open(dutyId: string, body: OpenRevocationFromDutyBody): Promise<RevocationCaseView> {
    const row = await this.database.inTenant(async (tx) => {
      const duty = await this.duties.byId(tx, dutyId);
      if (!duty) throw DomainError.notFound({ zh: '没有这项义务', en: 'No such duty' });
      if (!duty.refusalRuleId || !duty.refusalBasis) {
        throw dutyField(
          '本称号适用的办法未将拒绝履行责任义务列为撤销事由',
          'the title’s policy does not list refusing duties as a ground for revocation',
        );
      }
      if (duty.status !== 'overdue' || !duty.overdueAt) {
        throw dutyField(
          `该义务未逾期（状态：${duty.status}），不能据此提起撤销`,
          `the duty is ${duty.status}, not overdue: no revocation can be opened from it`,
        );
      }
      const open = (await this.cases.ofDuty(tx, dutyId)).find((c) => c.status !== 'dismissed');
      if (open) {
        throw DomainError.conflict(
          { zh: '已就该义务提起撤销案件', en: 'A revocation case was already opened from this duty' },
          { field: 'dutyId', reason: 'case_exists', caseId: open.id },
        );
      }
      const dueDate = duty.dueDate ? dateColumn.toIso(duty.dueDate) : null;
      const eventOn = dueDate ? isoDate.addDays(dueDate, 1) : shanghaiDateOf(duty.overdueAt);
      const sequence = duty.sequence > 1 ? `（第${duty.sequence}次）` : '';
      return this.revocations.openIn(
        tx,
        {
          titleId: duty.titleId,
          ...(body.identity ? { identity: body.identity } : {}),
          ground: 'refusing_duties',
          eventOn,
          description: body.description,
          evidence: [
            {
              title: `逾期未履行：${duty.nameZh}${sequence}`,
              reference: `义务 ${duty.id}；截止 ${dueDate ?? '未定'}；${duty.basis}；撤销事由 ${duty.refusalBasis}`,
            },
            ...body.evidence,
          ],
        },
        duty.id,
      );
    });
    return revocationView(row);
  }
}
