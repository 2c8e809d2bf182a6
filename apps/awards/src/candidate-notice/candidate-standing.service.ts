import { AuditTrail, Clock } from '@laurel/platform';
import { Injectable, Logger } from '@nestjs/common';
import type { AwardsTx } from '../awards-prisma';
import { CandidateNoticeRepository } from './candidate-notice.repository';
import { type CandidateStandingAction, candidateStandingTransitionOf } from './candidate-standing.lifecycle';

/** An outcome of an entry of one of the awards service's notices, as the objections service published it. */
export interface EntryOutcome {
  noticeId: string;
  entryId: string;
  applicationId: string;
  subject: { name: string };
  objectionId?: string;
  receiptNumber?: string;
  reasons?: string;
  basis?: string | null;
}

/**
 * What the objections service's outcomes do to a candidate of the awards service's notices: objections pending at
 * the close hold it until decided; an upheld objection removes it, recorded with the objection and the article; a
 * dismissed or refused one releases a held candidate. Outcomes of notices the awards service did not record, or
 * that the lifecycle does not allow (a removed candidate stays removed), change nothing.
 */
@Injectable()
export class CandidateStandingService {
  private readonly logger = new Logger(CandidateStandingService.name);

  constructor(
    private readonly notices: CandidateNoticeRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async apply(tx: AwardsTx, action: CandidateStandingAction, outcome: EntryOutcome): Promise<void> {
    const notice = await this.notices.byNotice(tx, outcome.noticeId);
    if (!notice) {
      this.logger.warn(`outcome of notice ${outcome.noticeId}, which the awards service did not record: ignored`);
      return;
    }
    const current = await this.notices.standingOf(tx, notice.cycleNumber, outcome.applicationId, notice.noticeId);
    const transition = candidateStandingTransitionOf(action, current?.status ?? null);
    if (!transition) return;
    const basis = outcome.basis ? `${notice.basis.split(' ')[0]} ${outcome.basis}` : notice.basis;
    const row = {
      cycleNumber: notice.cycleNumber,
      applicationId: outcome.applicationId,
      noticeId: notice.noticeId,
      entryId: outcome.entryId,
      applicantName: outcome.subject.name,
      status: transition.to,
      objectionId: outcome.objectionId ?? current?.objectionId ?? null,
      receiptNumber: outcome.receiptNumber ?? current?.receiptNumber ?? null,
      reasons: outcome.reasons ?? current?.reasons ?? null,
      basis,
      recordedAt: this.clock.now(),
    };
    await this.notices.saveStanding(tx, row);
    await this.audit.record(tx, {
      action: `candidate-standing.${action}`,
      targetType: 'candidate',
      targetId: outcome.applicationId,
      basis,
      before: current ? { status: current.status } : null,
      after: {
        status: row.status,
        noticeId: row.noticeId,
        objectionId: row.objectionId,
        reasons: row.reasons,
      },
    });
  }
}
