import { type CandidateEntry, type CandidateListView, candidateListPublished, DomainError } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { CycleProcedure, stageOf } from '../cycle/cycle-procedure.service';
import { DeliberationRepository } from '../deliberation/deliberation.repository';
import type { PrismaClient } from '../reviews-prisma';
import { onUniqueViolation } from '../unique-violation.util';
import { applicationsByIds, VoteRepository } from '../vote/vote.repository';
import { CandidateListRepository, type CandidateListRow } from './candidate-list.repository';

type Tally = { candidates: { applicationId: string; proposedTier: string | null }[] };

/**
 * The candidate list of a cycle: the result of the stages its policy names — the member units' vote (ili 第十六条)
 * and/or the deliberation (ili 第十七条, linxia 第二十一条 …) — with the proposed tier per candidate (the last stage's).
 * Published once, as `reviews.candidate-list.published.v1` through the outbox, for the awards service.
 */
@Injectable()
export class CandidateListService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly lists: CandidateListRepository,
    private readonly votes: VoteRepository,
    private readonly deliberations: DeliberationRepository,
    private readonly cycles: CycleProcedure,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async get(cycleNumber: number): Promise<CandidateListView> {
    const row = await this.database.inTenant((tx) => this.lists.ofCycle(tx, cycleNumber));
    if (!row)
      throw DomainError.notFound({ zh: '本届候选获奖名单尚未发布', en: 'No candidate list published for the cycle' });
    return toView(row);
  }

  async publish(cycleNumber: number): Promise<CandidateListView> {
    const policy = await this.cycles.of(cycleNumber);
    const voteStage = stageOf(policy, 'vote');
    // The deliberation stage, or xinzhou-district's candidate list the leading group's deliberation decides (第十四条).
    const deliberationStage = policy.deliberation;
    if (!voteStage && !deliberationStage) {
      throw DomainError.conflict({
        zh: '本届适用的政策未规定投票或审议环节，不由评审服务产生候选获奖名单',
        en: 'The cycle’s policy names neither a vote nor a deliberation',
      });
    }
    const publish = () =>
      this.database.inTenant(async (tx) => {
        if (await this.lists.ofCycle(tx, cycleNumber)) {
          throw DomainError.conflict({
            zh: `第 ${cycleNumber} 届候选获奖名单已发布，只发布一次`,
            en: `The candidate list of cycle ${cycleNumber} is published already`,
          });
        }
        const vote = voteStage ? await this.votes.ofCycle(tx, cycleNumber) : null;
        if (voteStage && vote?.status !== 'tallied') {
          throw DomainError.conflict({
            zh: `成员单位投票尚未计票（${voteStage.basis}）`,
            en: `The member units' vote is not tallied (${voteStage.basis})`,
          });
        }
        const deliberation = deliberationStage ? await this.deliberations.ofCycle(tx, cycleNumber) : null;
        if (deliberationStage && !deliberation) {
          throw DomainError.conflict({
            zh: `审议尚未记录（${deliberationStage.basis}）`,
            en: `The deliberation is not recorded (${deliberationStage.basis})`,
          });
        }
        const voteTiers = new Map(
          ((vote?.tally as Tally | null)?.candidates ?? []).map((c) => [c.applicationId, c.proposedTier]),
        );
        const deliberationTiers = new Map((deliberation?.decisions ?? []).map((d) => [d.applicationId, d.tier]));
        // In the order of the last stage: the deliberation's decisions, or the slate.
        const order = deliberation
          ? deliberation.decisions.map((d) => d.applicationId)
          : (vote?.candidates ?? []).map((c) => c.applicationId);
        const names = await applicationsByIds(tx, order);
        const entries: CandidateEntry[] = [];
        for (const applicationId of order) {
          const proposedTier = deliberation ? deliberationTiers.get(applicationId) : voteTiers.get(applicationId);
          const application = names.get(applicationId);
          if (!proposedTier || !application) continue;
          entries.push({
            applicationId,
            applicantId: application.applicantId,
            applicantName: application.applicantName,
            applicantKind: application.applicantKind as CandidateEntry['applicantKind'],
            position: entries.length + 1,
            voteTier: vote ? (voteTiers.get(applicationId) ?? null) : null,
            deliberationTier: deliberation ? (deliberationTiers.get(applicationId) ?? null) : null,
            proposedTier,
          });
        }
        // The office's proposal from the results (inner-mongolia 第十五条) is a stage of the list too; the deliberation,
        // which decided among its candidates only, requires it.
        const stages = [voteStage, policy.proposal, deliberationStage].filter((s) => !!s);
        const created = await this.lists.create(tx, {
          cycleNumber,
          stages: stages.map((s) => s.key),
          entries,
          basis: stages.map((s) => s.basis).join('; '),
          publishedBy: acting().label,
          publishedAt: this.clock.now(),
        });
        const view = toView(created);
        await this.outbox.add(tx, candidateListPublished, view);
        await this.audit.record(tx, {
          action: 'candidate-list.publish',
          targetType: 'candidate-list',
          targetId: created.id,
          basis: view.basis,
          before: null,
          after: {
            cycleNumber,
            entries: entries.map((e) => ({ applicationId: e.applicationId, tier: e.proposedTier })),
          },
        });
        return created;
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    const row = await onUniqueViolation(publish, publish);
    return toView(row);
  }
}

const toView = (row: CandidateListRow): CandidateListView => ({
  id: row.id,
  cycleNumber: row.cycleNumber,
  stages: row.stages,
  entries: row.entries as CandidateEntry[],
  basis: row.basis,
  publishedBy: row.publishedBy,
  publishedAt: row.publishedAt.toISOString(),
});
