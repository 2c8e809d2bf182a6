import {
  type AwardWinner,
  applicantGet,
  awardDecided,
  type CommendationDecisionView,
  DomainError,
  type FieldError,
  type RecordCommendationDecisionBody,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, Outbox, ServiceClient } from '@laurel/platform';
import { evaluateWinnerQuotas, type Policy, type TierKey, titleValidity } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { PrismaClient } from '../awards-prisma';
import { CandidateListRepository } from '../candidate-list/candidate-list.repository';
import { CandidateNoticeRepository } from '../candidate-notice/candidate-notice.repository';
import { BLOCKING_STANDINGS } from '../candidate-notice/candidate-standing.lifecycle';
import { HOLDING_STATES, REMOVING_STATES } from '../clearance/clearance.lifecycle';
import { ClearanceRepository } from '../clearance/clearance.repository';
import { CycleRepository } from '../cycle/cycle.repository';
import { dateColumn } from '../date-column.util';
import { DutyService } from '../duty/duty.service';
import { DutyReminderScheduler } from '../duty/duty-reminder.scheduler';
import type { CandidateStanding } from '../generated/prisma/client';
import { storedPolicy } from '../policy/policy-document.util';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { TitleReader } from '../title/title.reader';
import { TitleExpiryScheduler } from '../title-expiry/title-expiry.scheduler';
import { toDecisionView } from './commendation.mapper';
import { CommendationDecisionRepository, type NewTitle } from './commendation.repository';
import { winnersWithKinds } from './winner-kinds.util';

/**
 * The approval (审定) and commendation decision (表彰决定): the office records the government's act as the act says
 * it — never automated — with the winners it names (each on the cycle's candidate list), checked against the quotas.
 * One title per winner with the policy's validity; `awards.award.decided.v1` through the outbox for the funds
 * service, with each winner's earlier wins of the tier from the titles on record.
 */
