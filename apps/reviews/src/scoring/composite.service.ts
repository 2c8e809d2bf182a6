import type { CompositeKindRuleBody, CompositeView, CompositeWeightsBody } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, renderPdf } from '@laurel/platform';
import { type Policy, scoringPlanOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { onUniqueViolation } from '../unique-violation.util';
import { AssessedCompositeService } from './assessed-composite.service';
import { assessedCompositeOf } from './assessed-composite.util';
import { compositeByKind, skippedCompositeStages } from './composite-kinds.util';
import { compositeReportDocument, renderCompositeReport } from './composite-report.util';
import { rankByKind } from './rank-by-kind.util';
import { kindSkipsNoStage, noComposite, weightsNotOfComposite } from './scoring.errors';
import { ScoringPolicy } from './scoring-policy.service';
import { StageResultRepository } from './stage-result.repository';
import { StageResultService } from './stage-result.service';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * The composite of the stages the policy combines (linxia 第二十条: defense and on-site; inner-mongolia 第十五条:
 * on-site and defense), weighted as the policy says or, where it is silent, as the office records; and its ranking.
 * No ranking is given while a stage has flags awaiting consensus or no weights are known: `pending` says why. Where the
 * policy scores nothing its composite is the office's assessment per application (`AssessedCompositeService`), shown
 * and reported through the same view and report.
 */
@Injectable()
export class CompositeService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly results: StageResultRepository,
    private readonly stages: StageResultService,
    private readonly applications: ReviewApplicationRepository,
    private readonly scoring: ScoringPolicy,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly assessed: AssessedCompositeService,
  ) {}

  async get(cycleNumber: number): Promise<CompositeView> {
    const policy = await this.scoring.policy(cycleNumber);
    return this.database.inTenant((tx) => this.compute(tx, policy, cycleNumber));
  }

  /** The office records the weights of the composite's stages (who, when, why) where the policy names none. */
  async putWeights(cycleNumber: number, body: CompositeWeightsBody): Promise<CompositeView> {
    const policy = await this.scoring.policy(cycleNumber);
    const composite = scoringPlanOf(policy.key).composite;
    if (!composite) throw noComposite();
    const given = Object.keys(body.weights).sort();
    if (given.join() !== [...composite.stages].sort().join()) throw weightsNotOfComposite(composite.stages);
    const put = () =>
      this.database.inTenant(async (tx) => {
        const before = await this.results.weights(tx, cycleNumber);
        await this.results.putWeights(tx, {
          cycleNumber,
          weights: body.weights,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        });
        await this.audit.record(tx, {
          action: 'composite-weights.put',
          targetType: 'composite',
          targetId: String(cycleNumber),
          basis: `${policy.key} ${composite.basis}`,
          before: before ? { weights: before.weights } : null,
          after: { weights: body.weights, reason: body.reason },
        });
        return this.compute(tx, policy, cycleNumber);
      });
    // Two first records at once: the upsert that lost the insert runs again as an update (the later one stands).
    return onUniqueViolation(put, put);
  }

  /**
   * The office records how the composite is formed for an applicant kind the policy has skip a combined stage (linxia
   * 第十九条; 第二十条 is silent): weights over the stages the kind takes, with a reason. 409 for a kind that skips none.
   */
  async putKindRule(cycleNumber: number, body: CompositeKindRuleBody): Promise<CompositeView> {
    const policy = await this.scoring.policy(cycleNumber);
    const composite = scoringPlanOf(policy.key).composite;
    if (!composite) throw noComposite();
    const skip = skippedCompositeStages(policy, composite.stages).get(body.applicantKind);
    if (!skip) throw kindSkipsNoStage(body.applicantKind, `${policy.key} ${composite.basis}`);
    const taken = composite.stages.filter((stage) => !skip.stages.includes(stage));
    const given = Object.keys(body.weights);
    if (given.length === 0 || given.some((stage) => !taken.includes(stage))) throw weightsNotOfComposite(taken);
    const put = () =>
      this.database.inTenant(async (tx) => {
        const before = (await this.results.kindRules(tx, cycleNumber)).find(
          (rule) => rule.applicantKind === body.applicantKind,
        );
        await this.results.putKindRule(tx, {
          cycleNumber,
          applicantKind: body.applicantKind,
          weights: body.weights,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        });
        await this.audit.record(tx, {
          action: 'composite-kind-rule.put',
          targetType: 'composite',
          targetId: `${cycleNumber}/${body.applicantKind}`,
          basis: `${skip.basis}; ${policy.key} ${composite.basis}`,
          before: before ? { weights: before.weights } : null,
          after: { weights: body.weights, reason: body.reason },
        });
        return this.compute(tx, policy, cycleNumber);
      });
    return onUniqueViolation(put, put);
  }

  /**
   * The composite report (综合评审报告; xinzhou-district 综合考核报告) as a downloadable HTML document: the scored
   * composite's ranking, or the office's recorded assessment per application where nothing is scored.
   */
  async report(cycleNumber: number): Promise<{ filename: string; contentType: string; content: string }> {
    const policy = await this.scoring.policy(cycleNumber);
    const content = renderCompositeReport(await this.reportInput(policy, cycleNumber));
    return {
      filename: `composite-report-${policy.key}-${cycleNumber}.html`,
      contentType: 'text/html; charset=utf-8',
      content,
    };
  }

  /** The same report as a PDF. */
  async reportPdf(cycleNumber: number) {
    const policy = await this.scoring.policy(cycleNumber);
    const pdf = await renderPdf(compositeReportDocument(await this.reportInput(policy, cycleNumber), this.clock.now()));
    return {
      filename: `composite-report-${policy.key}-${cycleNumber}.pdf`,
      contentType: 'application/pdf' as const,
      contentBase64: pdf.toString('base64'),
    };
  }

  private reportInput(policy: Policy, cycleNumber: number) {
    return this.database.inTenant(async (tx) => {
      const composite = await this.compute(tx, policy, cycleNumber);
      const assessed = assessedCompositeOf(policy);
      const stages = [];
      if (!assessed) {
        for (const stageKey of composite.stages) stages.push(await this.stages.compute(tx, cycleNumber, stageKey));
      }
      return {
        jurisdiction: policy.name.zh,
        reportName: assessed?.stage.name.zh ?? '综合评审报告',
        reviews: assessed ? await this.assessed.reviewOutcomes(tx, policy, cycleNumber) : [],
        stageNames: Object.fromEntries(policy.procedure.stages.map((stage) => [stage.key, stage.name.zh])),
        composite,
        stages,
        generatedAt: this.clock.now().toISOString(),
      };
    });
  }

  async compute(tx: ReviewsTx, policy: Policy, cycleNumber: number): Promise<CompositeView> {
    if (assessedCompositeOf(policy)) return this.assessed.compute(tx, policy, cycleNumber);
    const policyKey = policy.key;
    const composite = scoringPlanOf(policyKey).composite;
    const named = composite?.stages.map(
      (key) => policy.procedure.stages.find((stage) => stage.key === key)?.name ?? { zh: key, en: key },
    );
    if (!composite) throw noComposite();
    const recorded = composite.weights ? null : await this.results.weights(tx, cycleNumber);
    const values = composite.weights ?? (recorded?.weights as Record<string, number> | undefined) ?? null;
    const pending: CompositeView['pending'] = [];
    if (!values) {
      pending.push({
        zh: `政策未规定${named?.map((name) => name.zh).join('、')}的权重，须由办公室记录（${composite.basis}）`,
        en: `The policy names no weights for ${named?.map((name) => name.en).join(', ')}: the office records them (${composite.basis})`,
      });
    }
    const stageScores: Record<string, Map<string, number>> = {};
    for (const stageKey of composite.stages) {
      const result = await this.stages.compute(tx, cycleNumber, stageKey);
      if (result.openFlags > 0) {
        pending.push({
          zh: `环节“${stageKey}”尚有 ${result.openFlags} 个离群评分未经合议`,
          en: `Stage "${stageKey}" has ${result.openFlags} flagged score(s) awaiting consensus`,
        });
      }
      stageScores[stageKey] = new Map(
        result.applications.flatMap((row) => (row.normalised === null ? [] : [[row.applicationId, row.normalised]])),
      );
    }
    const applications = await this.applications.all(tx);
    const names = new Map(applications.map((row) => [row.id, row.applicantName]));
    const kinds = new Map(applications.map((row) => [row.id, row.applicantKind]));
    // A kind the policy has skip a combined stage (linxia 第十九条) is combined as the office recorded, else incomplete.
    const skipped = skippedCompositeStages(policy, composite.stages);
    const rules = await this.results.kindRules(tx, cycleNumber);
    const combined = compositeByKind(
      stageScores,
      kinds,
      values ?? Object.fromEntries(composite.stages.map((s) => [s, 1])),
      new Map(rules.map((rule) => [rule.applicantKind, rule.weights as Record<string, number>])),
    );
    const ranking =
      pending.length > 0
        ? []
        : rankByKind(
            combined.scores.map((row) => ({ ...row, applicantKind: kinds.get(row.applicationId) ?? 'organisation' })),
          ).map((row) => ({
            applicationId: row.applicationId,
            applicantName: names.get(row.applicationId) ?? '',
            applicantKind: row.applicantKind as 'organisation' | 'individual',
            score: round2(row.score),
            rank: row.rank,
            tiedWith: [...row.tiedWith],
            stages: Object.fromEntries(
              composite.stages.map((stage) => [stage, stageScores[stage]?.get(row.applicationId) ?? 0]),
            ),
          }));
    return {
      cycleNumber,
      method: 'scored',
      stages: [...composite.stages],
      basis: `${policyKey} ${composite.basis}`,
      weights: values
        ? {
            values,
            source: composite.weights ? 'policy' : 'office_decision',
            reason: recorded?.reason ?? null,
            decidedBy: recorded?.decidedBy ?? null,
            decidedAt: recorded?.decidedAt.toISOString() ?? null,
          }
        : null,
      pending,
      ranking,
      incomplete: combined.incomplete.map((row) => {
        const skip = skipped.get(kinds.get(row.applicationId) as 'organisation' | 'individual');
        const bySkip = skip && !rules.some((rule) => rule.applicantKind === kinds.get(row.applicationId));
        return {
          applicationId: row.applicationId,
          applicantName: names.get(row.applicationId) ?? '',
          missing: row.missing,
          skipped: bySkip && row.missing.every((stage) => skip.stages.includes(stage)) ? skip : null,
        };
      }),
      kindRules: rules.map((rule) => ({
        applicantKind: rule.applicantKind as 'organisation' | 'individual',
        weights: rule.weights as Record<string, number>,
        basis:
          skipped.get(rule.applicantKind as 'organisation' | 'individual')?.basis ?? `${policyKey} ${composite.basis}`,
        reason: rule.reason,
        decidedBy: rule.decidedBy,
        decidedAt: rule.decidedAt.toISOString(),
      })),
      assessments: [],
    };
  }
}
