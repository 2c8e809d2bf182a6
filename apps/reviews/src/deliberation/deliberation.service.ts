import { type DeliberationBody, type DeliberationView, DomainError, deliberationRecorded } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox, RequestContexts } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import { CycleProcedure, stageOf } from '../cycle/cycle-procedure.service';
import type { PrismaClient } from '../reviews-prisma';
import { AssessedCompositeService } from '../scoring/assessed-composite.service';
import { assessedCompositeOf } from '../scoring/assessed-composite.util';
import { StageResultRepository } from '../scoring/stage-result.repository';
import { CyclePolicy } from '../stage/cycle-policy.service';
import { onUniqueViolation } from '../unique-violation.util';
import { invalidField } from '../vote/vote.errors';
import { applicationsByIds, VoteRepository } from '../vote/vote.repository';
import { DeliberationRepository, type DeliberationRow } from './deliberation.repository';

/**
 * The deliberation by the leading group (ili 第十七条, xinzhou-city 第十九条, inner-mongolia 第十六条) or the committee
 * (linxia 第二十一条): the office records the minutes (who attended, when, the text) and the decision per candidate,
 * once per cycle. Where the policy puts a vote before it, it deliberates the tallied vote's slate.
 */
@Injectable()
export class DeliberationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly deliberations: DeliberationRepository,
    private readonly votes: VoteRepository,
    private readonly results: StageResultRepository,
    private readonly cycles: CycleProcedure,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly policies: CyclePolicy,
    private readonly assessed: AssessedCompositeService,
  ) {}

  async list(cycle?: number): Promise<{ deliberations: DeliberationView[] }> {
    const rows = await this.database.inTenant((tx) => this.deliberations.list(tx, cycle));
    return { deliberations: await Promise.all(rows.map((row) => this.view(row))) };
  }

  async record(body: DeliberationBody): Promise<DeliberationView> {
    const policy = await this.cycles.of(body.cycleNumber);
    const stage = policy.deliberation;
    if (!stage) {
      throw DomainError.conflict({
        zh: '本届适用的政策未规定审议环节',
        en: 'The cycle’s policy names no deliberation',
      });
    }
    const voteStage = stageOf(policy, 'vote');
    const { policy: pinned } = await this.policies.of(RequestContexts.requireTenant(), body.cycleNumber);
    // The composite report goes to the leading group before it decides (xinzhou-district 第十三条 报领导小组审核); where a
    // vote or the office's proposal comes between, their slate is taken from it already.
    const composite = voteStage || policy.proposal ? null : assessedCompositeOf(pinned);
    const tiers = new Set(policy.tiers.map((t) => t.key));
    const record = () =>
      this.database.inTenant(async (tx) => {
        if (await this.deliberations.ofCycle(tx, body.cycleNumber)) {
          throw DomainError.conflict({
            zh: `第 ${body.cycleNumber} 届的审议已记录`,
            en: `The deliberation of cycle ${body.cycleNumber} is recorded already`,
          });
        }
        if (composite) {
          const formed = await this.assessed.compute(tx, pinned, body.cycleNumber);
          if (formed.pending.length > 0) {
            throw DomainError.conflict(
              {
                zh: `须先形成${composite.stage.name.zh}（${composite.basis}）：${formed.pending.map((p) => p.zh).join('；')}`,
                en: `The ${composite.stage.name.en.toLowerCase()} must be formed first (${composite.basis}): ${formed.pending.map((p) => p.en).join('; ')}`,
              },
              { pending: formed.pending },
            );
          }
        }
        let slate: Set<string> | null = null;
        if (policy.proposal) {
          // The office proposed the candidates from the results; the deliberation decides among them.
          const proposal = await this.results.cut(tx, body.cycleNumber, policy.proposal.key);
          if (!proposal) {
            throw DomainError.conflict({
              zh: `须先由办公室根据评审结果提出候选名单（${policy.proposal.basis}），再记录审议`,
              en: `The office's candidate proposal must be recorded first (${policy.proposal.basis})`,
            });
          }
          slate = new Set(proposal.goesOn);
        }
        if (voteStage) {
          const vote = await this.votes.ofCycle(tx, body.cycleNumber);
          if (vote?.status !== 'tallied') {
            throw DomainError.conflict({
              zh: `须先完成成员单位投票并计票（${voteStage.basis}），再记录审议`,
              en: `The member units' vote must be tallied first (${voteStage.basis})`,
            });
          }
          slate = new Set(vote.candidates.map((c) => c.applicationId));
        }
        const known = await applicationsByIds(
          tx,
          body.decisions.map((d) => d.applicationId),
        );
        const seen = new Set<string>();
        body.decisions.forEach((d, i) => {
          const field = `body.decisions.${i}`;
          if (seen.has(d.applicationId)) throw invalidField(`${field}.applicationId`, '重复', 'is decided twice');
          seen.add(d.applicationId);
          if (known.get(d.applicationId)?.cycleNumber !== body.cycleNumber) {
            throw invalidField(
              `${field}.applicationId`,
              '不是本届已受理的申报',
              'is not an accepted application of the cycle',
            );
          }
          if (slate && !slate.has(d.applicationId)) {
            throw invalidField(
              `${field}.applicationId`,
              voteStage ? '不在投票的候选名单上' : '不在办公室提出的候选名单上',
              voteStage ? 'was not on the vote’s slate' : 'was not on the office’s candidate proposal',
            );
          }
          if (d.tier !== null && !tiers.has(d.tier)) {
            throw invalidField(
              `${field}.tier`,
              `须为 ${[...tiers].join('、')} 之一或空`,
              `must be one of ${[...tiers].join(', ')} or null`,
            );
          }
        });
        const now = this.clock.now();
        const actor = acting().label;
        const id = await this.deliberations.create(
          tx,
          {
            cycleNumber: body.cycleNumber,
            body: stage.actor ?? '领导小组',
            heldAt: new Date(body.heldAt),
            attendees: body.attendees,
            minutes: body.minutes,
            basis: stage.basis,
            recordedBy: actor,
            recordedAt: now,
          },
          body.decisions.map((d) => ({ applicationId: d.applicationId, tier: d.tier, reason: d.reason ?? null })),
        );
        await this.outbox.add(tx, deliberationRecorded, {
          deliberationId: id,
          cycleNumber: body.cycleNumber,
          basis: stage.basis,
          actor,
          at: now.toISOString(),
        });
        await this.audit.record(tx, {
          action: 'deliberation.record',
          targetType: 'deliberation',
          targetId: id,
          basis: stage.basis,
          before: null,
          after: { attendees: body.attendees, heldAt: body.heldAt, decisions: body.decisions },
        });
        return this.deliberations.ofCycle(tx, body.cycleNumber) as Promise<DeliberationRow>;
      });
    // Lost a first-write race: the second run finds the row and answers as the check above does.
    const row = await onUniqueViolation(record, record);
    return this.view(row);
  }

  private async view(row: DeliberationRow): Promise<DeliberationView> {
    const names = await this.database.inTenant((tx) =>
      applicationsByIds(
        tx,
        row.decisions.map((d) => d.applicationId),
      ),
    );
    return {
      id: row.id,
      cycleNumber: row.cycleNumber,
      body: row.body,
      heldAt: row.heldAt.toISOString(),
      attendees: row.attendees,
      minutes: row.minutes,
      decisions: row.decisions.map((d) => ({
        applicationId: d.applicationId,
        applicantName: names.get(d.applicationId)?.applicantName ?? '',
        tier: d.tier,
        reason: d.reason,
      })),
      basis: row.basis,
      recordedBy: row.recordedBy,
      recordedAt: row.recordedAt.toISOString(),
    };
  }
}
