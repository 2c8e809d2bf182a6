import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '@laurel/calendar';
import {
  CANDIDATE_LIST_NOTICE_STAGES,
  type CandidateNoticeView,
  DomainError,
  type FieldError,
  noticeOpen,
  noticeWithdraw,
  type OpenCandidateNoticeBody,
} from '@laurel/contracts';
import { AuditTrail, acting, Clock, Database, ServiceClient } from '@laurel/platform';
import type { Policy } from '@laurel/policy';
import { Injectable, Logger } from '@nestjs/common';
import { AWARDS_NOTICE_PREFIX } from '../awards.consumers';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { CandidateListRepository } from '../candidate-list/candidate-list.repository';
import { CycleRepository } from '../cycle/cycle.repository';
import type { CandidateNotice } from '../generated/prisma/client';
import { storedPolicy } from '../policy/policy-document.util';
import { ProgrammeRepository } from '../programme/programme.repository';
import { noProgramme } from '../programme/programme.service';
import { CandidateNoticeRepository } from './candidate-notice.repository';
import { toStandingView } from './candidate-standing.mapper';

const LIST_STAGES = CANDIDATE_LIST_NOTICE_STAGES;

/**
 * The candidate notice and the proposed-winners notice (公示): the office opens them from the recorded candidate list
 * through the objections service, with the period, unit and channel the policy gives the stage (xinzhou-district
 * 第十四条: 7 days on the district government's disclosure platform; xinzhou-city 第十八、十九条). A candidate an
 * objection removed is not put on a later notice. One notice per stage; a notice the step could not record is
 * withdrawn again rather than left public for nothing.
 */
@Injectable()
export class CandidateNoticeService {
  private readonly logger = new Logger(CandidateNoticeService.name);

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly programmes: ProgrammeRepository,
    private readonly cycles: CycleRepository,
    private readonly lists: CandidateListRepository,
    private readonly notices: CandidateNoticeRepository,
    private readonly client: ServiceClient,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async open(cycleNumber: number, body: OpenCandidateNoticeBody): Promise<CandidateNoticeView> {
    const { cycle, policy, list, removed, existing } = await this.database.inTenant(async (tx) => {
      const { cycle, policy } = await this.cycleOf(tx, cycleNumber);
      return {
        cycle,
        policy,
        list: await this.lists.ofCycle(tx, cycleNumber),
        removed: await this.notices.standings(tx, cycleNumber, ['removed']),
        existing: await this.notices.ofStage(tx, cycleNumber, body.stage),
      };
    });
    const rule = policy.procedure.notices.find((n) => n.stage === body.stage && n.scope === 'public');
    if (!rule || !LIST_STAGES.includes(body.stage))
      throw new DomainError({
        code: 'rule_violation',
        detail: { zh: '政策未规定该阶段的候选名单公示', en: 'The policy names no notice of the list at this stage' },
        fields: [
          {
            field: 'body.stage',
            reason: {
              zh: `${policy.key} 未规定该阶段的候选名单公示（可选：${listNotices(policy).join('、') || '无'}）`,
              en: `${policy.key} names no public notice of the candidate list at this stage (${listNotices(policy).join(', ') || 'none'})`,
            },
          },
        ],
      });
    if (!rule.period && !body.period)
      throw DomainError.conflict({
        zh: `${policy.key} ${rule.basis} 未规定公示期，须由办公室确定（period）`,
        en: `${policy.key} ${rule.basis} gives no notice period; the office sets it (period)`,
      });
    if (rule.period && body.period)
      throw DomainError.validation([
        {
          field: 'body.period',
          reason: {
            zh: `公示期由 ${policy.key} ${rule.basis} 规定，不能另定`,
            en: `${policy.key} ${rule.basis} sets the notice period; it cannot be set otherwise`,
          },
        },
      ]);
    const period = rule.period ?? (body.period as NonNullable<typeof body.period>);
    if (existing) throw alreadyOpen(cycleNumber, body.stage, existing);
    if (!list)
      throw DomainError.conflict({
        zh: '本届尚未收到候选获奖名单',
        en: 'No candidate list received for the cycle',
      });
    const entries = list.entries.filter((e) => !removed.some((r) => r.applicationId === e.applicationId));
    if (entries.length === 0)
      throw DomainError.conflict({
        zh: '候选获奖名单上已无候选',
        en: 'No candidate is left on the list',
      });
    const winners = body.stage === 'proposed_winners';
    const tierName = (tier: string) => policy.tiers.find((t) => t.key === tier)?.name.zh ?? tier;
    const notice = await this.client.request(noticeOpen, {
      reference: `${AWARDS_NOTICE_PREFIX}${body.stage}:${cycleNumber}`,
      cycleNumber,
      policyVersion: cycle.policyVersion.version,
      stage: body.stage,
      title: `第${cycleNumber}届${winners ? '拟授奖名单公示' : '候选获奖名单公示'}`,
      publishedOn: body.publishedOn ?? shanghaiDateOf(this.clock.now()),
      period: { count: period.count, unit: period.unit },
      basis: rule.basis,
      entries: entries.map((e) => ({
        subjectKind: e.applicantKind as 'organisation' | 'individual',
        subjectId: e.applicantId,
        subjectName: e.applicantName,
        proposal: winners ? `拟授予${tierName(e.proposedTier)}` : `拟列为${tierName(e.proposedTier)}候选`,
        applicationId: e.applicationId,
      })),
    });
    const now = this.clock.now();
    try {
      const row = await this.database.inTenant(async (tx) => {
        const created = await this.notices.create(tx, {
          id: randomUUID(),
          cycleNumber,
          stage: body.stage,
          noticeId: notice.id,
          channelZh: rule.channel?.zh ?? null,
          channelEn: rule.channel?.en ?? null,
          periodCount: notice.deadline.count,
          periodUnit: notice.deadline.unit,
          lastDay: notice.deadline.lastDay,
          basis: `${policy.key} ${rule.basis}`,
          openedBy: acting().label,
          openedAt: now,
        });
        if (!created) {
          const other = await this.notices.ofStage(tx, cycleNumber, body.stage);
          if (other?.noticeId === notice.id) return other;
          throw alreadyOpen(cycleNumber, body.stage, other);
        }
        await this.audit.record(tx, {
          action: 'candidate-notice.open',
          targetType: 'candidate-notice',
          targetId: created.id,
          basis: created.basis,
          before: null,
          after: {
            cycleNumber,
            stage: body.stage,
            noticeId: notice.id,
            entries: entries.map((e) => e.applicationId),
          },
        });
        return created;
      });
      return { ...toNoticeRuleView(row), notice };
    } catch (error) {
      await this.withdraw(notice.id);
      throw error;
    }
  }

