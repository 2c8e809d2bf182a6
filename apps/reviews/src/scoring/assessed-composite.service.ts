import type { CompositeAssessmentBody, CompositeView } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database } from '@laurel/platform';
import type { Policy } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import { ReviewApplicationRepository } from '../application/review-application.repository';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { ReviewStageRepository } from '../stage/review-stage.repository';
import { type AssessedCompositeRule, assessedCompositeOf } from './assessed-composite.util';
import { CompositeAssessmentRepository } from './composite-assessment.repository';
import { compositeIsScored, noComposite, notBeforeComposite } from './scoring.errors';
import { ScoringPolicy } from './scoring-policy.service';

type Text = { zh: string; en: string };
const KIND_ORDER = ['organisation', 'individual'];

/** A review stage's results as the composite report shows them: who went on or stopped, with the panel's reason. */
export interface ReviewOutcomes {
  readonly stageKey: string;
  readonly rows: readonly { applicantName: string; applicantKind: string; outcome: string | null; reason: string }[];
}

/**
 * The composite evaluation of a policy that scores no stage (ili 第十六条: 领导小组办公室根据评审结果形成综合评审报告;
 * xinzhou-district 第十三条: 区质量强区办对各申报组织形成综合考核报告). The text gives neither criteria nor an order, so
 * the platform computes nothing: for each application that went on from the last review stage the office records
 * whether it recommends it, its opinion and its reason (who, when). The recommended applications, in the order they
 * were accepted (not an order of merit), are the list the vote's slate or the office's proposal is taken from.
 */
@Injectable()
export class AssessedCompositeService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly assessments: CompositeAssessmentRepository,
    private readonly reviewStages: ReviewStageRepository,
    private readonly applications: ReviewApplicationRepository,
    private readonly scoring: ScoringPolicy,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async put(cycleNumber: number, applicationId: string, body: CompositeAssessmentBody): Promise<CompositeView> {
    const policy = await this.scoring.policy(cycleNumber);
    const rule = this.ruleOf(policy);
    return this.database.inTenant(async (tx) => {
      const { entrants } = await this.entrants(tx, rule, cycleNumber);
      if (!entrants.includes(applicationId)) {
        throw notBeforeComposite(rule.feeding.at(-1)?.key ?? 'acceptance', rule.basis);
      }
      const before = await this.assessments.find(tx, cycleNumber, applicationId);
      await this.assessments.put(tx, {
        cycleNumber,
        applicationId,
        ...body,
        basis: rule.basis,
        decidedBy: acting().label,
        decidedAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        action: 'composite-assessment.put',
        targetType: 'composite',
        targetId: `${cycleNumber}/${applicationId}`,
        basis: rule.basis,
        before: before ? { outcome: before.outcome, opinion: before.opinion, reason: before.reason } : null,
        after: { ...body },
      });
      return this.compute(tx, policy, cycleNumber);
    });
  }

  async compute(tx: ReviewsTx, policy: Policy, cycleNumber: number): Promise<CompositeView> {
    const rule = this.ruleOf(policy);
    const { entrants, pending } = await this.entrants(tx, rule, cycleNumber);
    const accepted = await this.applications.ofCycle(tx, cycleNumber);
    const applications = new Map(accepted.map((row) => [row.id, row]));
    const recorded = new Map((await this.assessments.ofCycle(tx, cycleNumber)).map((row) => [row.applicationId, row]));
    // Organisations, then individuals; each in the order accepted — the text ranks nothing.
    const position = (id: string) =>
      KIND_ORDER.indexOf(applications.get(id)?.applicantKind ?? '') * accepted.length +
      accepted.findIndex((row) => row.id === id);
    const ordered = [...entrants].sort((a, b) => position(a) - position(b));
    const missing = ordered.filter((id) => !recorded.has(id));
    if (missing.length > 0) {
      pending.push({
        zh: `尚有 ${missing.length} 个申报未记录综合意见（${rule.basis}）`,
        en: `${missing.length} application(s) without the office's composite assessment (${rule.basis})`,
      });
    }
    const name = (id: string) => applications.get(id)?.applicantName ?? '';
    const kind = (id: string) =>
      (applications.get(id)?.applicantKind ?? 'organisation') as 'organisation' | 'individual';
    return {
      cycleNumber,
      method: 'assessed',
      stages: rule.feeding.map((stage) => stage.key),
      basis: rule.basis,
      weights: null,
      pending,
      ranking: [],
      incomplete: missing.map((id) => ({
        applicationId: id,
        applicantName: name(id),
        missing: [rule.stage.key],
        skipped: null,
      })),
      kindRules: [],
      assessments: ordered.flatMap((id) => {
        const row = recorded.get(id);
        if (!row) return [];
        return [
          {
            applicationId: id,
            applicantName: name(id),
            applicantKind: kind(id),
            outcome: row.outcome as 'recommended' | 'not_recommended',
            opinion: row.opinion,
            reason: row.reason,
            basis: row.basis,
            decidedBy: row.decidedBy,
            decidedAt: row.decidedAt.toISOString(),
          },
        ];
      }),
    };
  }

  /** The results of the review stages the composite draws on, for its report. */
  async reviewOutcomes(tx: ReviewsTx, policy: Policy, cycleNumber: number): Promise<ReviewOutcomes[]> {
    const rule = this.ruleOf(policy);
    const outcomes: ReviewOutcomes[] = [];
    for (const stage of rule.feeding) {
      const row = await this.reviewStages.byKey(tx, cycleNumber, stage.key);
      outcomes.push({
        stageKey: stage.key,
        rows: (row?.entrants ?? []).map((entrant) => ({
          applicantName: entrant.application.applicantName,
          applicantKind: entrant.application.applicantKind,
          outcome: entrant.outcome,
          reason: entrant.outcomeReason ?? '',
        })),
      });
    }
    return outcomes;
  }

  private ruleOf(policy: Policy): AssessedCompositeRule {
    const rule = assessedCompositeOf(policy);
    if (rule) return rule;
    const stage = policy.procedure.stages.find((s) => s.kind === 'composite_evaluation');
    throw stage ? compositeIsScored(`${policy.key} ${stage.basis}`) : noComposite();
  }

  /**
   * Who is in the composite: those that went on from the last review stage before it once that stage is closed
   * (ili 第十五条 对通过陈述答辩的…现场评审, then 第十六条 根据评审结果), else the cycle's accepted applications.
   */
  private async entrants(
    tx: ReviewsTx,
    rule: AssessedCompositeRule,
    cycleNumber: number,
  ): Promise<{ entrants: string[]; pending: Text[] }> {
    const last = rule.feeding.at(-1);
    if (!last)
      return { entrants: (await this.applications.ofCycle(tx, cycleNumber)).map((row) => row.id), pending: [] };
    const stage = await this.reviewStages.byKey(tx, cycleNumber, last.key);
    if (stage?.status !== 'closed') {
      return {
        entrants: [],
        pending: [
          {
            zh: `环节“${last.name.zh}”尚未结束：其评审结果是综合评审的依据（${rule.basis}）`,
            en: `Stage "${last.name.en}" is not closed: the composite is formed from its results (${rule.basis})`,
          },
        ],
      };
    }
    const entrants = stage.entrants.filter((entrant) => entrant.outcome === 'went_on');
    return { entrants: entrants.map((entrant) => entrant.applicationId), pending: [] };
  }
}
