import { type CandidateProposalBody, type CandidateProposalView, DomainError } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, RequestContexts } from '@laurel/platform';
import { type Policy, scoringPlanOf } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient, ReviewsTx } from '../reviews-prisma';
import { CycleRanking } from '../scoring/cycle-ranking.service';
import { evaluateCutByKind } from '../scoring/rank-by-kind.util';
import { cutSplitsTie } from '../scoring/scoring.errors';
import { type StageCutRow, StageResultRepository } from '../scoring/stage-result.repository';
import { CyclePolicy } from '../stage/cycle-policy.service';
import { onUniqueViolation } from '../unique-violation.util';
import { SlateSource } from '../vote/slate-source.service';
import { applicationsByIds } from '../vote/vote.repository';

const listNotScored = (byCount: boolean) =>
  DomainError.validation([
    {
      field: byCount ? 'body.count' : 'body.minScore',
      reason: {
        zh: '综合评审未评分、不排名：候选名单取其推荐名单全部，或由办公室列明名单',
        en: 'the composite is not scored or ranked: take its whole recommended list, or give the list',
      },
    },
  ]);

/** The policy's candidate-list rule when the office proposes from the results, with the stage after it. */
export function officeProposalOf(policy: Policy) {
  const rule = scoringPlanOf(policy.key).candidateList;
  if (rule?.decidedBy !== 'office_from_results') return null;
  const stages = [...policy.procedure.stages].sort((a, b) => a.order - b.order);
  const index = stages.findIndex((stage) => stage.key === rule.stage);
  return { ...rule, basis: `${policy.key} ${rule.basis}`, next: stages[index + 1]?.key ?? rule.stage };
}

/**
 * The office's candidate proposal (inner-mongolia 第十五条 研究提出拟授奖候选名单, xinzhou-city 第十八条 根据评审结果提出
 * 候选名单): taken from the cycle's ranking by a count or a least score (a count that splits a tie is refused), or the
 * whole ranking; the office's own list is the recorded exception. Recorded once, as the cut of the `candidate_list`
 * stage (the same record as the cut after a scored stage); the deliberation then decides among these only.
 */
@Injectable()
export class CandidateProposalService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly policies: CyclePolicy,
    private readonly ranking: CycleRanking,
    private readonly slates: SlateSource,
    private readonly results: StageResultRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(cycleNumber: number): Promise<CandidateProposalView> {
    const { policy } = await this.policies.of(RequestContexts.requireTenant(), cycleNumber);
    const rule = officeProposalOf(policy);
    return this.database.inTenant(async (tx) => {
      const row = rule ? await this.results.cut(tx, cycleNumber, rule.stage) : null;
      if (!row) {
        throw DomainError.notFound({ zh: '本届候选名单尚未提出', en: 'No candidate proposal recorded for the cycle' });
      }
      return this.view(tx, policy, row);
    });
  }

  async record(cycleNumber: number, body: CandidateProposalBody): Promise<CandidateProposalView> {
    const { policy } = await this.policies.of(RequestContexts.requireTenant(), cycleNumber);
    const rule = officeProposalOf(policy);
    if (!rule) {
      throw DomainError.conflict({
        zh: '本届适用的政策未规定由办公室根据评审结果提出候选名单',
        en: 'The cycle’s policy does not have the office propose candidates from the results',
      });
    }
    const rules = [body.count, body.minScore, body.applicationIds].filter((given) => given !== undefined).length;
    if (rules > 1) {
      throw DomainError.validation([
        {
          field: 'body',
          reason: {
            zh: '人数、最低分数与名单只能给出其一',
            en: 'give one of count, minScore and applicationIds',
          },
        },
      ]);
    }
    const record = () =>
      this.database.inTenant(async (tx) => {
        if (await this.results.cut(tx, cycleNumber, rule.stage)) {
          throw DomainError.conflict({
            zh: '本届候选名单已提出，只记录一次',
            en: 'The candidate proposal is recorded already',
          });
        }
        let goesOn: readonly string[];
        let stops: readonly string[] = [];
        let count: number | null = null;
        if (body.applicationIds) {
          goesOn = (await this.slates.candidates(tx, cycleNumber, body.applicationIds)).applicationIds;
        } else {
          const ranked = await this.slates.candidates(tx, cycleNumber, undefined);
          const rows = (await this.ranking.of(tx, policy, cycleNumber)).rows;
          count = body.count ?? (body.minScore === undefined ? ranked.applicationIds.length : null);
          if (rows.length === 0) {
            // The composite assessment's list (nothing scored): whole, since it has no scores to cut by.
            if (body.count !== undefined || body.minScore !== undefined) throw listNotScored(body.count !== undefined);
            goesOn = ranked.applicationIds;
          } else {
            const rule = count !== null ? { count } : { minScore: body.minScore as number };
            const evaluated = evaluateCutByKind(rows, rule);
            if (evaluated.splitTie) throw cutSplitsTie(evaluated.splitTie.rank, evaluated.splitTie.applicationIds);
            goesOn = evaluated.goesOn;
            stops = evaluated.stops;
          }
        }
        const decided = {
          cycleNumber,
          stageKey: rule.stage,
          toStage: rule.next,
          count,
          minScore: body.minScore ?? null,
          goesOn: [...goesOn],
          stops: [...stops],
          basis: rule.basis,
          reason: body.reason,
          decidedBy: acting().label,
          decidedAt: this.clock.now(),
        };
        await this.results.addCut(tx, decided);
        await this.audit.record(tx, {
          action: 'candidate-proposal.record',
          targetType: 'stage',
          targetId: `${cycleNumber}/${rule.stage}`,
          basis: rule.basis,
          before: null,
          after: {
            source: body.applicationIds ? 'office_decision' : 'ranking',
            count,
            minScore: decided.minScore,
            candidates: decided.goesOn,
            reason: body.reason,
          },
        });
        return this.view(tx, policy, { ...decided, tenantId: RequestContexts.requireTenant() });
      });
    // Lost a first-write race: the second run finds the proposal and answers 409, as the check above does.
    return onUniqueViolation(record, record);
  }

  private async view(tx: ReviewsTx, policy: Policy, row: StageCutRow): Promise<CandidateProposalView> {
    const names = await applicationsByIds(tx, row.goesOn);
    const ranking = await this.ranking.of(tx, policy, row.cycleNumber);
    const scores = new Map(ranking.rows.map((r) => [r.applicationId, r.score]));
    return {
      cycleNumber: row.cycleNumber,
      stageKey: row.stageKey,
      basis: row.basis,
      source: row.count === null && row.minScore === null ? 'office_decision' : 'ranking',
      count: row.count,
      minScore: row.minScore,
      candidates: row.goesOn.map((applicationId, index) => ({
        applicationId,
        applicantName: names.get(applicationId)?.applicantName ?? '',
        position: index + 1,
        score: scores.get(applicationId) ?? null,
      })),
      reason: row.reason,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt.toISOString(),
    };
  }
}
