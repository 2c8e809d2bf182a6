import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import {
  DomainError,
  type PerformanceEvaluationBody,
  performanceEvaluationRecorded,
  type UseReportView,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { useRulesOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { AwardsGateway } from '../entitlement/awards.gateway';
import { EntitlementRepository } from '../entitlement/entitlement.repository';
import type { PrismaClient } from '../funds-prisma';
import { evaluationAlreadyRecorded, noEvaluationRequired, useNotFound } from './use-report.errors';
import { toUseReportView } from './use-report.mapper';
import { UseReportRepository } from './use-report.repository';

/**
 * The grant's performance evaluation (专项财政资金绩效评价, inner-mongolia 第十九条: the winner cooperates with it),
 * recorded by finance once per entitlement with its rating, conclusion, evaluator, date and report; the event
 * `funds.performance-evaluation.recorded.v1` lets the awards service mark the winner's duty fulfilled. The regulation
 * sets no rating scale or date: they are the evaluation's own, recorded as finance states them.
 */
@Injectable()
export class PerformanceEvaluationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly entitlements: EntitlementRepository,
    private readonly reports: UseReportRepository,
    private readonly awards: AwardsGateway,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async record(entitlementId: string, body: PerformanceEvaluationBody): Promise<UseReportView> {
    const found = await this.database.inTenant((tx) => this.entitlements.find(tx, entitlementId));
    if (!found || found.status !== 'obligated') throw useNotFound();
    const rules = useRulesOf(await this.awards.policy(found.policyVersion));
    if (!rules?.performanceEvaluation) throw noEvaluationRequired();
    const now = this.clock.now();
    if (body.evaluatedOn > shanghaiDateOf(now)) {
      throw DomainError.validation([
        {
          field: 'body.evaluatedOn',
          reason: { zh: '评价日期不得晚于今日', en: 'The evaluation date cannot be in the future' },
        },
      ]);
    }
    return this.database.inTenant(async (tx) => {
      const entitlement = await this.entitlements.findLocked(tx, entitlementId);
      if (!entitlement) throw useNotFound();
      const id = randomUUID();
      const actor = acting().label;
      const inserted = await this.reports.insertEvaluation(tx, {
        id,
        entitlementId,
        rating: body.rating,
        score: body.score ?? null,
        conclusion: body.conclusion,
        evaluator: body.evaluator,
        evaluatedOn: body.evaluatedOn,
        document: body.document,
        basis: rules.basis,
        recordedBy: actor,
        recordedAt: now,
      });
      if (!inserted) throw evaluationAlreadyRecorded();
      await this.outbox.add(tx, performanceEvaluationRecorded, {
        evaluationId: id,
        entitlementId,
        cycleNumber: entitlement.cycleNumber,
        applicantId: entitlement.applicantId,
        tier: entitlement.tier,
        rating: body.rating,
        conclusion: body.conclusion,
        evaluator: body.evaluator,
        evaluatedOn: body.evaluatedOn,
        document: body.document,
        basis: rules.basis,
        actor,
        at: now.toISOString(),
      });
      await this.audit.record(tx, {
        action: 'performance-evaluation.recorded',
        targetType: 'entitlement',
        targetId: entitlementId,
        basis: rules.basis,
        before: null,
        after: { rating: body.rating, score: body.score ?? null, evaluator: body.evaluator, document: body.document },
      });
      return toUseReportView(
        entitlement,
        rules,
        await this.reports.ofEntitlement(tx, entitlementId),
        await this.reports.evaluationOf(tx, entitlementId),
      );
    });
  }
}
