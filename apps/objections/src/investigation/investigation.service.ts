import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type investigatorAssign,
  type objectionDecide,
  objectionDismissed,
  objectionUpheld,
  type ParsedRequestOf,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { objectionEventFields, toObjectionView } from '../objection/objection.mapper';
import { ObjectionRepository, type ObjectionWithDetails } from '../objection/objection.repository';
import type { ObjectionsTx, PrismaClient } from '../objections-prisma';
import { type ObjectionDuty, requireDuty } from '../rules/acting-role.util';
import { outcomeEffectOf } from '../rules/outcome-effect.util';
import { cite, RulesService, type TenantRules } from '../rules/rules.service';

type Assign = ParsedRequestOf<typeof investigatorAssign>;
type Decide = ParsedRequestOf<typeof objectionDecide>;

/**
 * Investigation of an admitted objection: investigators with no interest in the case, findings, and the outcome,
 * published as a durable event naming the entry's subject so that the service that owns it acts.
 */
@Injectable()
export class InvestigationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly objections: ObjectionRepository,
    private readonly rules: RulesService,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  assign(request: Assign) {
    return this.onAdmitted(request.id, 'receive', async (tx, row, rules) => {
      const basis = rules ? cite(rules, rules.objections.investigation?.basis) : null;
      if (request.declaration.hasInterest) {
        throw new DomainError({
          code: 'rule_violation',
          detail: {
            zh: '与本异议有利害关系的人员不得参与调查',
            en: 'Someone with an interest in the case may not investigate it',
          },
          fields: [
            { field: 'body.declaration.hasInterest', reason: { zh: '已申报利害关系', en: 'declares an interest' } },
          ],
          basis: basis ?? undefined,
        });
      }
      const already = row.investigators.some(
        (i) => (request.userId && i.userId === request.userId) || i.name === request.name,
      );
      if (already) throw DomainError.conflict({ zh: '该人员已被指派', en: 'Already assigned' });
      const investigator = await this.objections.addInvestigator(tx, {
        id: randomUUID(),
        objectionId: row.id,
        name: request.name,
        userId: request.userId ?? null,
        declaration: request.declaration,
        assignedAt: this.clock.now(),
        assignedBy: acting().userId,
      });
      await this.audit.record(tx, {
        action: 'objection.assign-investigator',
        targetType: 'objection',
        targetId: row.id,
        basis,
        after: { investigatorId: investigator.id, name: request.name, declaration: request.declaration },
      });
    });
  }

  recordFinding(id: string, text: string) {
    return this.onAdmitted(id, 'receive', async (tx, row) => {
      const finding = await this.objections.addFinding(tx, {
        id: randomUUID(),
        objectionId: row.id,
        text,
        recordedAt: this.clock.now(),
        recordedBy: acting().userId,
      });
      await this.audit.record(tx, {
        action: 'objection.record-finding',
        targetType: 'objection',
        targetId: row.id,
        after: { findingId: finding.id },
      });
    });
  }

  decide(request: Decide) {
    return this.onAdmitted(request.id, 'decide', async (tx, row, rules) => {
      if (row.investigators.length === 0 || row.findings.length === 0) {
        throw DomainError.conflict({
          zh: '须先指派调查人员并记录调查结果',
          en: 'Assign investigators and record findings first',
        });
      }
      const decidedAt = this.clock.now();
      const prohibitedGround = request.outcome === 'upheld' && request.prohibitedGround;
      // What the decision does to the subject is the policy's (ili 第二十一条), judged by its one evaluator.
      const effect = outcomeEffectOf(rules, { outcome: request.outcome, prohibitedGround });
      const basis = effect.basis ?? (rules ? cite(rules, rules.objections.result?.basis) : null);
      await this.objections.update(tx, row.id, {
        status: request.outcome,
        outcome: request.outcome,
        prohibitedGround,
        outcomeEffect: effect.effect,
        outcomeReasons: request.reasons,
        outcomeBasis: basis,
        decidedAt,
        // The written result goes to the objector for confirmation where the regulation says so (linxia 第二十三条).
        confirmationRequested: rules?.objections.result?.objectorConfirms === true,
      });
      const payload = {
        ...objectionEventFields(row),
        reasons: request.reasons,
        decidedAt: decidedAt.toISOString(),
        basis,
      };
      if (request.outcome === 'upheld') {
        await this.outbox.add(tx, objectionUpheld, {
          ...payload,
          prohibitedGround,
          disqualify: effect.effect === 'disqualify',
        });
      } else {
        await this.outbox.add(tx, objectionDismissed, payload);
      }
      await this.audit.record(tx, {
        action: `objection.${request.outcome === 'upheld' ? 'uphold' : 'dismiss'}`,
        targetType: 'objection',
        targetId: row.id,
        basis,
        before: { status: row.status },
        after: { status: request.outcome, prohibitedGround, effect: effect.effect, subjectId: row.entry.subjectId },
      });
    });
  }

  /** Runs a change on an admitted objection, by the role its rules give the duty to, and answers its view. */
  private async onAdmitted(
    id: string,
    duty: ObjectionDuty,
    change: (tx: ObjectionsTx, row: ObjectionWithDetails, rules: TenantRules | null) => Promise<void>,
  ) {
    return this.database.inTenant(async (tx) => {
      const row = await this.objections.findLocked(tx, id);
      if (!row) throw DomainError.notFound({ zh: '未找到该异议', en: 'No such objection' });
      const rules = await this.rules.ofNotice(tx, row.notice);
      requireDuty(rules, duty);
      if (row.status !== 'admitted') {
        throw DomainError.conflict(
          { zh: '只有已受理、尚未结案的异议可以调查', en: 'Only an admitted, undecided objection can be investigated' },
          { currentStatus: row.status },
        );
      }
      await change(tx, row, rules);
      return toObjectionView((await this.objections.find(tx, id)) as ObjectionWithDetails);
    });
  }
}
