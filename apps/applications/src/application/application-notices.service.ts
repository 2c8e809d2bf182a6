import { shanghaiDateOf } from '@laurel/calendar';
import { type ApplicationView, type NoticeView, noticeOpen, noticeWithdraw, type PlanStep } from '@laurel/contracts';
import { Clock, Database, ServiceClient } from '@laurel/platform';
import { Injectable, Logger } from '@nestjs/common';
import type { PrismaClient } from '../applications-prisma';
import { noticeWithdrawnMeanwhile } from './application.errors';
import type { ApplicationAction } from './application.lifecycle';
import { ApplicationRepository, type ApplicationWithDetails } from './application.repository';
import { ApplicationTransitions, type StepDetails } from './application-transitions.service';
import { WithdrawnNoticeRepository } from './withdrawn-notice.repository';

export type NoticeRef = ApplicationView['notices'][number];

/**
 * The public notices (公示) the procedure puts applications on: opened through the objections service with an
 * `applications:`-prefixed reference, recorded on the application by its step, and withdrawn again when that step
 * cannot be recorded, rather than left public for nothing.
 */
@Injectable()
export class ApplicationNotices {
  private readonly logger = new Logger(ApplicationNotices.name);

  constructor(
    private readonly database: Database<PrismaClient>,
    private readonly applications: ApplicationRepository,
    private readonly withdrawnNotices: WithdrawnNoticeRepository,
    private readonly transitions: ApplicationTransitions,
    private readonly client: ServiceClient,
    private readonly clock: Clock,
  ) {}

  /** Opens a notice of one application's step (its recommendation). */
  open(
    row: ApplicationWithDetails,
    step: PlanStep,
    publishedOn: string | undefined,
    proposal: string,
    reference: string,
  ) {
    return this.client.request(noticeOpen, {
      reference,
      cycleNumber: row.cycleNumber,
      policyVersion: row.policyVersion,
      stage: step.stage,
      title: `${row.recommender?.name ?? ''}推荐公示：${row.applicant.name}`,
      publishedOn: publishedOn ?? this.today(),
      ...(step.notice ? { basis: step.notice.basis } : {}),
      entries: [entryOf(row, proposal)],
    });
  }

  today(): string {
    return shanghaiDateOf(this.clock.now());
  }

  /**
   * Records the step that puts an application on a notice just opened (its stage, from `details.stage`). Under the
   * application's lock a notice withdrawn meanwhile is refused (409); if the step fails, the notice is withdrawn
   * (`unrecorded` is the reason the public reads).
   */
  async record(
    id: string,
    action: ApplicationAction,
    notice: NoticeView,
    details: Omit<StepDetails, 'change' | 'guard'> & {
      stage: string;
      change?: StepDetails['change'];
      unrecorded: string;
    },
  ): Promise<void> {
    const { unrecorded, change, ...step } = details;
    try {
      await this.transitions.run(id, action, {
        ...step,
        change: (locked) => ({
          ...(typeof change === 'function' ? change(locked) : change),
          notices: [...locked.notices, noticeRef(details.stage, notice)],
        }),
        guard: async (tx) => {
          const withdrawn = await this.withdrawnNotices.find(tx, notice.id);
          if (withdrawn) throw noticeWithdrawnMeanwhile(withdrawn);
        },
      });
    } catch (error) {
      await this.withdrawUnrecorded(id, notice.id, unrecorded);
      throw error;
    }
  }

  /**
   * A notice opened for a step whose transition then failed is public for nothing: it is withdrawn, unless the
   * application is on it after all (a concurrent identical request recorded the step with the same notice).
   */
  private async withdrawUnrecorded(id: string, noticeId: string, reason: string): Promise<void> {
    try {
      const current = await this.database.inTenant((tx) => this.applications.find(tx, id));
      if (current?.notices?.some((n) => n.noticeId === noticeId)) return;
      await this.client.request(noticeWithdraw, { id: noticeId, reason });
    } catch (error) {
      this.logger.warn(`notice ${noticeId} opened for application ${id} could not be withdrawn: ${String(error)}`);
    }
  }
}

/** Whether `noticeId` is the notice the application is on now (a later outcome of an older notice is ignored). */
export function isCurrentNotice(row: ApplicationWithDetails, noticeId: string): boolean {
  if (row.status !== 'recommendation_notice' && row.status !== 'acceptance_notice') return false;
  return row.notices.at(-1)?.noticeId === noticeId;
}

export const setNoticeOutcome = (row: ApplicationWithDetails, noticeId: string, outcome: string): NoticeRef[] =>
  row.notices.map((n) => (n.noticeId === noticeId ? { ...n, outcome } : n));

const noticeRef = (stage: string, notice: NoticeView): NoticeRef => ({
  stage,
  noticeId: notice.id,
  lastDay: notice.deadline.lastDay,
  closesAt: notice.deadline.closesAt,
  outcome: null,
});

/** The application as an entry of a notice: who it names and what it proposes. */
export const entryOf = (row: ApplicationWithDetails, proposal: string) => ({
  subjectKind: row.applicant.kind as 'organisation' | 'individual',
  subjectId: row.applicant.id,
  subjectName: row.applicant.name,
  proposal,
  applicationId: row.id,
  ...(row.recommender ? { recommender: { id: row.recommender.id, name: row.recommender.name } } : {}),
});
