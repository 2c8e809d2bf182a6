import { type ApplicationStatus, noticeEntryState } from '@laurel/contracts';
import { Clock, ServiceClient } from '@laurel/platform';
import { evaluateObjectionOutcome, type ObjectionDecision } from '@laurel/policy';
import { Injectable } from '@nestjs/common';
import type { ApplicationsTx } from '../applications-prisma';
import { mayBeDisqualified, TERMINAL } from './application.lifecycle';
import { ApplicationRepository, type ApplicationWithDetails } from './application.repository';
import { isCurrentNotice, type NoticeRef, setNoticeOutcome } from './application-notices.service';
import { ApplicationTransitions } from './application-transitions.service';
import { AwardsGateway } from './awards.gateway';
import { outcomeRecord } from './outcome-record.util';
import { WithdrawnNoticeRepository } from './withdrawn-notice.repository';

/** An objection decided on an entry naming the application. */
export interface DecidedObjection {
  decision: ObjectionDecision;
  reasons: string;
  noticeId: string;
  entryId: string;
}

/**
 * What the outcomes of notices and objections (durable events from the objections service) do to an application.
 * Each runs in its consumer's transaction with the application's row locked, so outcomes take turns and each sees
 * the last one's result; the order in which they arrive does not decide.
 */
@Injectable()
export class NoticeOutcomes {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly withdrawnNotices: WithdrawnNoticeRepository,
    private readonly transitions: ApplicationTransitions,
    private readonly client: ServiceClient,
    private readonly awards: AwardsGateway,
    private readonly clock: Clock,
  ) {}

  /** The notice closed with no pending objection: the application moves on. */
  async passed(tx: ApplicationsTx, applicationId: string, noticeId: string): Promise<void> {
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row || !isCurrentNotice(row, noticeId)) return;
    await this.advance(tx, row, noticeId);
  }

  /** The notice closed with objections pending: the application waits (with the count the objections service has). */
  async held(tx: ApplicationsTx, applicationId: string, noticeId: string, entryId: string): Promise<void> {
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row || !isCurrentNotice(row, noticeId)) return;
    await this.settleFromEntry(tx, row, noticeId, entryId);
  }

  /**
   * An objection decided: what it does is the policy's (`evaluateObjectionOutcome` on the application's pinned
   * version, the evaluator the objections service applied to its letter); otherwise a held application may go on.
   */
  async objectionDecided(tx: ApplicationsTx, applicationId: string, decided: DecidedObjection): Promise<void> {
    const row = await this.applications.findLocked(tx, applicationId);
    if (!row) return;
    const status = row.status;
    const judged =
      decided.decision.outcome === 'upheld'
        ? evaluateObjectionOutcome(await this.awards.policy(row.policyVersion), decided.decision)
        : null;
    // Even an application its notice's close accepted a moment before: the two outcomes travel on separate
    // consumers, and the order they arrive in must not decide (ili 第二十一条).
    if (judged?.effect === 'disqualify' && mayBeDisqualified(status)) {
      await this.transitions.apply(tx, row, 'disqualify', {
        reason: decided.reasons,
        basis: judged.basis,
        change: {
          objectionsPending: 0,
          outcome: outcomeRecord('disqualified', decided.reasons, judged.basis, this.clock.now()),
        },
      });
      return;
    }
    if (TERMINAL.has(status) || !isCurrentNotice(row, decided.noticeId)) return;
    await this.settleFromEntry(tx, row, decided.noticeId, decided.entryId);
  }

  /**
   * A notice withdrawn: recorded, so that no step records it afterwards (the event may come before the step that
   * would have put an application on it), and each application on it goes back to the step before it.
   */
  async withdrawn(
    tx: ApplicationsTx,
    notice: { noticeId: string; reason: string; withdrawnAt: Date },
    applicationIds: readonly string[],
  ): Promise<void> {
    await this.withdrawnNotices.record(tx, notice);
    for (const applicationId of applicationIds) {
      const row = await this.applications.findLocked(tx, applicationId);
      if (!row || !isCurrentNotice(row, notice.noticeId)) continue;
      await this.transitions.apply(tx, row, 'notice-withdrawn', {
        reason: notice.reason,
        change: { objectionsPending: 0, notices: setNoticeOutcome(row, notice.noticeId, 'withdrawn') },
      });
    }
  }

  private async advance(tx: ApplicationsTx, row: ApplicationWithDetails, noticeId: string): Promise<void> {
    const change = { objectionsPending: 0, notices: setNoticeOutcome(row, noticeId, 'passed') };
    if (row.status === 'recommendation_notice') {
      await this.transitions.apply(tx, row, 'recommendation-notice-passed', { change });
    } else if (row.status === 'acceptance_notice') {
      await this.transitions.apply(tx, row, 'acceptance-notice-passed', { change });
    }
  }

  /**
   * Holds or releases an application from its notice entry's state as the objections service has it now: an open
   * notice decides nothing yet (its close will); objections still pending hold it; none pending lets it go on.
   */
  private async settleFromEntry(
    tx: ApplicationsTx,
    row: ApplicationWithDetails,
    noticeId: string,
    entryId: string,
  ): Promise<void> {
    const state = await this.client.request(noticeEntryState, { entryId });
    if (!state.closed) return;
    if (state.objectionsPending === 0) {
      await this.advance(tx, row, noticeId);
      return;
    }
    const alreadyHeld =
      row.objectionsPending === state.objectionsPending &&
      row.notices.find((n) => n.noticeId === noticeId)?.outcome === 'objections_pending';
    if (alreadyHeld) return;
    await this.transitions.apply(tx, row, 'held', {
      reason: `${state.objectionsPending} objection(s) pending`,
      change: {
        objectionsPending: state.objectionsPending,
        notices: setNoticeOutcome(row, noticeId, 'objections_pending'),
      },
    });
  }
}
