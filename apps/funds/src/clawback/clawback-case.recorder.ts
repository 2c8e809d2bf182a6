import type { ClawbackCasePayload, ClawbackCaseStatus } from '@laurel/contracts';
import { AuditTrail, acting, Clock, Outbox } from '@laurel/platform';
import { Injectable } from '@nestjs/common';
import type { FundsTx } from '../funds-prisma';
import { fenNumber } from '../ledger/fen.util';
import { type ClawbackAction, type ClawbackTransition, stateAfter } from './clawback-case.lifecycle';
import { ClawbackCaseRepository, type ClawbackCaseRow } from './clawback-case.repository';

export interface ClawbackStep {
  readonly action: ClawbackAction;
  readonly transition: ClawbackTransition;
  readonly from: ClawbackCaseStatus | null;
  readonly amount?: bigint | null;
  readonly transferId?: string | null;
  readonly note?: string | null;
  /** The article the step follows, for the audit trail. */
  readonly basis?: string | null;
}

/** A step of a clawback case recorded three ways in its transaction: history, an event (outbox), an audit entry. */
@Injectable()
export class ClawbackCaseRecorder {
  constructor(
    private readonly cases: ClawbackCaseRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  async record(tx: FundsTx, row: Pick<ClawbackCaseRow, 'id' | 'revocationId' | 'applicantId'>, step: ClawbackStep) {
    const now = this.clock.now();
    const actor = acting().label;
    const to = stateAfter(step.transition, step.from);
    const amountFen = step.amount === undefined || step.amount === null ? null : fenNumber(step.amount);
    await this.cases.addHistory(tx, {
      caseId: row.id,
      action: step.action,
      fromStatus: step.from,
      toStatus: to,
      amountFen: step.amount ?? null,
      transferId: step.transferId ?? null,
      note: step.note ?? null,
      actor,
      at: now,
    });
    const payload: ClawbackCasePayload = {
      caseId: row.id,
      revocationId: row.revocationId,
      applicantId: row.applicantId,
      action: step.action,
      from: step.from,
      to,
      amountFen,
      note: step.note ?? null,
      actor,
      at: now.toISOString(),
    };
    await this.outbox.add(tx, step.transition.event, payload);
    await this.audit.record(tx, {
      action: `clawback.${step.action}`,
      targetType: 'clawback_case',
      targetId: row.id,
      basis: step.basis ?? null,
      before: step.from ? { status: step.from } : null,
      after: {
        status: to,
        amountFen,
        transferId: step.transferId ?? null,
        note: step.note ?? null,
      },
    });
  }
}