@Injectable()
export class CommendationService {
  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly cycles: CycleRepository,
    private readonly lists: CandidateListRepository,
    private readonly decisions: CommendationDecisionRepository,
    private readonly titles: TitleReader,
    private readonly clearance: ClearanceRepository,
    private readonly notices: CandidateNoticeRepository,
    private readonly client: ServiceClient,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly duties: DutyService,
    private readonly dutyReminders: DutyReminderScheduler,
    private readonly expiry: TitleExpiryScheduler,
  ) {}

  async get(cycleNumber: number): Promise<CommendationDecisionView> {
    return this.database.inTenant(async (tx) => {
      const { cycle, policy } = await this.cycleOf(tx, cycleNumber);
      const decision = await this.decisions.ofCycle(tx, cycleNumber);
      if (!decision)
        throw DomainError.notFound({ zh: `第${cycleNumber}届尚未记录表彰决定`, en: 'No commendation decision yet' });
      return toDecisionView(decision, await this.titles.ofDecision(tx, decision.id), cycle.quotas, policy);
    });
  }

  async record(cycleNumber: number, body: RecordCommendationDecisionBody): Promise<CommendationDecisionView> {
    const { cycle, policy, list, blocking, standings } = await this.database.inTenant(async (tx) => ({
      ...(await this.cycleOf(tx, cycleNumber)),
      list: await this.lists.ofCycle(tx, cycleNumber),
      blocking: await this.clearance.ofCycleIn(tx, cycleNumber, [...HOLDING_STATES, ...REMOVING_STATES]),
      standings: await this.notices.standings(tx, cycleNumber, BLOCKING_STANDINGS),
    }));
    if (!list)
      throw DomainError.conflict({ zh: '本届尚未收到候选获奖名单', en: 'No candidate list received for the cycle' });
    const fields: FieldError[] = [];
    const seen = new Set<string>();
    body.winners.forEach((winner, index) => {
      if (!list.entries.some((e) => e.applicationId === winner.applicationId))
        fields.push(
          field(`winners[${index}].applicationId`, '不在本届候选获奖名单上', 'is not on the cycle’s candidate list'),
        );
      else if (seen.has(winner.applicationId))
        fields.push(field(`winners[${index}].applicationId`, '重复', 'is listed twice'));
      for (const request of blocking.filter((r) => r.applicationId === winner.applicationId)) {
        const removed = REMOVING_STATES.includes(request.status);
        fields.push(
          field(
            `winners[${index}].applicationId`,
            removed
              ? `${request.applicantName}：领导小组已采纳${request.department.name}的意见，不再列为候选（${request.basis}）`
              : `${request.applicantName}：${request.department.name}提出意见，待领导小组决定（${request.basis}）`,
            removed
              ? `${request.applicantName}: removed, the leading group upheld the ${request.department.name} concern (${request.basis})`
              : `${request.applicantName}: held, a ${request.department.name} concern awaits the leading group (${request.basis})`,
          ),
        );
      }
      for (const standing of standings.filter((s) => s.applicationId === winner.applicationId))
        fields.push(field(`winners[${index}].applicationId`, ...standingReason(standing)));
      seen.add(winner.applicationId);
    });
    const quotas = evaluateWinnerQuotas(policy, winnersWithKinds(body.winners, list.entries), body.quotaExceedances);
    fields.push(...quotas.problems.map((p) => ({ field: `body.${p.field}`, reason: p.reason })));
    if (fields.length > 0)
      throw new DomainError({
        code: 'rule_violation',
        detail: { zh: '获奖者与候选获奖名单或名额不符', en: 'The winners do not fit the candidate list or the quotas' },
        fields,
      });

    const titles = await Promise.all(
      body.winners.map(async (winner): Promise<NewTitle> => {
        const entry = list.entries.find((e) => e.applicationId === winner.applicationId);
        if (!entry) throw new Error('checked above');
        const validity = titleValidity(policy, winner.tier, body.decidedOn);
        const applicant = await this.client.request(applicantGet, { id: entry.applicantId });
        return {
          applicationId: entry.applicationId,
          applicantId: entry.applicantId,
          applicantKind: entry.applicantKind,
          applicantName: entry.applicantName,
          creditCode: applicant.creditCode,
          tier: winner.tier,
          validFrom: dateColumn.fromIso(validity.validFrom),
          validUntil: validity.validUntil ? dateColumn.fromIso(validity.validUntil) : null,
          validityBasis: `${policy.key} ${validity.basis}`,
        };
      }),
    );
    const now = this.clock.now();
    const basis = approvalBasis(policy);
    const recordedBy = acting().label;
    const { view, reminders, expiring } = await this.database.inTenant(async (tx) => {
      const decision = await this.decisions.create(tx, {
        cycleNumber,
        cycleId: cycle.id,
        year: cycle.year,
        policyVersion: cycle.policyVersion.version,
        approvingBody: body.approvingBody,
        documentNumber: body.documentNumber,
        decidedOn: dateColumn.fromIso(body.decidedOn),
        basis,
        quotaExceedances: quotas.tiers
          .filter((t) => t.exceedance)
          .map((t) => ({ ...t.exceedance, used: t.proposed, max: t.max })),
        recordedBy,
        recordedAt: now,
        titles,
      });
      if (!decision)
        throw DomainError.conflict({
          zh: `第${cycleNumber}届的表彰决定已记录，只记录一次`,
          en: `The commendation decision of cycle ${cycleNumber} is recorded already`,
        });
      const granted = await this.titles.ofDecision(tx, decision.id);
      const winners: AwardWinner[] = [];
      for (const title of granted) {
        winners.push({
          applicantId: title.applicantId,
          applicantKind: title.applicantKind as AwardWinner['applicantKind'],
          applicantName: title.applicantName,
          tier: title.tier as TierKey,
          previousWins: await this.decisions.previousWins(tx, title.applicantId, title.tier, cycleNumber),
        });
      }
      await this.outbox.add(tx, awardDecided, {
        decisionId: decision.id,
        cycleNumber,
        policyVersion: cycle.policyVersion.version,
        decidedOn: body.decidedOn,
        winners,
        actor: recordedBy,
        at: now.toISOString(),
      });
      await this.audit.record(tx, {
        action: 'commendation-decision.record',
        targetType: 'commendation-decision',
        targetId: decision.id,
        basis,
        before: null,
        after: {
          cycleNumber,
          approvingBody: body.approvingBody,
          documentNumber: body.documentNumber,
          decidedOn: body.decidedOn,
          winners: body.winners,
          quotaExceedances: body.quotaExceedances,
        },
      });
      // Each title's post-award duties (planned from the policy) and the end of its validity.
      const reminders = [];
      for (const title of granted) reminders.push(...(await this.duties.planIn(tx, title.id)));
      const expiring = granted.flatMap((title) =>
        title.validUntil ? [{ id: title.id, validUntil: dateColumn.toIso(title.validUntil) }] : [],
      );
      const quotaRows = (await this.cycleOf(tx, cycleNumber)).cycle.quotas;
      return { view: toDecisionView(decision, granted, quotaRows, policy), reminders, expiring };
    });
    // After the commit; should Redis fail here, the deadline sources find the rows.
    await this.dutyReminders.apply({ schedule: reminders, cancel: [] });
    for (const title of expiring) await this.expiry.schedule(title.id, title.validUntil);
    return view;
  }

  private async cycleOf(tx: Parameters<Parameters<Database<PrismaClient>['inTenant']>[0]>[0], cycleNumber: number) {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    const cycle = await this.cycles.byNumber(tx, programme.id, cycleNumber);
    if (!cycle)
      throw DomainError.notFound({ zh: `未找到第${cycleNumber}届评选`, en: `No cycle number ${cycleNumber}` });
    return { cycle, policy: storedPolicy(cycle.policyVersion.document) };
  }
}

/** Why a candidate an objection on its notice held or removed cannot be approved, with the objection and article. */
const standingReason = (s: CandidateStanding): [string, string] =>
  s.status === 'removed'
    ? [
        `${s.applicantName}：公示异议（${s.receiptNumber ?? ''}）经调查属实，已不再列为候选（${s.basis}）`,
        `${s.applicantName}: removed, objection ${s.receiptNumber ?? ''} on its notice was upheld (${s.basis})`,
      ]
    : [
        `${s.applicantName}：公示期满时有异议未处理完毕，待异议处理后再定（${s.basis}）`,
        `${s.applicantName}: held, objections on its notice are still to be decided (${s.basis})`,
      ];

const field = (name: string, zh: string, en: string): FieldError => ({ field: `body.${name}`, reason: { zh, en } });

/** The articles of the policy's approval and commendation stages. */
function approvalBasis(policy: Policy): string {
  const stages = policy.procedure.stages.filter((s) => s.kind === 'approval' || s.kind === 'commendation');
  const articles = [...new Set(stages.map((s) => s.basis))];
  return `${policy.key} ${articles.length > 0 ? articles.join('; ') : policy.tiers[0]?.basis}`;
}
