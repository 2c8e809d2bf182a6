import type { PerformanceEvaluationPayload } from '@laurel/contracts';
import { AuditTrail, Clock, EventConsumers } from '@laurel/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { fulfilEvaluationDutyWhenEvaluated } from '../awards.consumers';
import type { AwardsTx, PrismaClient } from '../awards-prisma';
import { TitleReader } from '../title/title.reader';
import { DutyRepository } from './duty.repository';

const RATING_ZH: Record<PerformanceEvaluationPayload['rating'], string> = {
  excellent: '优',
  good: '良',
  fair: '中',
  poor: '差',
};

/**
 * fulfil-evaluation-duty-when-evaluated: the grant's performance evaluation recorded by finance (inner-mongolia
 * 第十九条 获奖单位应当配合…开展专项财政资金绩效评价) fulfils the title's `requested_evaluation` duty of that
 * article: marked submitted with the evaluation's summary and its pending reminders cancelled (the reminder jobs
 * re-read the rows), in the same transaction as the inbox record. A redelivery finds the duty submitted and does
 * nothing; a title without such a duty (another policy) is left alone.
 */
@Injectable()
export class FulfilEvaluationDutyWhenEvaluatedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers<PrismaClient>,
    private readonly titles: TitleReader,
    private readonly duties: DutyRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.consumers.register(fulfilEvaluationDutyWhenEvaluated, (tx, payload) => this.fulfil(tx, payload));
  }

  private async fulfil(tx: AwardsTx, payload: PerformanceEvaluationPayload): Promise<void> {
    const title = (await this.titles.ofApplicant(tx, payload.applicantId)).find(
      (candidate) => candidate.cycleNumber === payload.cycleNumber && candidate.tier === payload.tier,
    );
    if (!title) return;
    const open = (await this.duties.ofTitle(tx, title.id)).filter(
      (duty) => duty.kind === 'requested_evaluation' && duty.basis === payload.basis && duty.status !== 'submitted',
    );
    const now = this.clock.now();
    for (const duty of open) {
      await this.duties.update(tx, duty.id, {
        status: 'submitted',
        submittedAt: now,
        submittedBy: payload.actor ?? 'funds',
        submission:
          `绩效评价已完成（${payload.document}）：评价等级「${RATING_ZH[payload.rating]}」，评价单位${payload.evaluator}，` +
          `评价日期${payload.evaluatedOn}。结论：${payload.conclusion}`,
      });
      await this.duties.cancelPending(tx, duty.id, now);
      await this.audit.record(tx, {
        action: 'duty.fulfilled',
        targetType: 'duty',
        targetId: duty.id,
        basis: duty.basis,
        before: { status: duty.status },
        after: { status: 'submitted', evaluationId: payload.evaluationId, entitlementId: payload.entitlementId },
      });
    }
  }
}