  /**
   * The generic notice route's check: at a candidate-list stage each entry must name a candidate of the recorded list
   * (its application and applicant) that no objection removed. No list recorded yet: nothing to check against.
   */
  async checkEntries(request: {
    cycleNumber?: number;
    stage: string;
    entries: { subjectId: string; applicationId?: string }[];
  }): Promise<{ checked: boolean }> {
    if (!LIST_STAGES.includes(request.stage)) return { checked: false };
    const { list, removed } = await this.database.inTenant(async (tx) => {
      const list =
        request.cycleNumber !== undefined
          ? await this.lists.ofCycle(tx, request.cycleNumber)
          : await this.lists.latest(tx);
      return { list, removed: list ? await this.notices.standings(tx, list.cycleNumber, ['removed']) : [] };
    });
    if (!list) return { checked: false };
    const fields: FieldError[] = [];
    request.entries.forEach((entry, index) => {
      const candidate = list.entries.find((e) => e.applicationId === entry.applicationId);
      const reason =
        !candidate || candidate.applicantId !== entry.subjectId
          ? {
              zh: `不在第${list.cycleNumber}届候选获奖名单上`,
              en: `is not on the candidate list of cycle ${list.cycleNumber}`,
            }
          : removed.some((r) => r.applicationId === candidate.applicationId)
            ? { zh: '已因公示异议不再列为候选', en: 'was removed by an objection upheld on its notice' }
            : null;
      if (reason) fields.push({ field: `body.entries[${index}]`, reason });
    });
    if (fields.length > 0)
      throw new DomainError({
        code: 'rule_violation',
        detail: { zh: '公示条目须为本阶段的候选', en: 'The entries must be candidates at this stage' },
        fields,
      });
    return { checked: true };
  }

  async list(cycleNumber: number) {
    return this.database.inTenant(async (tx) => ({
      notices: (await this.notices.ofCycle(tx, cycleNumber)).map((row) => ({
        ...toNoticeRuleView(row),
        noticeId: row.noticeId,
        lastDay: row.lastDay,
      })),
      standings: (await this.notices.standings(tx, cycleNumber)).map(toStandingView),
    }));
  }

  private async withdraw(noticeId: string): Promise<void> {
    try {
      await this.client.request(noticeWithdraw, {
        id: noticeId,
        reason: '公示未能记录，撤回后重新公示',
      });
    } catch (error) {
      this.logger.warn(`candidate notice ${noticeId} could not be withdrawn: ${String(error)}`);
    }
  }

  private async cycleOf(tx: AwardsTx, cycleNumber: number) {
    const programme = await this.programmes.current(tx);
    if (!programme) throw noProgramme();
    const cycle = await this.cycles.byNumber(tx, programme.id, cycleNumber);
    if (!cycle)
      throw DomainError.notFound({
        zh: `未找到第${cycleNumber}届评选`,
        en: `No cycle number ${cycleNumber}`,
      });
    return { cycle, policy: storedPolicy(cycle.policyVersion.document) };
  }
}

const listNotices = (policy: Policy) =>
  policy.procedure.notices.filter((n) => n.scope === 'public' && LIST_STAGES.includes(n.stage)).map((n) => n.stage);

const alreadyOpen = (cycleNumber: number, stage: string, row: CandidateNotice | null) =>
  DomainError.conflict(
    {
      zh: `第${cycleNumber}届该阶段的公示已发布`,
      en: `The ${stage} notice of cycle ${cycleNumber} is open already`,
    },
    row ? { noticeId: row.noticeId } : undefined,
  );

const toNoticeRuleView = (row: CandidateNotice) => ({
  cycleNumber: row.cycleNumber,
  stage: row.stage,
  channel: row.channelZh !== null ? { zh: row.channelZh, en: row.channelEn ?? row.channelZh } : null,
  period: {
    count: row.periodCount,
    unit: row.periodUnit as 'calendar_days' | 'working_days',
  },
  basis: row.basis,
  openedBy: row.openedBy,
  openedAt: row.openedAt.toISOString(),
});
